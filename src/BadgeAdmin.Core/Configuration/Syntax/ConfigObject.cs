using System;
using System.Collections.Generic;

namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>
/// A mapping (a JSON object, a YAML mapping) whose properties keep the order they were added in, which is the order
/// they are written in. Names are case-sensitive, as in JSON Schema.
/// </summary>
public sealed class ConfigObject : ConfigNode
{
    private readonly List<ConfigProperty> _properties = new();

    public IReadOnlyList<ConfigProperty> Properties => _properties;

    /// <summary>Adds a property; a null value is left out. A name can be added once.</summary>
    public ConfigObject Add(string name, ConfigNode? value)
    {
        if (value is null) return this;
        if (Find(name) is not null) throw new ArgumentException($"Property '{name}' is already set.", nameof(name));
        _properties.Add(new ConfigProperty(name, value));
        return this;
    }

    public ConfigProperty? Find(string name)
    {
        foreach (var property in _properties)
        {
            if (string.Equals(property.Name, name, StringComparison.Ordinal)) return property;
        }

        return null;
    }
}
