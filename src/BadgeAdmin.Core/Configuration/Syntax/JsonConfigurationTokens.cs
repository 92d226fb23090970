using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Runtime.CompilerServices;
using BadgeAdmin.Core.Performance;

namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>
/// A JSON file's tokens, straight from System.Text.Json's reader (comments allowed, as editors' JSON-with-comments is
/// common in repositories). The reader is a ref struct, so each token is read by a reader resumed from the last one's
/// state. A token keeps only where its value is in the bytes: text is made only when asked for, GUIDs and numbers are
/// parsed from the bytes, and lines are counted only when a line is asked for.
/// </summary>
internal sealed class JsonConfigurationTokens : IConfigurationTokens
{
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);
    private const int LinesPerStart = 32;

    private readonly ArraySegment<byte> _bytes;
    private readonly string _fileName;
    private readonly PropertyNames _names = new();
    private JsonReaderState _state = new(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
    private int _consumed;
    private bool _ended;
    private int _valueStart;
    private int _valueLength;
    private string? _unescaped;
    private bool _true;
    private int[]? _lineStarts;

    /// <summary>Strict JSON (<see cref="JsonScanner"/>) is lexed here; anything else is read by System.Text.Json's reader.</summary>
    private readonly bool _lexed;

    /// <summary>For each open object (true) or list, while lexing; and whether the next string in an object is a name.</summary>
    private readonly bool[] _objects = new bool[64];
    private int _depth;
    private bool _nameNext;

    public JsonConfigurationTokens(ArraySegment<byte> utf8, string fileName)
    {
        _bytes = utf8;
        _fileName = fileName;
        _lexed = JsonScanner.IsStrict(utf8);
    }

    public ConfigToken Token { get; private set; }

    public ConfigScalarKind ScalarKind { get; private set; }

    public long Position { get; private set; }

    [MethodImpl(HotPath.Optimized)]
    public bool Read()
    {
        if (_ended) return false;
        if (_lexed) return Lex();
        var reader = new Utf8JsonReader(_bytes.AsSpan(_consumed), isFinalBlock: true, _state);
        try
        {
            if (!reader.Read())
            {
                _ended = true;
                return false;
            }

            Take(ref reader);
        }
        catch (JsonException ex) when (ex.Message.Contains("trailing comma") && TrailingComma() is { } comma)
        {
            // The reader notices at the closing bracket, a line or more later, and in words of its own options.
            throw Problem(LineOf(comma), $"not valid JSON: a comma after the last item of a list or object (JSON allows none): remove it. ({WithoutPosition(ex.Message)})");
        }
        catch (JsonException ex)
        {
            // A second value after the first is an error of the reader's own. Its state carries the line count from
            // token to token, so the exception's line is the file's.
            throw Problem((int)(ex.LineNumber ?? -1) + 1, "not valid JSON: " + WithoutPosition(ex.Message));
        }

        return true;
    }

    /// <summary>
    /// The next token of a document <see cref="JsonScanner"/> found strict: its shape is known good, so commas and
    /// colons are only skipped, and each token is found by its first byte.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private bool Lex()
    {
        var bytes = _bytes.Array!;
        var offset = _bytes.Offset;
        var end = offset + _bytes.Count;
        var at = offset + _consumed;
        while (at < end && bytes[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)':') at++;
        if (at == end)
        {
            _ended = true;
            return false;
        }

        Position = at - offset;
        _unescaped = null;
        var c = bytes[at];
        switch (c)
        {
            case (byte)'{' or (byte)'[':
                Token = c == (byte)'{' ? ConfigToken.StartObject : ConfigToken.StartArray;
                _objects[++_depth] = c == (byte)'{';
                _nameNext = c == (byte)'{';
                at++;
                break;
            case (byte)'}' or (byte)']':
                Token = c == (byte)'}' ? ConfigToken.EndObject : ConfigToken.EndArray;
                _depth--;
                _nameNext = _objects[_depth];
                at++;
                break;
            case (byte)'"':
                var close = at + 1;
                var escaped = false;
                for (; bytes[close] != (byte)'"'; close++)
                {
                    if (bytes[close] != (byte)'\\') continue;
                    escaped = true;
                    close++;
                }

                (_valueStart, _valueLength) = (at + 1 - offset, close - at - 1);
                if (escaped) _unescaped = JsonScanner.Unescape(bytes, at + 1, close);
                if (_nameNext)
                {
                    Token = ConfigToken.PropertyName;
                    _nameNext = false;
                }
                else
                {
                    (Token, ScalarKind) = (ConfigToken.Scalar, ConfigScalarKind.String);
                    _nameNext = _objects[_depth];
                }

                at = close + 1;
                break;
            case (byte)'t' or (byte)'f':
                (Token, ScalarKind, _true) = (ConfigToken.Scalar, ConfigScalarKind.Boolean, c == (byte)'t');
                at += c == (byte)'t' ? 4 : 5;
                _nameNext = _objects[_depth];
                break;
            case (byte)'n':
                (Token, ScalarKind) = (ConfigToken.Scalar, ConfigScalarKind.Null);
                at += 4;
                _nameNext = _objects[_depth];
                break;
            default:
                var start = at;
                while (at < end && bytes[at] is (>= (byte)'0' and <= (byte)'9') or (byte)'-' or (byte)'+' or (byte)'.' or (byte)'e' or (byte)'E') at++;
                (Token, ScalarKind) = (ConfigToken.Scalar, ConfigScalarKind.Number);
                (_valueStart, _valueLength) = (start - offset, at - start);
                _nameNext = _objects[_depth];
                break;
        }

        _consumed = at - offset;
        return true;
    }

    /// <summary>Where a comma stands after the last token read, followed only by white space and a closing bracket.</summary>
    [MethodImpl(HotPath.Optimized)]
    private long? TrailingComma()
    {
        var rest = _bytes.AsSpan(_consumed);
        var i = 0;
        while (i < rest.Length && rest[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        if (i >= rest.Length || rest[i] != (byte)',') return null;
        var comma = i++;
        while (i < rest.Length && rest[i] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n') i++;
        return i < rest.Length && rest[i] is (byte)']' or (byte)'}' ? _consumed + comma : null;
    }

    [MethodImpl(HotPath.Optimized)]
    public int LineOf(long position)
    {
        // Lines are counted from the nearest known line start before the position: a few hundred bytes at most.
        var starts = _lineStarts ??= LineStarts();
        var at = Array.BinarySearch(starts, (int)position);
        var block = at >= 0 ? at : ~at - 1;
        var bytes = _bytes.AsSpan(starts[block], (int)position - starts[block]);
        var line = (block * LinesPerStart) + 1;
        for (int next; (next = bytes.IndexOf((byte)'\n')) >= 0; bytes = bytes.Slice(next + 1)) line++;
        return line;
    }

    [MethodImpl(HotPath.Optimized)]
    public string GetString() => Token switch
    {
        ConfigToken.PropertyName => _unescaped ?? _names.Get(_bytes.Array!, _bytes.Offset + _valueStart, _valueLength),
        ConfigToken.Scalar => ScalarKind switch
        {
            ConfigScalarKind.Boolean => _true ? "true" : "false",
            ConfigScalarKind.Null => "null",
            _ => _unescaped ?? Strict.GetString(_bytes.Array!, _bytes.Offset + _valueStart, _valueLength),
        },
        _ => throw new InvalidOperationException($"A {Token} token has no text."),
    };

    [MethodImpl(HotPath.Optimized)]
    public bool TryGetGuid(out Guid value)
    {
        value = default;
        if (Token != ConfigToken.Scalar || ScalarKind != ConfigScalarKind.String) return false;
        // The usual form parses from the bytes; any other form Guid.TryParse takes (braces, no hyphens) from the text.
        return (_unescaped is null && Utf8Parser.TryParse(Value, out value, out var used, 'D') && used == _valueLength) || Guid.TryParse(GetString(), out value);
    }

    [MethodImpl(HotPath.Optimized)]
    public bool TryGetNumber(out double value)
    {
        value = default;
        if (Token != ConfigToken.Scalar || ScalarKind != ConfigScalarKind.Number) return false;
        var parsed = Utf8Parser.TryParse(Value, out value, out var used) && used == _valueLength
            || double.TryParse(GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
        return parsed && !double.IsNaN(value) && !double.IsInfinity(value);
    }

    private ReadOnlySpan<byte> Value => _bytes.AsSpan(_valueStart, _valueLength);

    [MethodImpl(HotPath.Optimized)]
    private void Take(ref Utf8JsonReader reader)
    {
        var start = _consumed + (int)reader.TokenStartIndex;
        Position = start;
        _unescaped = null;
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                Token = ConfigToken.StartObject;
                break;
            case JsonTokenType.EndObject:
                Token = ConfigToken.EndObject;
                break;
            case JsonTokenType.StartArray:
                Token = ConfigToken.StartArray;
                break;
            case JsonTokenType.EndArray:
                Token = ConfigToken.EndArray;
                break;
            case JsonTokenType.PropertyName:
                Token = ConfigToken.PropertyName;
                TakeText(ref reader, start + 1);
                break;
            case JsonTokenType.String:
                (Token, ScalarKind) = (ConfigToken.Scalar, ConfigScalarKind.String);
                TakeText(ref reader, start + 1);
                break;
            case JsonTokenType.Number:
                (Token, ScalarKind) = (ConfigToken.Scalar, ConfigScalarKind.Number);
                (_valueStart, _valueLength) = (start, reader.ValueSpan.Length);
                break;
            case JsonTokenType.True:
            case JsonTokenType.False:
                (Token, ScalarKind) = (ConfigToken.Scalar, ConfigScalarKind.Boolean);
                _true = reader.TokenType == JsonTokenType.True;
                break;
            default:
                (Token, ScalarKind) = (ConfigToken.Scalar, ConfigScalarKind.Null);
                break;
        }

        _consumed += (int)reader.BytesConsumed;
        _state = reader.CurrentState;
    }

    /// <summary>Where a string's text is (after its opening quote); an escaped one is unescaped now, while its reader is at hand.</summary>
    [MethodImpl(HotPath.Optimized)]
    private void TakeText(ref Utf8JsonReader reader, int start)
    {
        (_valueStart, _valueLength) = (start, reader.ValueSpan.Length);
        if (!reader.ValueIsEscaped) return;
        try
        {
            _unescaped = reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json refuses a \u escape that is half of a surrogate pair only when the text is taken.
            throw Problem(LineOf(start), "not valid JSON: a \\u escape is half of a surrogate pair (\\ud800-\\udfff come in pairs, high then low): write the character itself, or both halves");
        }
    }

    /// <summary>
    /// Where every <see cref="LinesPerStart"/>th line starts: made the first time a line is asked for, in one pass over
    /// the bytes. Small, where every line's start would be an array as large as the file has lines.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private int[] LineStarts()
    {
        var starts = new List<int> { 0 };
        var bytes = _bytes.AsSpan();
        var start = 0;
        var line = 0;
        int next;
        while ((next = bytes.Slice(start).IndexOf((byte)'\n')) >= 0)
        {
            start += next + 1;
            if (++line % LinesPerStart == 0) starts.Add(start);
        }

        return starts.ToArray();
    }

    [MethodImpl(HotPath.Optimized)]
    private ConfigurationFileException Problem(int line, string message) => new(new ConfigurationProblem(_fileName, line, string.Empty, message));

    /// <summary>System.Text.Json appends " LineNumber: 3 | BytePositionInLine: 5."; the problem names the line already.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static string WithoutPosition(string message)
    {
        var at = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        return Shortened((at > 0 ? message.Substring(0, at) : message).TrimEnd('.', ' '));
    }

    /// <summary>
    /// The reader quotes what it found from where it went wrong, which for a mistyped literal ('tru') is the rest of
    /// the file: only the start of the quote is kept, up to its first comma, bracket or line break.
    /// </summary>
    private static string Shortened(string message)
    {
        var open = message.IndexOf('\'');
        var close = message.LastIndexOf("' ", StringComparison.Ordinal);
        if (open < 0 || close <= open + 40) return message;
        var quoted = message.Substring(open + 1, close - open - 1);
        var end = quoted.IndexOfAny(new[] { ',', '\n', '\r', ']', '}', ' ' });
        var kept = end > 0 ? quoted.Substring(0, Math.Min(end, 40)) : quoted.Substring(0, 40);
        return message.Substring(0, open + 1) + kept + "…" + message.Substring(close);
    }

    /// <summary>
    /// Property names as strings, each distinct name made once: a file of thousands of badges repeats the same dozen
    /// names tens of thousands of times.
    /// </summary>
    private sealed class PropertyNames
    {
        private readonly List<(byte[] Utf8, string Text)>?[] _byLength = new List<(byte[], string)>?[64];

        [MethodImpl(HotPath.Optimized)]
        public string Get(byte[] buffer, int offset, int length)
        {
            if (length >= _byLength.Length) return Strict.GetString(buffer, offset, length);
            var utf8 = new ReadOnlySpan<byte>(buffer, offset, length);
            var known = _byLength[length] ??= new List<(byte[], string)>();
            foreach (var (bytes, text) in known)
            {
                if (utf8.SequenceEqual(bytes)) return text;
            }

            var name = Strict.GetString(buffer, offset, length);
            known.Add((utf8.ToArray(), name));
            return name;
        }
    }
}
