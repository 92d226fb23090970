using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using BadgeAdmin.Core.Configuration.Syntax;
using BadgeAdmin.Core.Performance;

namespace BadgeAdmin.Yaml;

/// <summary>
/// Reads the YAML that configuration files are written in, fast: block mappings and sequences (a sequence may stand at
/// its key's indentation), one-line plain, single- and double-quoted scalars, comments, a leading "---", and the empty
/// flow collections [] and {}. The export writes nothing else and hand edits rarely go beyond it. YamlDotNet's parser
/// takes ten times as long on a file of thousands of badges, so this reads first; anything outside that subset
/// (anchors, aliases, tags, block scalars, flow collections with items, scalars over several lines, several documents,
/// anything that is not valid YAML) gives null, and YamlDotNet reads the file instead, with its own messages for what
/// is wrong. So a file reads to the same tokens either way; tests compare the two on the same files.
/// </summary>
internal sealed class YamlBlockReader
{
    private static readonly char[] Breaks = { '\r', '\u0085', '\u2028', '\u2029' };

    private readonly char[] _text;
    private readonly int _length;
    private readonly YamlTokenList _tokens = new();
    private readonly List<string> _names = new();

    /// <summary>The line with content being read; lines are found as the reading reaches them, never all held.</summary>
    private Line _line;
    private bool _atEnd;
    private bool _refused;
    private int _scanned;
    private int _number;
    private bool _documentStarted;
    private int _endOfText;

    private YamlBlockReader(char[] text, int length)
    {
        _text = text;
        _length = length;
    }

    /// <summary>The document's tokens, or null when the text is not in the subset this reads.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static YamlTokenList? Read(char[] text, int length)
    {
        if (OtherLineBreaks(text, length)) return null;
        var reader = new YamlBlockReader(text, length);
        reader.NextLine();
        if (reader._atEnd || !reader.Node(reader._line.Start + reader._line.Indent)) return null;
        return reader._atEnd && !reader._refused ? reader._tokens : null;
    }

