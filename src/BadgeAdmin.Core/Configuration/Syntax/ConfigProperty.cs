namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>One property of a <see cref="ConfigObject"/>: its name, the line the name is on, and its value.</summary>
public sealed class ConfigProperty
{
    public ConfigProperty(string name, ConfigNode value, int line)
    {
        Name = name;
        Value = value;
        Line = line;
    }

    public string Name { get; }

    public ConfigNode Value { get; }

    /// <summary>1-based line of the property's name.</summary>
    public int Line { get; }
}
