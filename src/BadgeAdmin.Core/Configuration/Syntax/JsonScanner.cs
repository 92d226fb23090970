using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Text;
using BadgeAdmin.Core.Performance;

namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>
/// Checks in one pass, with code compiled optimized at once and nothing kept, that a document is strict JSON, so that
/// <see cref="JsonConfigurationTokens"/> can then take its tokens with a plain lexer. System.Text.Json's reader, resumed
/// once per token, is framework code that tiered compilation re-instruments while a cmdlet runs, and took most of a
/// compare's time on a large file. A comment, anything that is not valid JSON, a nesting deeper than 62 or a text that
/// is not UTF-8 is not strict JSON here: System.Text.Json reads that file instead, with its own messages. Tokens are
/// the same either way (tests compare the two on the same files).
/// </summary>
internal sealed class JsonScanner
{
    private const int MaxDepth = 64;
    private static readonly UTF8Encoding Strict = new(false, throwOnInvalidBytes: true);

    private readonly byte[] _bytes;
    private readonly int _offset;
    private readonly int _end;
    private readonly bool[] _inObject = new bool[MaxDepth + 1];
    private int _depth;

    private JsonScanner(ArraySegment<byte> utf8)
    {
        _bytes = utf8.Array!;
        _offset = utf8.Offset;
        _end = utf8.Offset + utf8.Count;
    }

    /// <summary>Whether the document is strict JSON that <see cref="JsonConfigurationTokens"/> may lex.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool IsStrict(ArraySegment<byte> utf8) => new JsonScanner(utf8).Document();

    [MethodImpl(HotPath.Optimized)]
    private bool Document()
    {
        var nonAscii = false;
        for (var i = _offset; i < _end; i++)
        {
            if (_bytes[i] >= 0x80)
            {
                nonAscii = true;
                break;
            }
        }

        if (nonAscii)
        {
            try
            {
                Strict.GetCharCount(_bytes, _offset, _end - _offset);
            }
            catch (DecoderFallbackException)
            {
                return false;
            }
        }

        var at = Skip(_offset);
        if (at == _end || !Value(ref at)) return false;
        while (_depth > 0)
        {
            // Inside a list or object: a comma and the next item, or its end.
            at = Skip(at);
            if (at == _end) return false;
            var inObject = _inObject[_depth];
            var c = _bytes[at];
            if (c == (inObject ? (byte)'}' : (byte)']'))
            {
                _depth--;
                at++;
                continue;
            }

            if (c != (byte)',') return false;
            at = Skip(at + 1);
            if (!Item(ref at, inObject)) return false;
        }

        return Skip(at) == _end;
    }

    /// <summary>The first item of a list or object just opened, or its end at once.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool Value(ref int at)
    {
        switch (_bytes[at])
        {
            case (byte)'{' or (byte)'[':
                var inObject = _bytes[at] == (byte)'{';
                if (_depth >= MaxDepth - 1) return false; // System.Text.Json decides at its limit
                _inObject[++_depth] = inObject;
                at = Skip(at + 1);
                if (at == _end) return false;
                if (_bytes[at] == (inObject ? (byte)'}' : (byte)']'))
                {
                    _depth--;
                    at++;
                    return true;
                }

                return Item(ref at, inObject);
            case (byte)'"':
                return String(ref at);
            case (byte)'t':
                return Literal(ref at, "true");
            case (byte)'f':
                return Literal(ref at, "false");
            case (byte)'n':
                return Literal(ref at, "null");
            default:
                return Number(ref at);
        }
    }

    /// <summary>An item of a list, or a property (name, ':', value) of an object.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool Item(ref int at, bool inObject)
    {
        if (at == _end) return false;
        if (inObject)
        {
            if (_bytes[at] != (byte)'"' || !String(ref at)) return false;
            at = Skip(at);
            if (at == _end || _bytes[at] != (byte)':') return false;
            at = Skip(at + 1);
            if (at == _end) return false;
        }

        return Value(ref at);
    }

    [MethodImpl(HotPath.Optimized)]
    private bool String(ref int at)
    {
        var start = at;
        var escaped = false;
        for (at++; at < _end; at++)
        {
            var c = _bytes[at];
            if (c == (byte)'"') break;
            if (c < 0x20) return false;
            if (c == (byte)'\\')
            {
                escaped = true;
                at++;
                if (at == _end || !(_bytes[at] is (byte)'"' or (byte)'\\' or (byte)'/' or (byte)'b' or (byte)'f' or (byte)'n' or (byte)'r' or (byte)'t' or (byte)'u')) return false;
            }
        }

        if (at == _end) return false;
        if (escaped && Unescape(_bytes, start + 1, at) is null) return false;
        at++;
        return true;
    }

