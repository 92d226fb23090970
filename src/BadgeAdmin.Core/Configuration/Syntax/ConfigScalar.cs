using System.Globalization;

namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>A string, number, boolean or null. Numbers keep their text; <see cref="Number"/> reads it invariantly.</summary>
public sealed class ConfigScalar : ConfigNode
{
    public ConfigScalar(ConfigScalarKind kind, string text)
    {
        Kind = kind;
        Text = text;
    }

    public ConfigScalarKind Kind { get; }

    /// <summary>The string itself, the number as written, "true"/"false", or "null".</summary>
    public string Text { get; }

    public static ConfigScalar Of(string? value) => value is null ? Null() : new ConfigScalar(ConfigScalarKind.String, value);

    public static ConfigScalar Of(bool value) => new(ConfigScalarKind.Boolean, value ? "true" : "false");

    public static ConfigScalar Of(double value) => new(ConfigScalarKind.Number, value.ToString("R", CultureInfo.InvariantCulture));

    public static ConfigScalar Of(int value) => new(ConfigScalarKind.Number, value.ToString(CultureInfo.InvariantCulture));

    public static ConfigScalar Null() => new(ConfigScalarKind.Null, "null");

    /// <summary>The number, or null when the text is not a finite number.</summary>
    public double? Number =>
        Kind == ConfigScalarKind.Number && double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && !double.IsNaN(value) && !double.IsInfinity(value)
            ? value
            : null;
}
