using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using BadgeAdmin.Core.Configuration.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BadgeAdmin.Yaml;

/// <summary>
/// YAML files, read with YamlDotNet's parser into nodes that keep their lines (plain scalars resolved by the YAML
/// 1.2 core schema: null, true/false, numbers; everything else, and every quoted scalar, is a string), and written
/// with its emitter: block style, two-space indentation, sequences indented under their key, "\n" line ends, no line
/// folding, strings quoted only where a plain one would read back as something else.
/// </summary>
public sealed class YamlConfigurationSyntax : IConfigurationSyntax
{
    private static readonly Regex NumberPlain = new(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$|^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$|^0x[0-9a-fA-F]+$|^0o[0-7]+$", RegexOptions.CultureInvariant);

    // Words YAML 1.1 readers (still common) take for booleans: written quoted so every reader sees a string.
    private static readonly Regex Yaml11Boolean = new("^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$", RegexOptions.CultureInvariant);

    public string Name => "YAML";

    public ConfigNode Read(ArraySegment<byte> utf8, string fileName)
    {
        var parser = new Parser(new StreamReader(new MemoryStream(utf8.Array!, utf8.Offset, utf8.Count, writable: false), new UTF8Encoding(false, throwOnInvalidBytes: true)));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _)) throw Problem(fileName, 0, "the file is empty");
            parser.Consume<DocumentStart>();
            var anchors = new Dictionary<string, ConfigNode>(StringComparer.Ordinal);
            var root = ReadNode(parser, anchors, fileName);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var second)) throw Problem(fileName, (int)second.Start.Line, "more than one YAML document in the file");
            return root;
        }
        catch (YamlException ex)
        {
            throw Problem(fileName, (int)ex.Start.Line, "not valid YAML: " + Reason(ex));
        }
        catch (InvalidOperationException ex)
        {
            // The parser's own state errors (an unclosed flow list at the end, for one) carry no position: name where it was.
            throw Problem(fileName, (int)(parser.Current?.End.Line ?? 0), "not valid YAML: " + ex.Message.TrimEnd('.'));
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

    private static ConfigNode ReadNode(IParser parser, Dictionary<string, ConfigNode> anchors, string fileName)
    {
        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var known)) return known;
            throw Problem(fileName, (int)alias.Start.Line, $"the alias *{alias.Value.Value} names no anchor above it");
        }

        ConfigNode node;
        NodeEvent start;
        switch (parser.Current)
        {
            case Scalar scalar:
                parser.MoveNext();
                start = scalar;
                node = ToScalar(scalar);
                break;
            case SequenceStart sequence:
                parser.MoveNext();
                start = sequence;
                var array = new ConfigArray((int)sequence.Start.Line, (int)sequence.Start.Column);
                while (!parser.TryConsume<SequenceEnd>(out _)) array.Add(ReadNode(parser, anchors, fileName));
                node = array;
                break;
            case MappingStart mapping:
                parser.MoveNext();
                start = mapping;
                var obj = new ConfigObject((int)mapping.Start.Line, (int)mapping.Start.Column);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    var key = ReadNode(parser, anchors, fileName);
                    if (key is not ConfigScalar name || name.Kind == ConfigScalarKind.Null) throw Problem(fileName, key.Line, "a property name must be plain text");
                    var value = ReadNode(parser, anchors, fileName);
                    if (!obj.TryAdd(new ConfigProperty(name.Text, value, key.Line))) throw Problem(fileName, key.Line, $"the property '{name.Text}' appears twice in one mapping");
                }

                node = obj;
                break;
            default:
                throw Problem(fileName, (int)(parser.Current?.Start.Line ?? 0), "not valid YAML: a value was expected here");
        }

        if (!start.Anchor.IsEmpty) anchors[start.Anchor.Value] = node;
        return node;
    }

    private static ConfigScalar ToScalar(Scalar scalar)
    {
        var (line, column) = ((int)scalar.Start.Line, (int)scalar.Start.Column);
        var kind = scalar.Tag.IsEmpty && scalar.Style == ScalarStyle.Plain ? PlainKind(scalar.Value) : ConfigScalarKind.String;

        var text = kind switch
        {
            ConfigScalarKind.Null => "null",
            ConfigScalarKind.Boolean => scalar.Value.ToLowerInvariant(),
            _ => scalar.Value,
        };
        return new ConfigScalar(kind, text, line, column);
    }

    /// <summary>
    /// What a plain scalar is by the YAML 1.2 core schema. Checked by hand first: a file holds tens of thousands of
    /// names, ids and URLs, and only text that starts like a number needs the pattern.
    /// </summary>
    private static ConfigScalarKind PlainKind(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ConfigScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return ConfigScalarKind.Boolean;
        }

        var first = value[0];
        return (first is (>= '0' and <= '9') or '-' or '+' or '.') && NumberPlain.IsMatch(value) ? ConfigScalarKind.Number : ConfigScalarKind.String;
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
        var plainReadsBack = PlainKind(value) == ConfigScalarKind.String && !(value.Length <= 5 && Yaml11Boolean.IsMatch(value));
        var style = value.IndexOfAny(new[] { '\n', '\r' }) >= 0 ? ScalarStyle.DoubleQuoted : ScalarStyle.Plain;
        emitter.Emit(new Scalar(AnchorName.Empty, TagName.Empty, value, style, plainReadsBack, true));
    }

    private static ConfigurationFileException Problem(string fileName, int line, string message) =>
        new(new ConfigurationProblem(fileName, line, string.Empty, message));

    /// <summary>YamlDotNet's message starts with "(Line: 3, Col: 5, Idx: 20) - (…): "; the problem names the line already.</summary>
    private static string Reason(YamlException ex)
    {
        var message = ex.Message;
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return (message.StartsWith("(", StringComparison.Ordinal) && at > 0 ? message.Substring(at + 3) : message).TrimEnd('.');
    }
}