    /// <summary>The text of an escaped string's bytes; null for an escape System.Text.Json refuses (a lone surrogate, bad hex).</summary>
    [MethodImpl(HotPath.Optimized)]
    public static string? Unescape(byte[] _bytes, int from, int to)
    {
        var builder = new StringBuilder(to - from);
        var run = from;
        for (var at = from; at < to; at++)
        {
            if (_bytes[at] != (byte)'\\') continue;
            builder.Append(Strict.GetString(_bytes, run, at - run));
            var c = _bytes[++at];
            switch (c)
            {
                case (byte)'b': builder.Append('\b'); break;
                case (byte)'f': builder.Append('\f'); break;
                case (byte)'n': builder.Append('\n'); break;
                case (byte)'r': builder.Append('\r'); break;
                case (byte)'t': builder.Append('\t'); break;
                case (byte)'u':
                    if (!Hex(_bytes, at + 1, to, out var unit)) return null;
                    at += 4;
                    if (char.IsHighSurrogate(unit))
                    {
                        if (at + 6 >= to || _bytes[at + 1] != (byte)'\\' || _bytes[at + 2] != (byte)'u' || !Hex(_bytes, at + 3, to, out var low) || !char.IsLowSurrogate(low)) return null;
                        builder.Append(unit).Append(low);
                        at += 6;
                    }
                    else
                    {
                        if (char.IsLowSurrogate(unit)) return null;
                        builder.Append(unit);
                    }

                    break;
                default: builder.Append((char)c); break;
            }

            run = at + 1;
        }

        return builder.Append(Strict.GetString(_bytes, run, to - run)).ToString();
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool Hex(byte[] _bytes, int at, int to, out char unit)
    {
        unit = default;
        if (at + 4 > to) return false;
        var code = 0;
        for (var i = 0; i < 4; i++)
        {
            var c = _bytes[at + i];
            var digit = c is >= (byte)'0' and <= (byte)'9' ? c - '0' : c is >= (byte)'a' and <= (byte)'f' ? c - 'a' + 10 : c is >= (byte)'A' and <= (byte)'F' ? c - 'A' + 10 : -1;
            if (digit < 0) return false;
            code = (code * 16) + digit;
        }

        unit = (char)code;
        return true;
    }

    /// <summary>JSON's number: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?, ending where a value may end.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool Number(ref int at)
    {
        var start = at;
        if (_bytes[at] == (byte)'-') at++;
        if (at == _end) return false;
        if (_bytes[at] == (byte)'0') at++;
        else if (Digits(ref at) == 0) return false;
        if (at < _end && _bytes[at] == (byte)'.')
        {
            at++;
            if (Digits(ref at) == 0) return false;
        }

        if (at < _end && _bytes[at] is (byte)'e' or (byte)'E')
        {
            at++;
            if (at < _end && _bytes[at] is (byte)'+' or (byte)'-') at++;
            if (Digits(ref at) == 0) return false;
        }

        if (!Delimiter(at)) return false;
        return true;
    }

    [MethodImpl(HotPath.Optimized)]
    private int Digits(ref int at)
    {
        var start = at;
        while (at < _end && _bytes[at] is >= (byte)'0' and <= (byte)'9') at++;
        return at - start;
    }

    [MethodImpl(HotPath.Optimized)]
    private bool Literal(ref int at, string word)
    {
        if (at + word.Length > _end) return false;
        for (var i = 0; i < word.Length; i++)
        {
            if (_bytes[at + i] != (byte)word[i]) return false;
        }

        if (!Delimiter(at + word.Length)) return false;
        at += word.Length;
        return true;
    }

    /// <summary>What may follow a number or literal: the end, white space, a comma or a closing bracket.</summary>
    [MethodImpl(HotPath.Optimized)]
    private bool Delimiter(int at) => at == _end || _bytes[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r' or (byte)',' or (byte)']' or (byte)'}';

    [MethodImpl(HotPath.Optimized)]
    private int Skip(int at)
    {
        while (at < _end && _bytes[at] is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r') at++;
        return at;
    }
}
