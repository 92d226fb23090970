using System.Globalization;
using System.Text;
using System.Runtime.CompilerServices;
using BadgeAdmin.Core.Performance;

namespace BadgeAdmin.Core.Configuration;

/// <summary>
/// Where the reader is in the file, as its own keys say (<c>snag.websites[0].badges[3].imageUrl</c>): a stack of keys
/// and indexes, spelled out only when a problem names it. A file of thousands of badges has tens of thousands of
/// paths and, usually, no problem.
/// </summary>
internal sealed class PropertyPath
{
    private string?[] _names = new string?[16];
    private int[] _indexes = new int[16];
    private int _depth;

    public void Push(string name) => Push(name, -1);

    public void Push(int index) => Push(null, index);

    public void Pop() => _depth--;

    /// <summary>The path of a property of the object here.</summary>
    public string Child(string name) => Append(Text(), name);

    /// <summary>The path of a property of an item of the list here.</summary>
    public string Item(int index, string name) => Text().Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append("].").Append(name).ToString();

    public override string ToString() => Text().ToString();

    private static string Append(StringBuilder text, string name) => (text.Length == 0 ? text.Append(name) : text.Append('.').Append(name)).ToString();

    [MethodImpl(HotPath.Optimized)]
    private void Push(string? name, int index)
    {
        if (_depth == _names.Length)
        {
            System.Array.Resize(ref _names, _depth * 2);
            System.Array.Resize(ref _indexes, _depth * 2);
        }

        _names[_depth] = name;
        _indexes[_depth] = index;
        _depth++;
    }

    private StringBuilder Text()
    {
        var text = new StringBuilder();
        for (var i = 0; i < _depth; i++)
        {
            if (_names[i] is { } name) (text.Length == 0 ? text : text.Append('.')).Append(name);
            else text.Append('[').Append(_indexes[i].ToString(CultureInfo.InvariantCulture)).Append(']');
        }

        return text;
    }
}
