using System.Linq;
using System.Text;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>
/// A value written as one PowerShell argument, for the text Tab puts on the line. PSReadLine inserts the one match
/// whole, but of several it inserts their common prefix: quoted values would leave an open quote there ('Main W), so
/// several are written with backtick escapes instead, which stay one valid argument when cut anywhere but in the
/// middle of an escape.
/// </summary>
internal static class ArgumentText
{
    /// <summary>The value as is when the parser takes it as one bare word, else in single quotes.</summary>
    public static string Quoted(string value) => IsBare(value) ? value : "'" + value.Replace("'", "''") + "'";

    /// <summary>The value as is when it is one bare word, else with each character the parser would act on escaped.</summary>
    public static string Escaped(string value)
    {
        if (IsBare(value)) return value;
        var text = new StringBuilder(value.Length + 8);
        for (var i = 0; i < value.Length; i++)
        {
            if (!IsPlain(value, i)) text.Append('`');
            text.Append(value[i]);
        }

        return text.ToString();
    }

    /// <summary>What a typed word says, without its quotes and escapes (the word may be cut short: 'Main W or Main` W).</summary>
    public static string Unescaped(string? word)
    {
        var text = (word ?? string.Empty).Trim();
        if (text.Length > 0 && text[0] is '\'' or '"')
        {
            var quote = text[0];
            text = text.Substring(1);
            if (text.Length > 0 && text[text.Length - 1] == quote) text = text.Substring(0, text.Length - 1);
            return quote == '\'' ? text.Replace("''", "'") : text;
        }

        var plain = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '`' && i + 1 < text.Length) i++;
            plain.Append(text[i]);
        }

        return plain.ToString();
    }

    private static bool IsBare(string value) => value.Length > 0 && Enumerable.Range(0, value.Length).All(i => IsPlain(value, i));

    /// <summary>A character the parser leaves alone in a bare word (a leading dash would make it a parameter name).</summary>
    private static bool IsPlain(string value, int at) =>
        char.IsLetterOrDigit(value[at]) || value[at] is '_' or '.' or '/' or ':' || (value[at] == '-' && at > 0);
}
