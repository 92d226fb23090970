namespace BadgeAdmin.Core.Configuration;

/// <summary>
/// Where a value is in the file, as its own keys say (<c>snag.websites[0].badges[3].imageUrl</c>). Spelled out only
/// when a problem names it: a file of thousands of badges has tens of thousands of paths and, usually, no problem.
/// </summary>
internal sealed class PropertyPath
{
    public static readonly PropertyPath Root = new(null, null, -1);

    private readonly PropertyPath? _parent;
    private readonly string? _name;
    private readonly int _index;
    private string? _text;

    private PropertyPath(PropertyPath? parent, string? name, int index)
    {
        _parent = parent;
        _name = name;
        _index = index;
    }

    public PropertyPath Property(string name) => new(this, name, -1);

    public PropertyPath Item(int index) => new(this, null, index);

    public override string ToString()
    {
        if (_text is not null) return _text;
        if (_parent is null) return _text = string.Empty;
        var parent = _parent?.ToString() ?? string.Empty;
        _text = _name is not null ? (parent.Length == 0 ? _name : parent + "." + _name) : parent + "[" + _index + "]";
        return _text;
    }
}
