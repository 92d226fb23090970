namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>
/// One token <see cref="JsonScanner"/> read: where it starts, and where its text is (a string's after its opening
/// quote, unescaped already when it had escapes; a number's as written), or a boolean's value (1 for true).
/// </summary>
internal readonly struct JsonScannedToken
{
    public JsonScannedToken(ConfigToken token, ConfigScalarKind kind, int start, int value, int length, string? unescaped)
    {
        Token = token;
        Kind = kind;
        Start = start;
        Value = value;
        Length = length;
        Unescaped = unescaped;
    }

    public ConfigToken Token { get; }

    public ConfigScalarKind Kind { get; }

    public int Start { get; }

    public int Value { get; }

    public int Length { get; }

    public string? Unescaped { get; }
}
