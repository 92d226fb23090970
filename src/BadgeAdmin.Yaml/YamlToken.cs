using BadgeAdmin.Core.Configuration.Syntax;

namespace BadgeAdmin.Yaml;

/// <summary>
/// One token of a YAML file: a scalar's text as the reader sees it (booleans and null as JSON spells them), and its line.
/// Read by <see cref="YamlBlockReader"/>; in <see cref="YamlConfigurationTokens"/> a token as the parser gave it, before
/// its place (key or value) is known, which is what an anchor keeps.
/// </summary>
internal readonly struct YamlToken
{
    public YamlToken(ConfigToken token, ConfigScalarKind kind, string? text, int line)
    {
        Token = token;
        Kind = kind;
        Text = text;
        Line = line;
    }

    public ConfigToken Token { get; }

    public ConfigScalarKind Kind { get; }

    public string? Text { get; }

    public int Line { get; }
}
