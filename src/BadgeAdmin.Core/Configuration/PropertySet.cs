using System;
using System.Runtime.CompilerServices;
using BadgeAdmin.Core.Performance;

namespace BadgeAdmin.Core.Configuration;

/// <summary>The properties one kind of object in the file may have, as the schema names them (at most 64).</summary>
internal sealed class PropertySet
{
    private readonly string[] _names;

    public PropertySet(params string[] names)
    {
        if (names.Length > 64) throw new ArgumentException("At most 64 properties.", nameof(names));
        _names = names;
        Allowed = string.Join(", ", names);
    }

    /// <summary>The names, for a message ("allowed here: id, name, badges").</summary>
    public string Allowed { get; }

    /// <summary>The name's place in the set, or -1.</summary>
    [MethodImpl(HotPath.Optimized)]
    public int IndexOf(string name)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(_names[i], name, StringComparison.Ordinal)) return i;
        }

        return -1;
    }
}
