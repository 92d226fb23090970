using System;
using System.Globalization;
using BadgeAdmin.Core.Configuration.Syntax;
using System.Runtime.CompilerServices;
using BadgeAdmin.Core.Performance;

namespace BadgeAdmin.Yaml;

/// <summary>What a YAML scalar's text gives: the same for both readers (<see cref="YamlBlockReader"/>, YamlDotNet's parser).</summary>
internal static class YamlScalarText
{
    /// <summary>Booleans and null as JSON spells them; other scalars as written.</summary>
    [MethodImpl(HotPath.Optimized)]
    public static string Normalized(ConfigScalarKind kind, string value) => kind switch
    {
        ConfigScalarKind.Boolean => value[0] is 't' or 'T' ? "true" : "false",
        ConfigScalarKind.Null => "null",
        _ => value,
    };

    [MethodImpl(HotPath.Optimized)]
    public static bool TryGetGuid(ConfigToken token, ConfigScalarKind kind, string text, out Guid value)
    {
        value = default;
        return token == ConfigToken.Scalar && kind == ConfigScalarKind.String && Guid.TryParse(text, out value);
    }

    [MethodImpl(HotPath.Optimized)]
    public static bool TryGetNumber(ConfigToken token, ConfigScalarKind kind, string text, out double value)
    {
        value = default;
        return token == ConfigToken.Scalar && kind == ConfigScalarKind.Number
            && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value) && !double.IsNaN(value) && !double.IsInfinity(value);
    }
}
