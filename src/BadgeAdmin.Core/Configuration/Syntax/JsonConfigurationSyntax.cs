using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>
/// JSON files, read with System.Text.Json's reader (comments allowed, as editors' JSON-with-comments is common in
/// repositories) into nodes that carry lines, and written indented by two spaces with "\n" line ends, non-ASCII text
/// kept readable, and a final newline.
/// </summary>
public sealed class JsonConfigurationSyntax : IConfigurationSyntax
{
    public string Name => "JSON";

    public ConfigNode Read(ArraySegment<byte> utf8, string fileName)
    {
        ReadOnlySpan<byte> bytes = utf8.AsSpan();
        if (IsBlank(bytes)) throw new ConfigurationFileException(new ConfigurationProblem(fileName, 0, string.Empty, "the file is empty"));
        var lines = new LineIndex(utf8);
        var names = new NameCache();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            reader.Read();
            var root = ReadValue(ref reader, lines, names, fileName);
            if (reader.Read()) throw Problem(fileName, lines.LineOf(reader.TokenStartIndex), "more than one JSON value in the file");
            return root;
        }
        catch (JsonException ex)
        {
            throw new ConfigurationFileException(new ConfigurationProblem(fileName, (int)(ex.LineNumber ?? -1) + 1, string.Empty, "not valid JSON: " + WithoutPosition(ex.Message)));
        }
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

    private static ConfigNode ReadValue(ref Utf8JsonReader reader, LineIndex lines, NameCache names, string fileName)
    {
        var (line, column) = lines.PositionOf(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new ConfigObject(line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                {
                    var nameLine = lines.LineOf(reader.TokenStartIndex);
                    var name = names.Get(ref reader);
                    reader.Read();
                    var value = ReadValue(ref reader, lines, names, fileName);
                    if (!obj.TryAdd(new ConfigProperty(name, value, nameLine))) throw Problem(fileName, nameLine, $"the property '{name}' appears twice in one object");
                }

                return obj;
            case JsonTokenType.StartArray:
                var array = new ConfigArray(line, column);
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray) array.Add(ReadValue(ref reader, lines, names, fileName));
                return array;
            case JsonTokenType.String:
                return new ConfigScalar(ConfigScalarKind.String, reader.GetString()!, line, column);
            case JsonTokenType.Number:
                return new ConfigScalar(ConfigScalarKind.Number, lines.Text(reader.TokenStartIndex, reader.ValueSpan.Length), line, column);
            case JsonTokenType.True:
            case JsonTokenType.False:
                return new ConfigScalar(ConfigScalarKind.Boolean, reader.GetBoolean() ? "true" : "false", line, column);
            default:
                return new ConfigScalar(ConfigScalarKind.Null, "null", line, column);
        }
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

    private static ConfigurationFileException Problem(string fileName, int line, string message) =>
        new(new ConfigurationProblem(fileName, line, string.Empty, message));

    /// <summary>System.Text.Json appends " LineNumber: 3 | BytePositionInLine: 5."; the problem names the line already.</summary>
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return (at > 0 ? message.Substring(0, at) : message).TrimEnd('.', ' ');
    }

    /// <summary>
    /// Property names as strings, each distinct name made once: a file of thousands of badges repeats the same dozen
    /// names tens of thousands of times.
    /// </summary>
    private sealed class NameCache
    {
        private readonly System.Collections.Generic.List<(byte[] Utf8, string Text)>?[] _byLength = new System.Collections.Generic.List<(byte[], string)>?[64];

        public string Get(ref Utf8JsonReader reader)
        {
            var span = reader.ValueSpan;
            if (reader.HasValueSequence || reader.ValueIsEscaped || span.Length >= _byLength.Length) return reader.GetString()!;
            var known = _byLength[span.Length] ??= new System.Collections.Generic.List<(byte[], string)>();
            foreach (var (utf8, text) in known)
            {
                if (span.SequenceEqual(utf8)) return text;
            }

            var name = reader.GetString()!;
            known.Add((span.ToArray(), name));
            return name;
        }
    }

    /// <summary>
    /// Turns a token's byte offset into a 1-based line and column. Tokens come in order, so the line only moves
    /// forward: one pass over the text in all.
    /// </summary>
    private sealed class LineIndex
    {
        private readonly ArraySegment<byte> _bytes;
        private long _scanned;
        private long _lineStart;
        private int _line = 1;

        public LineIndex(ArraySegment<byte> bytes) => _bytes = bytes;

        public int LineOf(long offset) => PositionOf(offset).Line;

        public (int Line, int Column) PositionOf(long offset)
        {
            var bytes = _bytes.Array!;
            for (; _scanned < offset; _scanned++)
            {
                if (bytes[_bytes.Offset + _scanned] != (byte)'\n') continue;
                _line++;
                _lineStart = _scanned + 1;
            }

            return (_line, (int)(offset - _lineStart) + 1);
        }

        public string Text(long offset, int length) => Encoding.UTF8.GetString(_bytes.Array!, _bytes.Offset + (int)offset, length);
    }
}
