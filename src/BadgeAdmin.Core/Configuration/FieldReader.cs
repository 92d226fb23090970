using System;
using System.Collections.Generic;
using System.Linq;
using BadgeAdmin.Core.Configuration.Syntax;

namespace BadgeAdmin.Core.Configuration;

/// <summary>
/// Reads the properties of one object of the file against the schema's shape: each property it does not allow,
/// each required one missing and each value of the wrong type is a problem naming its line and property path.
/// A getter returns null after reporting a problem, so reading goes on and every problem is found in one pass.
/// </summary>
internal sealed class FieldReader
{
    private readonly ConfigObject _object;
    private readonly ProblemList _problems;

    public FieldReader(ConfigNode node, PropertyPath path, ProblemList problems, params string[] allowed)
    {
        _problems = problems;
        Path = path;
        if (node is ConfigObject obj)
        {
            _object = obj;
            IsObject = true;
            foreach (var property in obj.Properties)
            {
                if (Array.IndexOf(allowed, property.Name) >= 0) continue;
                problems.Add(property.Line, Join(property.Name).ToString(), $"unknown property '{property.Name}' (allowed here: {string.Join(", ", allowed)})");
            }
        }
        else
        {
            _object = new ConfigObject(node.Line, node.Column);
            problems.Add(node, path.ToString(), $"expected an object, found {node.Describe()}");
        }
    }

    public PropertyPath Path { get; }

    /// <summary>False when the node was not an object (already reported).</summary>
    public bool IsObject { get; }

    public int Line => _object.Line;

    public bool Has(string name) => _object.Find(name) is not null;

    public PropertyPath Join(string name) => Path.Property(name);

    public ConfigNode? Node(string name, bool required)
    {
        var property = _object.Find(name);
        if (property is null && required && IsObject) _problems.Add(_object, Join(name).ToString(), $"required property '{name}' is missing");
        return property?.Value;
    }

    public string? String(string name, bool required = false, bool allowNull = false)
    {
        var node = Node(name, required);
        if (node is null) return null;
        if (node is ConfigScalar { Kind: ConfigScalarKind.String } text)
        {
            if (required && text.Text.Trim().Length == 0) _problems.Add(node, Join(name).ToString(), "must not be empty");
            return text.Text;
        }

        if (allowNull && node is ConfigScalar { Kind: ConfigScalarKind.Null }) return null;
        _problems.Add(node, Join(name).ToString(), $"expected a string, found {node.Describe()}");
        return null;
    }

    public string? Url(string name, bool required = false)
    {
        var text = String(name, required);
        if (text is null) return null;
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            _problems.Add(Node(name, false), Join(name).ToString(), $"'{text}' is not an http(s) URL");
        }

        return text;
    }

    public Guid? Guid(string name, bool required = false) => AsGuid(Node(name, required), Join(name));

    public bool? Bool(string name)
    {
        var node = Node(name, false);
        if (node is null) return null;
        if (node is ConfigScalar { Kind: ConfigScalarKind.Boolean } flag) return flag.Text == "true";
        _problems.Add(node, Join(name).ToString(), $"expected true or false, found {node.Describe()}");
        return null;
    }

    public double? Number(string name)
    {
        var node = Node(name, false);
        if (node is null || node is ConfigScalar { Kind: ConfigScalarKind.Null }) return null;
        if (node is ConfigScalar { Number: { } value }) return value;
        _problems.Add(node, Join(name).ToString(), $"expected a number, found {node.Describe()}");
        return null;
    }

    public int? Integer(string name, int minimum = int.MinValue)
    {
        var node = Node(name, false);
        var value = Number(name);
        if (value is null) return null;
        if (value != Math.Floor(value.Value) || value < minimum || value > int.MaxValue)
        {
            _problems.Add(node, Join(name).ToString(), minimum == 0 ? $"expected a whole number from 0 up, found {value}" : $"expected a whole number, found {value}");
            return null;
        }

        return (int)value.Value;
    }

    /// <summary>The items of a list property with their paths; empty (after a problem) when it is not a list.</summary>
    public IReadOnlyList<(ConfigNode Node, PropertyPath Path)> List(string name, bool required = false)
    {
        var node = Node(name, required);
        if (node is null) return Array.Empty<(ConfigNode, PropertyPath)>();
        if (node is ConfigArray array)
        {
            var path = Join(name);
            var items = new (ConfigNode, PropertyPath)[array.Items.Count];
            for (var i = 0; i < items.Length; i++) items[i] = (array.Items[i], path.Item(i));
            return items;
        }
        _problems.Add(node, Join(name).ToString(), $"expected a list, found {node.Describe()}");
        return Array.Empty<(ConfigNode, PropertyPath)>();
    }

    public Guid[]? Guids(string name)
    {
        var items = List(name);
        if (_object.Find(name)?.Value is not ConfigArray) return null;
        var ids = new List<Guid>(items.Count);
        foreach (var (node, path) in items)
        {
            if (AsGuid(node, path) is { } id) ids.Add(id);
        }

        return ids.ToArray();
    }

    private Guid? AsGuid(ConfigNode? node, PropertyPath path)
    {
        if (node is null) return null;
        if (node is ConfigScalar { Kind: ConfigScalarKind.String } text && System.Guid.TryParse(text.Text, out var id)) return id;
        _problems.Add(node, path.ToString(), node is ConfigScalar { Kind: ConfigScalarKind.String } bad ? $"'{bad.Text}' is not a GUID" : $"expected a GUID string, found {node.Describe()}");
        return null;
    }
}
