using System;
using System.Collections.Generic;
using BadgeAdmin.Core.Configuration.Syntax;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace BadgeAdmin.Yaml;

/// <summary>
/// A YAML file's tokens, straight from YamlDotNet's parser events: mappings are objects whose keys are property names,
/// sequences are lists, and plain scalars are resolved by the YAML 1.2 core schema (a tagged or quoted scalar is a
/// string). An anchored value is kept as its tokens, and an alias gives them again. A token's position is its line.
/// </summary>
internal sealed class YamlConfigurationTokens : IConfigurationTokens
{
    private readonly IParser _parser;
    private readonly string _fileName;

    /// <summary>For each open mapping or sequence, what comes next in it.</summary>
    private readonly List<Expect> _open = new();

    private Dictionary<string, YamlToken[]>? _anchors;
    private List<Recording>? _recordings;
    private YamlToken[]? _replay;
    private int _replayed;
    private bool _started;
    private bool _ended;
    private string _text = string.Empty;

    public YamlConfigurationTokens(IParser parser, string fileName)
    {
        _parser = parser;
        _fileName = fileName;
    }

    private enum Expect
    {
        Item,
        Key,
        Value,
    }

    public ConfigToken Token { get; private set; }

    public ConfigScalarKind ScalarKind { get; private set; }

    public long Position { get; private set; }

    public int LineOf(long position) => (int)position;

    public bool Read()
    {
        if (_ended) return false;
        if (!_started) Start();
        if (_replay is { } replay)
        {
            Emit(replay[_replayed++]);
            if (_replayed == replay.Length) _replay = null;
            return true;
        }

        switch (_parser.Current)
        {
            case Scalar scalar:
                var kind = scalar.Tag.IsEmpty && scalar.Style == ScalarStyle.Plain ? YamlPlainScalar.KindOf(scalar.Value) : ConfigScalarKind.String;
                return Live(scalar, new YamlToken(ConfigToken.Scalar, kind, YamlScalarText.Normalized(kind, scalar.Value), LineOf(scalar)));
            case MappingStart mapping:
                return Live(mapping, new YamlToken(ConfigToken.StartObject, default, null, LineOf(mapping)));
            case SequenceStart sequence:
                return Live(sequence, new YamlToken(ConfigToken.StartArray, default, null, LineOf(sequence)));
            case MappingEnd end:
                return Live(null, new YamlToken(ConfigToken.EndObject, default, null, LineOf(end)));
            case SequenceEnd end:
                return Live(null, new YamlToken(ConfigToken.EndArray, default, null, LineOf(end)));
            case AnchorAlias alias:
                if (_anchors is null || !_anchors.TryGetValue(alias.Value.Value, out var anchored))
                {
                    throw Problem(LineOf(alias), $"the alias *{alias.Value.Value} names no anchor above it");
                }

                MoveNext();
                (_replay, _replayed) = (anchored, 0);
                return Read();
            case DocumentEnd:
                MoveNext();
                if (_parser.Current is DocumentStart second) throw Problem(LineOf(second), "more than one YAML document in the file");
                _ended = true;
                return false;
            default:
                throw Problem(_parser.Current is { } current ? LineOf(current) : 0, "not valid YAML: a value was expected here");
        }
    }

    public string GetString() => Token is ConfigToken.PropertyName or ConfigToken.Scalar ? _text : throw new InvalidOperationException($"A {Token} token has no text.");

    public bool TryGetGuid(out Guid value) => YamlScalarText.TryGetGuid(Token, ScalarKind, _text, out value);

    public bool TryGetNumber(out double value) => YamlScalarText.TryGetNumber(Token, ScalarKind, _text, out value);

    private static int LineOf(ParsingEvent e) => (int)e.Start.Line;

    private void Start()
    {
        _started = true;
        MoveNext(); // StreamStart
        MoveNext();
        if (_parser.Current is StreamEnd) throw Problem(0, "the file is empty");
        MoveNext(); // DocumentStart
    }

