using System;
using System.Collections.Generic;
using System.Diagnostics;

namespace BadgeAdmin.Core.Connections;

/// <summary>
/// The ids (with names) a connection has recently read, per kind of object, so tab completion can offer them and
/// messages can name them without a request. A ring per kind: recording is one array write and one index update
/// (listings record every item, so it must cost next to nothing); duplicates are dropped when completion asks.
/// It also remembers which listings were last read to their end, and when: what completion may trust as whole.
/// </summary>
public sealed class RecentlySeen
{
    public const int Capacity = 10_000;
    private readonly object _gate = new();
    private readonly Dictionary<string, Ring> _byKind = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> _completedAt = new(StringComparer.Ordinal);

    public void Record(string kind, Guid id, string? name)
    {
        lock (_gate)
        {
            if (!_byKind.TryGetValue(kind, out var ring)) _byKind[kind] = ring = new Ring();
            ring.Add((id, name));
        }
    }

    /// <summary>
    /// Records an item that belongs to a parent (an entry's badge, a directory's badge) under its kind and under the
    /// kind scoped to that parent (<see cref="Within"/>), so completion can offer either all of them or one parent's.
    /// </summary>
    public void Record(string kind, Guid parentId, Guid id, string? name)
    {
        Record(kind, id, name);
        Record(Within(kind, parentId), id, name);
    }

    /// <summary>The kind name of the items of <paramref name="kind"/> that belong to one parent.</summary>
    public static string Within(string kind, Guid parentId) => kind + "/" + parentId.ToString("N");

    /// <summary>
    /// Takes an item that is gone (deleted, detached) out of what completion offers under <paramref name="kind"/>; its
    /// name stays known for messages, and reading it again brings it back.
    /// </summary>
    public void Forget(string kind, Guid id)
    {
        lock (_gate)
        {
            if (_byKind.TryGetValue(kind, out var ring)) ring.Forget(id);
        }
    }

    /// <summary>As <see cref="Forget"/>, under every kind: an item deleted together with every place that showed it.</summary>
    public void ForgetEverywhere(Guid id)
    {
        lock (_gate)
        {
            foreach (var ring in _byKind.Values) ring.Forget(id);
        }
    }

    public bool Any(string kind)
    {
        lock (_gate) return _byKind.TryGetValue(kind, out var ring) && ring.Written > 0;
    }

    /// <summary>The latest name read for <paramref name="id"/> among the items of <paramref name="kind"/>, or null.</summary>
    public string? NameOf(string kind, Guid id)
    {
        lock (_gate) return _byKind.TryGetValue(kind, out var ring) ? ring.NameOf(id) : null;
    }

    /// <summary>
    /// Notes that <paramref name="listing"/> (a kind, or a kind with its filters) was just read to its end, giving
    /// <paramref name="count"/> items. Only a listing that fits the ring can be trusted as whole.
    /// </summary>
    public void MarkComplete(string listing, long count)
    {
        lock (_gate)
        {
            if (count <= Capacity) _completedAt[listing] = Stopwatch.GetTimestamp();
            else _completedAt.Remove(listing);
        }
    }

    /// <summary>True when <paramref name="listing"/> was read to its end no longer than <paramref name="maxAge"/> ago.</summary>
    public bool IsComplete(string listing, TimeSpan maxAge)
    {
        lock (_gate)
        {
            if (!_completedAt.TryGetValue(listing, out var at)) return false;
            return Stopwatch.GetTimestamp() - at <= maxAge.TotalSeconds * Stopwatch.Frequency;
        }
    }

    /// <summary>
    /// Items of <paramref name="kind"/> whose id or name starts with what was typed, in any case (a '*' in it stands for
    /// any text; surrounding quotes are ignored), most recently seen first, each id once.
    /// </summary>
    public IReadOnlyList<(Guid Id, string? Name)> Match(string kind, string? typed)
    {
        var parts = (typed ?? string.Empty).Trim().Trim('\'', '"').Split('*');
        var found = new List<(Guid, string?)>();
        lock (_gate)
        {
            if (!_byKind.TryGetValue(kind, out var ring)) return found;
            var seen = new HashSet<Guid>();
            var held = (int)Math.Min(ring.Written, ring.Items.Length);
            for (var back = 1; back <= held; back++)
            {
                var item = ring.Items[(ring.Written - back) % ring.Items.Length];
                if (!seen.Add(item.Id) || ring.IsGone(item.Id)) continue;
                if (Fits(item.Id.ToString(), parts) || (item.Name is { } name && Fits(name, parts))) found.Add(item);
            }
        }

        return found;
    }

    /// <summary>True when <paramref name="text"/> starts with the first part and holds the others in order after it.</summary>
    private static bool Fits(string text, string[] parts)
    {
        if (!text.StartsWith(parts[0], StringComparison.OrdinalIgnoreCase)) return false;
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length; i++)
        {
            var found = text.IndexOf(parts[i], at, StringComparison.OrdinalIgnoreCase);
            if (found < 0) return false;
            at = found + parts[i].Length;
        }

        return true;
    }

    /// <summary>
    /// The latest <see cref="Capacity"/> items of one kind. It grows as items come (many kinds, such as one entry's
    /// badges, stay small) and, once full, overwrites the oldest. An index from id to its latest write answers
    /// <see cref="NameOf"/> at once; it forgets an id when the ring overwrites that id's latest write.
    /// </summary>
    private sealed class Ring
    {
        public (Guid Id, string? Name)[] Items = new (Guid, string?)[16];
        public long Written;
        private readonly Dictionary<Guid, long> _latest = new();
        private readonly HashSet<Guid> _gone = new();

        public void Add((Guid Id, string? Name) item)
        {
            // The ring only grows before it first wraps, so a write's slot stays Written % Items.Length.
            if (Written == Items.Length && Items.Length < Capacity) Array.Resize(ref Items, Math.Min(Items.Length * 2, Capacity));
            var slot = (int)(Written % Items.Length);
            if (Written >= Items.Length)
            {
                var evicted = Items[slot].Id;
                if (_latest.TryGetValue(evicted, out var at) && at == Written - Items.Length) _latest.Remove(evicted);
            }

            Items[slot] = item;
            _latest[item.Id] = Written++;
            _gone.Remove(item.Id);
        }

        public void Forget(Guid id)
        {
            if (_latest.ContainsKey(id)) _gone.Add(id);
        }

        public bool IsGone(Guid id) => _gone.Contains(id);

        public string? NameOf(Guid id) => _latest.TryGetValue(id, out var at) ? Items[(int)(at % Items.Length)].Name : null;
    }
}
