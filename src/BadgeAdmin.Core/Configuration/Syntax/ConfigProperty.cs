namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>One property of a <see cref="ConfigObject"/>: its name and its value.</summary>
public sealed class ConfigProperty
{
    public ConfigProperty(string name, ConfigNode value)
    {
        Name = name;
        Value = value;
    }

    public string Name { get; }

    public ConfigNode Value { get; }
}
