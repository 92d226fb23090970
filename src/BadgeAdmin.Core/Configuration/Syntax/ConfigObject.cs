using System;
using System.Collections.Generic;

namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>
/// A mapping (a JSON object, a YAML mapping) whose properties keep the order they were read or added in, which is
/// the order they are written in. Names are case-sensitive, as in JSON Schema.
/// </summary>
public sealed class ConfigObject : ConfigNode
{
    private readonly List<ConfigProperty> _properties = new();

    public ConfigObject(int line = 0, int column = 0)
        : base(line, column)
    {
    }

    public IReadOnlyList<ConfigProperty> Properties => _properties;

    /// <summary>Adds a property; false (and nothing added) when one of that name is already there.</summary>
    public bool TryAdd(ConfigProperty property)
    {
        if (Find(property.Name) is not null) return false;
        _properties.Add(property);
        return true;
    }

    /// <summary>Adds a property built in memory (the writer's use); a null value is left out.</summary>
    public ConfigObject Add(string name, ConfigNode? value)
    {
        if (value is not null && !TryAdd(new ConfigProperty(name, value, 0))) throw new ArgumentException($"Property '{name}' is already set.", nameof(name));
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

    public override string Describe() => "an object";
}
