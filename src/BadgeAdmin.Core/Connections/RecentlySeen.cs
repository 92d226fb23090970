using System;
using System.Collections.Generic;
using System.Linq;

namespace BadgeAdmin.Core.Connections;

/// <summary>
/// The ids (with names) a connection has recently read, per kind of object, so tab completion can offer them without
/// a request. Bounded: the oldest are forgotten first.
/// </summary>
public sealed class RecentlySeen
{
    public const int Capacity = 2000;
    private readonly object _gate = new();
    private readonly Dictionary<string, LinkedList<(Guid Id, string? Name)>> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<(string, Guid), LinkedListNode<(Guid Id, string? Name)>> _index = new();

    public void Record(string kind, Guid id, string? name)
    {
        lock (_gate)
        {
            if (!_byKind.TryGetValue(kind, out var list)) _byKind[kind] = list = new LinkedList<(Guid, string?)>();
            if (_index.TryGetValue((kind, id), out var existing)) list.Remove(existing);
            _index[(kind, id)] = list.AddFirst((id, name));
            if (list.Count > Capacity)
            {
                _index.Remove((kind, list.Last!.Value.Id));
                list.RemoveLast();
            }
        }
    }

    public bool Any(string kind)
    {
        lock (_gate) return _byKind.TryGetValue(kind, out var list) && list.Count > 0;
    }

    /// <summary>
    /// Items of <paramref name="kind"/> whose id starts with, or whose name contains, what was typed (quotes and
    /// wildcards ignored), most recently seen first.
    /// </summary>
    public IReadOnlyList<(Guid Id, string? Name)> Match(string kind, string? typed, int max = 50)
    {
        var word = (typed ?? string.Empty).Trim().Trim('\'', '"').Replace("*", string.Empty);
        lock (_gate)
        {
            if (!_byKind.TryGetValue(kind, out var list)) return Array.Empty<(Guid, string?)>();
            return list
                .Where(item => word.Length == 0
                               || item.Id.ToString().StartsWith(word, StringComparison.OrdinalIgnoreCase)
                               || (item.Name?.IndexOf(word, StringComparison.OrdinalIgnoreCase) ?? -1) >= 0)
                .Take(max)
                .ToList();
        }
    }
}
