using System;
using System.Buffers;
using System.Collections.Generic;
using System.IO;
using System.Text;
using BadgeAdmin.Core.Configuration.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BadgeAdmin.Yaml;

/// <summary>
/// YAML files, read as tokens (<see cref="YamlBlockReader"/>, else YamlDotNet's parser events: <see cref="YamlConfigurationTokens"/>), and written with
/// its emitter: block style, two-space indentation, sequences indented under their key, "\n" line ends, no line
/// folding, strings quoted only where a plain one would read back as something else.
/// </summary>
public sealed class YamlConfigurationSyntax : IConfigurationSyntax
{
    public string Name => "YAML";

    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    /// <summary>The block-style subset the export writes is read by <see cref="YamlBlockReader"/>; any other YAML by YamlDotNet.</summary>
    public IConfigurationTokens Read(ArraySegment<byte> utf8, string fileName)
    {
        // The text goes to a pooled buffer, like the bytes: a large file makes no large one-off objects.
        var text = ArrayPool<char>.Shared.Rent(Math.Max(1, Strict.GetMaxCharCount(utf8.Count)));
        try
        {
            var length = Strict.GetChars(utf8.Array!, utf8.Offset, utf8.Count, text, 0);
            return (IConfigurationTokens?)YamlBlockReader.Read(text, length)
                ?? new YamlConfigurationTokens(new Parser(new Scanner(new StringReader(new string(text, 0, length)), skipComments: true)), fileName);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(text);
        }
    }

    public string Write(ConfigObject document, string schemaUri)
    {
        using var text = new StringWriter { NewLine = "\n" };
        text.Write("# yaml-language-server: $schema=" + schemaUri + "\n");
        var emitter = new Emitter(text, new EmitterSettings(2, int.MaxValue, false, 1024, false, true, "\n", false));
        emitter.Emit(new StreamStart());
        emitter.Emit(new DocumentStart(null, null, true));
        WriteNode(emitter, document);
        emitter.Emit(new DocumentEnd(true));
        emitter.Emit(new StreamEnd());
        var written = text.ToString().Replace("\r\n", "\n");
        return written.EndsWith("\n", StringComparison.Ordinal) ? written : written + "\n";
    }

    private static void WriteNode(IEmitter emitter, ConfigNode node)
    {
        switch (node)
        {
            case ConfigObject obj:
                emitter.Emit(new MappingStart(AnchorName.Empty, TagName.Empty, true, MappingStyle.Block));
                foreach (var property in obj.Properties)
                {
                    WriteString(emitter, property.Name);
                    WriteNode(emitter, property.Value);
                }

                emitter.Emit(new MappingEnd());
                break;
            case ConfigArray array:
                emitter.Emit(new SequenceStart(AnchorName.Empty, TagName.Empty, true, SequenceStyle.Block));
                foreach (var item in array.Items) WriteNode(emitter, item);
                emitter.Emit(new SequenceEnd());
                break;
            case ConfigScalar { Kind: ConfigScalarKind.String } text:
                WriteString(emitter, text.Text);
                break;
            case ConfigScalar other:
                emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, other.Text, ScalarStyle.Plain, true, false));
                break;
        }
    }

    /// <summary>Plain when it reads back as this same string; otherwise quoted (the emitter picks single or double quotes as the text needs).</summary>
    private static void WriteString(IEmitter emitter, string value)
    {
        var plainReadsBack = YamlPlainScalar.ReadsBackAsString(value);
        var style = value.IndexOfAny(new[] { '\n', '\r' }) >= 0 ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, plainReadsBack, true));
    }
}
