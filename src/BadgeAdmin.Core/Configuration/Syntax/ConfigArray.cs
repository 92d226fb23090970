using System.Collections.Generic;

namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>A list (a JSON array, a YAML sequence).</summary>
public sealed class ConfigArray : ConfigNode
{
    public List<ConfigNode> Items { get; } = new();

    public ConfigArray Add(ConfigNode item)
    {
        Items.Add(item);
        return this;
    }
}