    /// <summary>
    /// Moves to the next line with content (not blank, not only a comment). One this reader leaves to YamlDotNet (a tab
    /// indenting, a directive, a document marker after the start) ends the reading as refused.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private void NextLine()
    {
        while (!_atEnd)
        {
            if (_scanned > _length)
            {
                // YamlDotNet ends the text on a line of its own: the one after a last line that has no line break.
                _endOfText = _length > 0 && _text[_length - 1] != '\n' ? _number + 1 : _number;
                _atEnd = true;
                return;
            }

            _number++;
            var start = _scanned;
            var newline = Array.IndexOf(_text, '\n', start, _length - start);
            var end = newline < 0 ? _length : newline;
            _scanned = end + 1;
            if (end > start && _text[end - 1] == '\r') end--;
            var indent = 0;
            while (start + indent < end && _text[start + indent] == ' ') indent++;
            var content = start + indent;
            if (content == end || _text[content] == '#' || OnlyWhiteSpace(content, end)) continue;
            if (_text[content] == '\t')
            {
                Refuse(); // tabs may not indent
                return;
            }

            if (indent == 0 && _text[content] is '%' or '-' or '.' && IsDocumentLine(content, end))
            {
                // Directives, "..." and a second "---" are left to YamlDotNet; a "---" (and a comment) before all else is skipped.
                var rest = SkipSpaces(content + 3, end);
                if (_text[content] != '-' || _documentStarted || _tokens.Count > 0 || (rest < end && _text[rest] != '#'))
                {
                    Refuse();
                    return;
                }

                _documentStarted = true;
                continue;
            }

            _line = new Line(_number, start, end, indent);
            return;
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private void Refuse() => (_refused, _atEnd) = (true, true);

    /// <summary>Line breaks other than "\n" and "\r\n" (YamlDotNet breaks lines at a lone "\r", and at the Unicode separators, even in a comment).</summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool OtherLineBreaks(char[] text, int length)
    {
        var rest = text.AsSpan(0, length);
        for (var at = rest.IndexOfAny(Breaks); at >= 0; at = rest.IndexOfAny(Breaks))
        {
            if (rest[at] != '\r' || at + 1 == rest.Length || rest[at + 1] != '\n') return true;
            rest = rest.Slice(at + 1);
        }

        return false;
    }

    /// <summary>A directive (%…), or a document marker (--- or ...) standing alone at the start of a line.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool IsDocumentLine(int content, int end)
    {
        var c = _text[content];
        return c == '%' || (end - content >= 3 && _text[content + 1] == c && _text[content + 2] == c && Blank(content + 3, end));
    }

    /// <summary>The node at <paramref name="position"/>: a sequence, a mapping, or a one-line scalar.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool Node(int position)
    {
        var line = _line;
        var c = _text[position];
        if (c == '-' && Blank(position + 1, line.End))
        {
            // "- - x", a sequence inside a sequence's entry, is left to YamlDotNet.
            return position == line.Start + line.Indent && Sequence(line.Indent);
        }

        if (Key(position, line, out _, out _)) return Mapping(position - line.Start, position);
        if (!Value(position, line)) return false;
        NextLine();
        return true;
    }

    [MethodImpl(HotPath.Optimized)]
    private bool Mapping(int indent, int position)
    {
        Add(ConfigToken.StartObject, ConfigScalarKind.String, null, _line.Number);
        while (true)
        {
            var line = _line;
            if (!Key(position, line, out var name, out var after) || YamlPlainScalar.KindOf(name) != ConfigScalarKind.String && !IsQuoted(position)) return false;
            Add(ConfigToken.PropertyName, ConfigScalarKind.String, name, line.Number);
            after = SkipSpaces(after, line.End);
            if (after == line.End || _text[after] == '#')
            {
                NextLine();
                if (!_atEnd && _line.Indent > indent)
                {
                    if (!Node(_line.Start + _line.Indent)) return false;
                }
                else if (!_atEnd && _line.Indent == indent && IsEntry(_line))
                {
                    if (!Sequence(indent)) return false;
                }
                else
                {
                    Add(ConfigToken.Scalar, ConfigScalarKind.Null, "null", line.Number);
                }
            }
            else
            {
                if (!Value(after, line)) return false;
                NextLine();
            }

            if (_atEnd) break;
            var next = _line;
            if (next.Indent < indent) break;
            if (next.Indent > indent || IsEntry(next)) return false;
            position = next.Start + indent;
        }

        Add(ConfigToken.EndObject, ConfigScalarKind.String, null, EndLine());
        return true;
    }

    [MethodImpl(HotPath.Optimized)]
    private bool Sequence(int indent)
    {
        Add(ConfigToken.StartArray, ConfigScalarKind.String, null, _line.Number);
        while (true)
        {
            var line = _line;
            var after = SkipSpaces(line.Start + indent + 1, line.End);
            if (after == line.End || _text[after] == '#')
            {
                NextLine();
                if (!_atEnd && _line.Indent > indent)
                {
                    if (!Node(_line.Start + _line.Indent)) return false;
                }
                else
                {
                    Add(ConfigToken.Scalar, ConfigScalarKind.Null, "null", line.Number);
                }
            }
            else if (!Node(after))
            {
                return false;
            }

            if (_atEnd) break;
            var next = _line;
            if (next.Indent < indent || (next.Indent == indent && !IsEntry(next))) break; // the end, or the next key of the mapping it is the value of
            if (next.Indent > indent) return false;
        }

        Add(ConfigToken.EndArray, ConfigScalarKind.String, null, EndLine());
        return true;
    }

    /// <summary>
    /// A key and its ':' at <paramref name="position"/>: plain (up to ": ") or quoted. False when the line holds no key
    /// there (a scalar, or a comment before any ':').
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private bool Key(int position, Line line, out string name, out int after)
    {
        name = string.Empty;
        after = 0;
        var c = _text[position];
        int end;
        if (c is '"' or '\'')
        {
            if (!Quoted(position, line.End, out name, out end)) return false;
            end = SkipSpaces(end, line.End);
            if (end == line.End || _text[end] != ':' || !Blank(end + 1, line.End)) return false;
            after = end + 1;
            return true;
        }

        if (!PlainMayStart(position, line.End)) return false;
        for (end = position; end < line.End; end++)
        {
            var x = _text[end];
            if (x == ':' && Blank(end + 1, line.End)) break;
            if ((x == '#' && _text[end - 1] is ' ' or '\t') || !Printable(x)) return false;
        }

        if (end == line.End) return false;
        var last = end;
        while (_text[last - 1] is ' ' or '\t') last--;
        name = Name(position, last);
        after = end + 1;
        return true;
    }

    /// <summary>A value on the rest of a line: a scalar, [] or {}; nothing but a comment may follow.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool Value(int position, Line line)
    {
        var c = _text[position];
        int end;
        switch (c)
        {
            case '"' or '\'':
                if (!Quoted(position, line.End, out var text, out end)) return false;
                Add(ConfigToken.Scalar, ConfigScalarKind.String, text, line.Number);
                break;
            case '[' or '{':
                end = SkipSpaces(position + 1, line.End);
                if (end == line.End || _text[end] != (c == '[' ? ']' : '}')) return false;
                end++;
                Add(c == '[' ? ConfigToken.StartArray : ConfigToken.StartObject, ConfigScalarKind.String, null, line.Number);
                Add(c == '[' ? ConfigToken.EndArray : ConfigToken.EndObject, ConfigScalarKind.String, null, line.Number);
                break;
            default:
                if (!PlainMayStart(position, line.End)) return false;
                for (end = position; end < line.End; end++)
                {
                    var x = _text[end];
                    if (x == '#' && _text[end - 1] is ' ' or '\t') break;
                    if ((x == ':' && Blank(end + 1, line.End)) || !Printable(x)) return false;
                }

                var last = end;
                while (_text[last - 1] is ' ' or '\t') last--;
                var plain = new string(_text, position, last - position);
                var kind = YamlPlainScalar.KindOf(plain);
                Add(ConfigToken.Scalar, kind, YamlScalarText.Normalized(kind, plain), line.Number);
                return true;
        }

        end = SkipSpaces(end, line.End);
        return end == line.End || (_text[end] == '#' && _text[end - 1] is ' ' or '\t');
    }

    /// <summary>A quoted scalar that ends on its line; <paramref name="end"/> is just after its closing quote.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool Quoted(int position, int lineEnd, out string text, out int end)
    {
        text = string.Empty;
        var quote = _text[position];
        StringBuilder? escaped = null;
        var run = position + 1;
        for (end = run; end < lineEnd; end++)
        {
            var c = _text[end];
            if (!Printable(c) && c != '\t') return false;
            if (c == quote)
            {
                if (quote == '\'' && end + 1 < lineEnd && _text[end + 1] == '\'')
                {
                    (escaped ??= new StringBuilder()).Append(_text, run, end + 1 - run);
                    run = ++end + 1;
                    continue;
                }

                text = escaped is null ? new string(_text, run, end - run) : escaped.Append(_text, run, end - run).ToString();
                end++;
                return true;
            }

            if (c == '\\' && quote == '"')
            {
                (escaped ??= new StringBuilder()).Append(_text, run, end - run);
                if (!Escape(ref end, lineEnd, escaped)) return false;
                run = end + 1;
            }
        }

        return false; // it goes on to the next line
    }

    /// <summary>A double-quoted scalar's escape at <paramref name="at"/> (its backslash), appended; at is left on its last character.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool Escape(ref int at, int lineEnd, StringBuilder text)
    {
        if (++at >= lineEnd) return false;
        var c = _text[at];
        switch (c)
        {
            case '0': text.Append('\0'); return true;
            case 'a': text.Append('\a'); return true;
            case 'b': text.Append('\b'); return true;
            case 't' or '\t': text.Append('\t'); return true;
            case 'n': text.Append('\n'); return true;
            case 'v': text.Append('\v'); return true;
            case 'f': text.Append('\f'); return true;
            case 'r': text.Append('\r'); return true;
            case 'e': text.Append('\x1b'); return true;
            case ' ' or '"' or '/' or '\\': text.Append(c); return true;
            case 'N': text.Append('\u0085'); return true;
            case '_': text.Append('\u00a0'); return true;
            case 'L': text.Append('\u2028'); return true;
            case 'P': text.Append('\u2029'); return true;
            case 'x': return Hex(ref at, 2, lineEnd, text);
            case 'u': return Hex(ref at, 4, lineEnd, text);
            case 'U': return Hex(ref at, 8, lineEnd, text);
            default: return false;
        }
    }

    [MethodImpl(HotPath.Optimized)]
    private bool Hex(ref int at, int digits, int lineEnd, StringBuilder text)
    {
        if (at + digits >= lineEnd) return false;
        var code = 0;
        for (var i = 1; i <= digits; i++)
        {
            var c = _text[at + i];
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : -1;
            if (digit < 0) return false;
            code = (code * 16) + digit;
        }

        if (code > 0x10FFFF || code is >= 0xD800 and <= 0xDFFF) return false;
        text.Append(char.ConvertFromUtf32(code));
        at += digits;
        return true;
    }

    /// <summary>Whether a plain scalar may start here: not with an indicator (YamlDotNet reads those: tags, anchors, block scalars…).</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool PlainMayStart(int position, int lineEnd)
    {
        var c = _text[position];
        return c switch
        {
            '[' or ']' or '{' or '}' or ',' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`' => false,
            '-' or '?' or ':' => !Blank(position + 1, lineEnd),
            _ => Printable(c),
        };
    }

    /// <summary>Characters YAML allows in a scalar as they are; others (control characters, line separators) are left to YamlDotNet.</summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool Printable(char c) => c >= ' ' ? c < '\u007f' || (c >= '\u00a0' && c != '\u2028' && c != '\u2029' && c != '\ufeff' && c < '\ufffe') : c == '\t';

    /// <summary>A property name: each distinct name is made once (a file repeats a dozen names tens of thousands of times).</summary>
    [MethodImpl(HotPath.Optimized)]
    private string Name(int start, int end)
    {
        var length = end - start;
        foreach (var known in _names)
        {
            if (known.Length == length && known.AsSpan().SequenceEqual(_text.AsSpan(start, length))) return known;
        }

        var name = new string(_text, start, length);
        if (_names.Count < 64) _names.Add(name);
        return name;
    }

    [MethodImpl(HotPath.Optimized)]
    private void Add(ConfigToken token, ConfigScalarKind kind, string? text, int line) => _tokens.Add(new YamlToken(token, kind, text, line));


    [MethodImpl(HotPath.Optimized)]
    private bool IsQuoted(int position) => _text[position] is '"' or '\'';

    [MethodImpl(HotPath.Optimized)]
    private bool IsEntry(Line line) => _text[line.Start + line.Indent] == '-' && Blank(line.Start + line.Indent + 1, line.End);

    /// <summary>Where YamlDotNet places a block's end: at the line that ends it, or at the end of the text.</summary>
    [MethodImpl(HotPath.Optimized)]
    private int EndLine() => _atEnd ? _endOfText : _line.Number;

    [MethodImpl(HotPath.Optimized)]
    private bool Blank(int at, int end) => at >= end || _text[at] is ' ' or '\t';

    [MethodImpl(HotPath.Optimized)]
    private bool OnlyWhiteSpace(int at, int end)
    {
        for (; at < end; at++)
        {
            if (_text[at] is not (' ' or '\t')) return false;
        }

        return true;
    }

    [MethodImpl(HotPath.Optimized)]
    private int SkipSpaces(int at, int end)
    {
        while (at < end && _text[at] is ' ' or '\t') at++;
        return at;
    }

    private readonly struct Line
    {
        public Line(int number, int start, int end, int indent)
        {
            Number = number;
            Start = start;
            End = end;
            Indent = indent;
        }

        public int Number { get; }

        public int Start { get; }

        public int End { get; }

        public int Indent { get; }
    }
}
