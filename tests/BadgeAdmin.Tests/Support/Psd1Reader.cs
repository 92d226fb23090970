using System.Collections;
using System.Globalization;
using System.Text;

namespace BadgeAdmin.Tests.Support;

/// <summary>
/// Reads PowerShell data files (.psd1) without PowerShell: hashtables, arrays, strings, numbers, $true/$false/$null
/// and comments, which is all the data syntax allows. Anything else (a variable, an expression) is an error, as
/// Import-Module would also refuse it.
/// </summary>
internal sealed class Psd1Reader
{
    private readonly string _text;
    private int _at;

    private Psd1Reader(string text) => _text = text;

    public static Dictionary<string, object?> ReadFile(string path)
    {
        var reader = new Psd1Reader(File.ReadAllText(path));
        var value = reader.ReadValue();
        reader.SkipTrivia();
        if (reader._at != reader._text.Length) throw reader.Error("text after the manifest's hashtable");
        return value as Dictionary<string, object?> ?? throw reader.Error("a manifest must be one hashtable");
    }

    private object? ReadValue()
    {
        SkipTrivia();
        if (Peek("@{")) return ReadHashtable();
        if (Peek("@(")) return ReadArray();
        var c = Current;
        if (c is '\'' or '"') return ReadString();
        if (c == '$') return ReadConstant();
        if (char.IsDigit(c) || c == '-') return ReadNumber();
        throw Error($"unexpected '{c}'");
    }

    private Dictionary<string, object?> ReadHashtable()
    {
        _at += 2;
        var table = new Dictionary<string, object?>(StringComparer.OrdinalIgnoreCase);
        while (true)
        {
            SkipTrivia(newlines: true, semicolons: true);
            if (Current == '}')
            {
                _at++;
                return table;
            }

            var key = Current is '\'' or '"' ? ReadString() : ReadBareWord();
            SkipTrivia();
            Expect('=');
            if (!table.TryAdd(key, ReadValue())) throw Error($"duplicate key '{key}'");
        }
    }

    private List<object?> ReadArray()
    {
        _at += 2;
        var items = new List<object?>();
        while (true)
        {
            SkipTrivia(newlines: true, commas: true);
            if (Current == ')')
            {
                _at++;
                return items;
            }

            items.Add(ReadValue());
        }
    }

    private string ReadString()
    {
        var quote = _text[_at++];
        var text = new StringBuilder();
        while (true)
        {
            if (_at >= _text.Length) throw Error("unterminated string");
            var c = _text[_at++];
            if (c == quote)
            {
                if (_at < _text.Length && _text[_at] == quote)
                {
                    text.Append(quote);
                    _at++;
                    continue;
                }

                return text.ToString();
            }

            if (quote == '"' && c == '$') throw Error("variables are not allowed in a data file");
            text.Append(c);
        }
    }

    private object? ReadConstant()
    {
        var word = ReadBareWord(allowDollar: true).ToLowerInvariant();
        return word switch
        {
            "$true" => true,
            "$false" => false,
            "$null" => null,
            _ => throw Error($"variable {word} is not allowed in a data file"),
        };
    }

    private object ReadNumber()
    {
        var start = _at;
        while (_at < _text.Length && (char.IsDigit(Current) || Current is '.' or '-')) _at++;
        var token = _text[start.._at];
        return token.Contains('.') ? double.Parse(token, CultureInfo.InvariantCulture) : long.Parse(token, CultureInfo.InvariantCulture);
    }

    private string ReadBareWord(bool allowDollar = false)
    {
        var start = _at;
        while (_at < _text.Length && (char.IsLetterOrDigit(Current) || Current == '_' || (allowDollar && Current == '$' && _at == start))) _at++;
        if (_at == start) throw Error($"expected a name, found '{Current}'");
        return _text[start.._at];
    }

    private void SkipTrivia(bool newlines = true, bool semicolons = false, bool commas = false)
    {
        while (_at < _text.Length)
        {
            var c = _text[_at];
            if (c == '#')
            {
                while (_at < _text.Length && _text[_at] != '\n') _at++;
            }
            else if (Peek("<#"))
            {
                var end = _text.IndexOf("#>", _at, StringComparison.Ordinal);
                _at = end < 0 ? throw Error("unterminated block comment") : end + 2;
            }
            else if (c is ' ' or '\t' or '\r' || (newlines && c == '\n') || (semicolons && c == ';') || (commas && c == ','))
            {
                _at++;
            }
            else
            {
                return;
            }
        }
    }

    private char Current => _at < _text.Length ? _text[_at] : '\0';

    private bool Peek(string token) => string.CompareOrdinal(_text, _at, token, 0, token.Length) == 0;

    private void Expect(char c)
    {
        if (Current != c) throw Error($"expected '{c}'");
        _at++;
    }

    private FormatException Error(string what)
    {
        var line = _text.Take(_at).Count(ch => ch == '\n') + 1;
        return new FormatException($"psd1 line {line}: {what}");
    }

    public static IEnumerable<string> Strings(object? value) => value switch
    {
        string s => new[] { s },
        IEnumerable items => items.Cast<object?>().Select(i => i as string ?? throw new FormatException($"expected strings, found {i}")),
        _ => Array.Empty<string>(),
    };
}
