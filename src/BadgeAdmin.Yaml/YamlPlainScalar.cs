using BadgeAdmin.Core.Configuration.Syntax;
using System.Runtime.CompilerServices;
using BadgeAdmin.Core.Performance;

namespace BadgeAdmin.Yaml;

/// <summary>
/// What an untagged plain scalar is by the YAML 1.2 core schema (null, true/false, numbers, else a string), and which
/// strings can be written plain. By hand, not by patterns: a file holds tens of thousands of names, ids and URLs.
/// </summary>
internal static class YamlPlainScalar
{
    [MethodImpl(HotPath.Optimized)]
    public static ConfigScalarKind KindOf(string value)
    {
        switch (value)
        {
            case "" or "~" or "null" or "Null" or "NULL":
                return ConfigScalarKind.Null;
            case "true" or "True" or "TRUE" or "false" or "False" or "FALSE":
                return ConfigScalarKind.Boolean;
        }

        return IsNumber(value) ? ConfigScalarKind.Number : ConfigScalarKind.String;
    }

    /// <summary>
    /// Whether a string written plain reads back as this same string, for YAML 1.2 readers and for the YAML 1.1 ones
    /// still common (which take yes/no/on/off and their like for booleans).
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    public static bool ReadsBackAsString(string value) => KindOf(value) == ConfigScalarKind.String && !IsYaml11Boolean(value);

    [MethodImpl(HotPath.Optimized)]
    private static bool IsYaml11Boolean(string value) => value is "y" or "Y" or "yes" or "Yes" or "YES" or "n" or "N" or "no" or "No" or "NO"
        or "on" or "On" or "ON" or "off" or "Off" or "OFF";

    /// <summary>
    /// The core schema's numbers: [-+]?(.digits|digits(.digits?)?)([eE][-+]?digits)?, [-+]?.inf, .nan (in their three
    /// spellings), 0x hex and 0o octal.
    /// </summary>
    [MethodImpl(HotPath.Optimized)]
    private static bool IsNumber(string value)
    {
        var first = value[0];
        if (!(first is (>= '0' and <= '9') or '-' or '+' or '.')) return false;
        if (value is ".nan" or ".NaN" or ".NAN") return true;
        if (value.Length > 2 && value[0] == '0' && value[1] == 'x') return AllOf(value, 2, c => c is (>= '0' and <= '9') or (>= 'a' and <= 'f') or (>= 'A' and <= 'F'));
        if (value.Length > 2 && value[0] == '0' && value[1] == 'o') return AllOf(value, 2, c => c is >= '0' and <= '7');
        var at = first is '-' or '+' ? 1 : 0;
        if (value.Substring(at) is ".inf" or ".Inf" or ".INF") return true;
        var whole = Digits(value, ref at);
        var fraction = 0;
        if (at < value.Length && value[at] == '.')
        {
            at++;
            fraction = Digits(value, ref at);
            if (whole == 0 && fraction == 0) return false;
        }
        else if (whole == 0)
        {
            return false;
        }

        if (at < value.Length && value[at] is 'e' or 'E')
        {
            at++;
            if (at < value.Length && value[at] is '-' or '+') at++;
            if (Digits(value, ref at) == 0) return false;
        }

        return at == value.Length;
    }

    [MethodImpl(HotPath.Optimized)]
    private static int Digits(string value, ref int at)
    {
        var start = at;
        while (at < value.Length && value[at] is >= '0' and <= '9') at++;
        return at - start;
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool AllOf(string value, int from, System.Func<char, bool> allowed)
    {
        for (var i = from; i < value.Length; i++)
        {
            if (!allowed(value[i])) return false;
        }

        return true;
    }
}
