using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using BadgeAdmin.Core.Performance;

namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>
/// Pairs the file's items with the server's, within one directory or website: by id where the file has one the
/// server knows, then by name among the server's items not yet taken (the exact spelling first, then any casing).
/// A name that fits two server items is ambiguous: that file item is paired with nothing, and those server items are
/// left alone (never pruned), so nothing changes for them. Server items can be offered as a listing streams in (a
/// pair by id is known at once); <see cref="Finish"/> then pairs by name. Linear in the items.
/// </summary>
internal sealed class ItemMatcher<TFile, TServer>
    where TFile : class
    where TServer : class
{
    private readonly List<TFile> _file;
    private readonly Func<TFile, string> _fileName;
    private readonly Func<TServer, string?> _serverName;
    private readonly Func<TServer, Guid> _serverId;
    private readonly Dictionary<Guid, int> _fileById = new();
    private readonly TServer?[] _pairs;
    private readonly List<TServer> _free = new();

    public ItemMatcher(IEnumerable<TFile> file, Func<TFile, Guid?> fileId, Func<TFile, string> fileName, Func<TServer, Guid> serverId, Func<TServer, string?> serverName)
    {
        _file = file.ToList();
        _fileName = fileName;
        _serverId = serverId;
        _serverName = serverName;
        _pairs = new TServer?[_file.Count];
        for (var i = 0; i < _file.Count; i++)
        {
            if (fileId(_file[i]) is { } id && !_fileById.ContainsKey(id)) _fileById[id] = i;
        }
    }

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
        var matcher = new ItemMatcher<TFile, TServer>(file, fileId, fileName, serverId, serverName);
        foreach (var item in server) matcher.Offer(item);
        matcher.Finish();
        return matcher;
    }

    /// <summary>One server item; returns the file item of its id when the file has one (the pair is final), else null.</summary>
    [MethodImpl(HotPath.Optimized)]
    public TFile? Offer(TServer item)
    {
        if (_fileById.TryGetValue(_serverId(item), out var at) && _pairs[at] is null)
        {
            _pairs[at] = item;
            return _file[at];
        }

        _free.Add(item);
        return null;
    }

    /// <summary>Pairs the rest by name, once every server item was offered.</summary>
    public void Finish()
    {
        var byName = _free.GroupBy(s => _serverName(s) ?? string.Empty, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.OrdinalIgnoreCase);
        var taken = new HashSet<TServer>();
        var held = new HashSet<TServer>();
        for (var i = 0; i < _file.Count; i++)
        {
            if (_pairs[i] is not null) continue;
            var name = _fileName(_file[i]);
            var free = byName.TryGetValue(name, out var named) ? named.Where(s => !taken.Contains(s)).ToList() : new List<TServer>();
            var exact = free.Where(s => string.Equals(_serverName(s), name, StringComparison.Ordinal)).ToList();
            var candidates = exact.Count > 0 ? exact : free;
            switch (candidates.Count)
            {
                case 0:
                    Missing.Add(_file[i]);
                    break;
                case 1:
                    taken.Add(candidates[0]);
                    _pairs[i] = candidates[0];
                    break;
                default:
                    Ambiguous.Add((_file[i], candidates));
                    held.UnionWith(candidates);
                    break;
            }
        }

        for (var i = 0; i < _file.Count; i++)
        {
            if (_pairs[i] is { } paired) Matched.Add((_file[i], paired));
        }

        Unnamed.AddRange(_free.Where(s => !taken.Contains(s) && !held.Contains(s)));
    }
}
