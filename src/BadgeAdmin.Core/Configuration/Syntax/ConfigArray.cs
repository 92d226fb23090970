using System.Collections.Generic;

namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>A list (a JSON array, a YAML sequence).</summary>
public sealed class ConfigArray : ConfigNode
{
    public ConfigArray(int line = 0, int column = 0)
        : base(line, column)
    {
    }

    public List<ConfigNode> Items { get; } = new();

    public ConfigArray Add(ConfigNode item)
    {
        Items.Add(item);
        return this;
    }

    public override string Describe() => "a list";
}