    /// <summary>A token from the parser: recorded for its anchor when it has one, and the parser moves on.</summary>
    private bool Live(NodeEvent? node, YamlToken raw)
    {
        if (node is { Anchor.IsEmpty: false }) (_recordings ??= new List<Recording>()).Add(new Recording(node.Anchor.Value, _open.Count));
        MoveNext();
        Emit(raw);
        return true;
    }

    /// <summary>Makes a token current: a scalar where a mapping expects a key is a property name.</summary>
    private void Emit(YamlToken raw)
    {
        var expect = _open.Count > 0 ? _open[_open.Count - 1] : Expect.Item;
        if (expect == Expect.Key && (raw.Token is ConfigToken.StartObject or ConfigToken.StartArray || (raw.Token == ConfigToken.Scalar && raw.Kind == ConfigScalarKind.Null)))
        {
            throw Problem(raw.Line, "a property name must be plain text");
        }

        (Token, ScalarKind, Position, _text) = (raw.Token, raw.Kind, raw.Line, raw.Text ?? string.Empty);
        switch (raw.Token)
        {
            case ConfigToken.Scalar when expect == Expect.Key:
                Token = ConfigToken.PropertyName;
                _open[_open.Count - 1] = Expect.Value;
                break;
            case ConfigToken.Scalar:
                ValueDone();
                break;
            case ConfigToken.StartObject:
                _open.Add(Expect.Key);
                break;
            case ConfigToken.StartArray:
                _open.Add(Expect.Item);
                break;
            default:
                _open.RemoveAt(_open.Count - 1);
                ValueDone();
                break;
        }

        if (_recordings is not null) Record(raw);
    }

    private void ValueDone()
    {
        if (_open.Count > 0 && _open[_open.Count - 1] == Expect.Value) _open[_open.Count - 1] = Expect.Key;
    }

    /// <summary>Adds the token to each anchored value being read; one that is complete can now be named by an alias.</summary>
    private void Record(YamlToken raw)
    {
        for (var i = _recordings!.Count - 1; i >= 0; i--)
        {
            var recording = _recordings[i];
            recording.Tokens.Add(raw);
            if (_open.Count > recording.Depth) continue;
            (_anchors ??= new Dictionary<string, YamlToken[]>(StringComparer.Ordinal))[recording.Anchor] = recording.Tokens.ToArray();
            _recordings.RemoveAt(i);
        }

        if (_recordings.Count == 0) _recordings = null;
    }

    private void MoveNext()
    {
        try
        {
            _parser.MoveNext();
        }
        catch (YamlException ex)
        {
            throw Problem(ex.Start.Line, "not valid YAML: " + Reason(ex));
        }
        catch (InvalidOperationException ex)
        {
            // The parser's own state errors (an unclosed flow list at the end, for one) carry no position: name where it was.
            throw Problem(_parser.Current?.End.Line ?? 0, "not valid YAML: " + ex.Message.TrimEnd('.'));
        }
    }

    private ConfigurationFileException Problem(long line, string message) => new(new ConfigurationProblem(_fileName, (int)line, string.Empty, message));

    /// <summary>YamlDotNet's message starts with "(Line: 3, Col: 5, Idx: 20) - (…): "; the problem names the line already.</summary>
    private static string Reason(YamlException ex)
    {
        var message = ex.Message;
        var at = message.IndexOf("): ", StringComparison.Ordinal);
        return (message.StartsWith("(", StringComparison.Ordinal) && at > 0 ? message.Substring(at + 3) : message).TrimEnd('.');
    }

    /// <summary>An anchored value being read: its tokens so far, and how deep it starts.</summary>
    private sealed class Recording
    {
        public Recording(string anchor, int depth)
        {
            Anchor = anchor;
            Depth = depth;
        }

        public string Anchor { get; }

        public int Depth { get; }

        public List<YamlToken> Tokens { get; } = new();
    }
}
