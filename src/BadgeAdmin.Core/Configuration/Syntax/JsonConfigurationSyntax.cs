using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>
/// JSON files, read as tokens by System.Text.Json's reader (<see cref="JsonConfigurationTokens"/>), and written indented
/// by two spaces with "\n" line ends, non-ASCII text kept readable, and a final newline.
/// </summary>
public sealed class JsonConfigurationSyntax : IConfigurationSyntax
{
    public string Name => "JSON";

    public IConfigurationTokens Read(ArraySegment<byte> utf8, string fileName)
    {
        if (IsBlank(utf8.AsSpan())) throw new ConfigurationFileException(new ConfigurationProblem(fileName, 0, string.Empty, "the file is empty"));
        return new JsonConfigurationTokens(utf8, fileName);
    }

    public string Write(ConfigObject document, string schemaUri)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            WriteValue(writer, document);
        }

        // The writer ends lines with Environment.NewLine; strings never hold a raw CR (JSON escapes it), so this is safe.
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
    }

    private static void WriteValue(Utf8JsonWriter writer, ConfigNode node)
    {
        switch (node)
        {
            case ConfigObject obj:
                writer.WriteStartObject();
                foreach (var property in obj.Properties)
                {
                    writer.WritePropertyName(property.Name);
                    WriteValue(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case ConfigArray array:
                writer.WriteStartArray();
                foreach (var item in array.Items) WriteValue(writer, item);
                writer.WriteEndArray();
                break;
            case ConfigScalar { Kind: ConfigScalarKind.String } text:
                writer.WriteStringValue(text.Text);
                break;
            case ConfigScalar { Kind: ConfigScalarKind.Boolean } flag:
                writer.WriteBooleanValue(flag.Text == "true");
                break;
            case ConfigScalar { Kind: ConfigScalarKind.Number } number:
                if (long.TryParse(number.Text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)) writer.WriteNumberValue(whole);
                else writer.WriteNumberValue(number.Number ?? 0);
                break;
            default:
                writer.WriteNullValue();
                break;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> bytes)
    {
        foreach (var b in bytes)
        {
            if (b is not ((byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')) return false;
        }

        return true;
    }
}
