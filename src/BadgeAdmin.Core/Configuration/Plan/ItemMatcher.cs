using System;
using System.Collections.Generic;
using System.Linq;

namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>
/// Pairs the file's items with the server's, within one directory or website: by id where the file has one the
/// server knows, then by name among the server's items not yet taken (the exact spelling first, then any casing).
/// A name that fits two server items is ambiguous: that file item is paired with nothing, and those server items are
/// left alone (never pruned), so nothing changes for them. Linear in the items: thousands of badges match at once.
/// </summary>
internal sealed class ItemMatcher<TFile, TServer>
    where TFile : class
    where TServer : class
{
    /// <summary>Pairs in the order the file lists them, so a plan reads top to bottom like the file.</summary>
    public List<(TFile File, TServer Server)> Matched { get; } = new();

    /// <summary>File items the server does not have: to create.</summary>
    public List<TFile> Missing { get; } = new();

    public List<(TFile File, IReadOnlyList<TServer> Candidates)> Ambiguous { get; } = new();

    /// <summary>Server items the file does not name (ambiguous candidates excepted): deleted only with -Prune.</summary>
    public List<TServer> Unnamed { get; } = new();

    public static ItemMatcher<TFile, TServer> Match(IEnumerable<TFile> file, IEnumerable<TServer> server,
        Func<TFile, Guid?> fileId, Func<TFile, string> fileName, Func<TServer, Guid> serverId, Func<TServer, string?> serverName)
    {
        var result = new ItemMatcher<TFile, TServer>();
        var items = file.ToList();
        var serverItems = server.ToList();
        var byId = new Dictionary<Guid, TServer>();
        foreach (var item in serverItems) byId[serverId(item)] = item;

        var taken = new HashSet<TServer>();
        var pairs = new TServer?[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            if (fileId(items[i]) is { } id && byId.TryGetValue(id, out var known) && taken.Add(known)) pairs[i] = known;
        }

        var byName = serverItems.Where(s => !taken.Contains(s)).GroupBy(s => serverName(s) ?? string.Empty, StringComparer.OrdinalIgnoreCase)
            .ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var held = new HashSet<TServer>();
        for (var i = 0; i < items.Count; i++)
        {
            if (pairs[i] is not null) continue;
            var name = fileName(items[i]);
            var free = byName.TryGetValue(name, out var named) ? named.Where(s => !taken.Contains(s)).ToList() : new List<TServer>();
            var exact = free.Where(s => string.Equals(serverName(s), name, StringComparison.Ordinal)).ToList();
            var candidates = exact.Count > 0 ? exact : free;
            switch (candidates.Count)
            {
                case 0:
                    result.Missing.Add(items[i]);
                    break;
                case 1:
                    taken.Add(candidates[0]);
                    pairs[i] = candidates[0];
                    break;
                default:
                    result.Ambiguous.Add((items[i], candidates));
                    held.UnionWith(candidates);
                    break;
            }
        }

        for (var i = 0; i < items.Count; i++)
        {
            if (pairs[i] is { } paired) result.Matched.Add((items[i], paired));
        }

        result.Unnamed.AddRange(serverItems.Where(s => !taken.Contains(s) && !held.Contains(s)));
        return result;
    }
}
