using System.Text.Json.Nodes;

namespace BadgeAdmin.Sandbox.PartnerPage;

/// <summary>
/// The emulated PartnerPage: two directories, the partner directory's badges, its partner entries and the badges
/// attached to each entry. All reads and writes take one lock; replies are built inside it so they are consistent.
/// </summary>
/// <remarks>
/// Deleting a directory badge detaches it from every entry that shows it, as a Django foreign key with the default
/// on_delete=CASCADE would (api-reference §2.4 item 1; the real behaviour is undocumented). An entry never refers to
/// a badge that no longer exists.
/// </remarks>
public sealed class PartnerPageData
{
    public const int DefaultPageSize = 5;
    public const string Prefix = "/api/directory/private/v1alpha/";

    private static readonly string[] BadgeNames =
    {
        "Gold Partner", "Silver Partner", "Bronze Partner", "Certified Integrator", "Solution Expert", "Top Rated",
        "Fast Responder", "Security Verified", "Cloud Ready", "Training Provider", "Reseller", "Managed Services",
        "Marketplace Listed", "New Partner Entry Badge",
    };

    private static readonly string[] EntryNames =
    {
        "Acme Cloud", "Birch Analytics", "Cobalt Security", "Delta Integrations", "Ember Consulting", "Fjord Data",
        "Granite Systems", "Harbor Apps", "Iris Marketing", "Juniper Labs", "Kestrel Networks", "Lumen Partners",
    };

    /// <summary>The directory the entries and the seeded badges belong to.</summary>
    public static readonly Guid PartnerDirectoryId = StableId.For("partnerpage/directory/Sandbox Partner Directory");

    /// <summary>A second directory, with no badges, so a per-call -DirectoryId has somewhere else to point.</summary>
    public static readonly Guid AppDirectoryId = StableId.For("partnerpage/directory/Sandbox App Directory");

    private static readonly (Guid Id, string Name)[] Directories =
    {
        (PartnerDirectoryId, "Sandbox Partner Directory"),
        (AppDirectoryId, "Sandbox App Directory"),
    };

    private readonly object _gate = new();
    private readonly Dictionary<Guid, DirectoryBadge> _directoryBadges = new(); // by badge id, across directories
    private readonly List<DirectoryBadge> _badgeOrder = new(); // listing order: seed order, then creation order
    private readonly List<Entry> _entries = new();

    public PartnerPageData() => Reset();

    /// <summary>The seeded entries' ids, in listing order.</summary>
    public IReadOnlyList<Guid> EntryIds
    {
        get
        {
            lock (_gate) return _entries.Select(e => e.Id).ToArray();
        }
    }

    /// <summary>Ids of the partner directory's badges (the ones entries can show), attached or not.</summary>
    public IReadOnlyList<Guid> DirectoryBadgeIds
    {
        get
        {
            lock (_gate) return _badgeOrder.Where(b => b.DirectoryId == PartnerDirectoryId).Select(b => b.Id).ToArray();
        }
    }

    /// <summary>The directory badges as the server holds them (for tests that check its state directly).</summary>
    public IReadOnlyList<(Guid Id, Guid DirectoryId, string Name, string Image)> DirectoryBadges
    {
        get
        {
            lock (_gate) return _badgeOrder.Select(b => (b.Id, b.DirectoryId, b.Name, b.Image)).ToArray();
        }
    }

    /// <summary>Badge ids attached to an entry, in order (for tests that check the server's state directly).</summary>
    public IReadOnlyList<(Guid BadgeId, int Order)> BadgesOf(Guid entryId)
    {
        lock (_gate) return Find(entryId)?.Badges.OrderBy(b => b.Order).Select(b => (b.BadgeId, b.Order)).ToArray() ?? Array.Empty<(Guid, int)>();
    }

    public void Reset()
    {
        lock (_gate)
        {
            _directoryBadges.Clear();
            _badgeOrder.Clear();
            _entries.Clear();
            foreach (var name in BadgeNames)
            {
                Add(new DirectoryBadge(StableId.For("partnerpage/badge/" + name), PartnerDirectoryId, name, $"https://images.sandbox.invalid/badges/{Slug(name)}.png"));
            }

            var badgeIds = _badgeOrder.Select(b => b.Id).ToArray();
            for (var i = 0; i < EntryNames.Length; i++)
            {
                var entry = new Entry(StableId.For("partnerpage/entry/" + EntryNames[i]), EntryNames[i], $"https://{Slug(EntryNames[i])}.example", i % 3 == 0 ? "Gold" : i % 3 == 1 ? "Silver" : "Bronze");
                var count = 2 + (i % 5); // 2 to 6 badges each
                for (var b = 0; b < count; b++) entry.Badges.Add(new EntryBadge(badgeIds[(i + b * 3) % badgeIds.Length], b));
                _entries.Add(entry);
            }
        }
    }

    public (int Total, List<JsonNode> Page) ListDirectories(int offset, int limit)
    {
        lock (_gate) return (Directories.Length, Directories.Skip(offset).Take(limit).Select(d => (JsonNode)DirectoryJson(d.Id, d.Name)).ToList());
    }

    public JsonObject? DirectoryJson(Guid directoryId)
    {
        lock (_gate)
        {
            var found = Directories.FirstOrDefault(d => d.Id == directoryId);
            return found.Name is null ? null : DirectoryJson(found.Id, found.Name);
        }
    }

    /// <summary>The directory's badges in listing order, or null when the directory does not exist.</summary>
    public List<JsonNode>? ListDirectoryBadges(Guid directoryId)
    {
        lock (_gate)
        {
            if (!IsDirectory(directoryId)) return null;
            return _badgeOrder.Where(b => b.DirectoryId == directoryId).Select(b => (JsonNode)ToJson(b)).ToList();
        }
    }

    public BadgeResult GetDirectoryBadge(Guid directoryId, Guid badgeId)
    {
        lock (_gate)
        {
            if (!IsDirectory(directoryId)) return BadgeResult.NoParent;
            return FindBadge(directoryId, badgeId) is { } badge ? BadgeResult.Found(ToJson(badge)) : BadgeResult.NoBadge;
        }
    }

    public BadgeResult CreateDirectoryBadge(Guid directoryId, string name, string image)
    {
        lock (_gate)
        {
            if (!IsDirectory(directoryId)) return BadgeResult.NoParent;
            if (NameTaken(directoryId, name, null)) return BadgeResult.Invalid("name", "A badge with this name already exists in this directory.");
            var badge = new DirectoryBadge(Guid.NewGuid(), directoryId, name, image);
            Add(badge);
            return BadgeResult.Found(ToJson(badge));
        }
    }

    public BadgeResult UpdateDirectoryBadge(Guid directoryId, Guid badgeId, string? name, string? image)
    {
        lock (_gate)
        {
            if (!IsDirectory(directoryId)) return BadgeResult.NoParent;
            if (FindBadge(directoryId, badgeId) is not { } badge) return BadgeResult.NoBadge;
            if (name is not null && NameTaken(directoryId, name, badgeId)) return BadgeResult.Invalid("name", "A badge with this name already exists in this directory.");
            if (name is not null) badge.Name = name;
            if (image is not null) badge.Image = image;
            return BadgeResult.Found(ToJson(badge));
        }
    }

    /// <summary>Deletes a directory badge and detaches it from every entry (see the class remarks).</summary>
    public BadgeResult DeleteDirectoryBadge(Guid directoryId, Guid badgeId)
    {
        lock (_gate)
        {
            if (!IsDirectory(directoryId)) return BadgeResult.NoParent;
            if (FindBadge(directoryId, badgeId) is not { } badge) return BadgeResult.NoBadge;
            foreach (var entry in _entries) entry.Badges.RemoveAll(b => b.BadgeId == badgeId);
            _directoryBadges.Remove(badgeId);
            _badgeOrder.Remove(badge);
            return BadgeResult.Found(ToJson(badge));
        }
    }

    public JsonObject? EntryJson(Guid entryId)
    {
        lock (_gate)
        {
            var entry = Find(entryId);
            return entry is null ? null : ToJson(entry);
        }
    }

    public (int Total, List<JsonNode> Page) ListEntries(int offset, int limit)
    {
        lock (_gate) return (_entries.Count, _entries.Skip(offset).Take(limit).Select(e => (JsonNode)ToJson(e)).ToList());
    }

    /// <summary>The entry's badges in order, or null when the entry does not exist.</summary>
    public List<JsonNode>? ListBadges(Guid entryId)
    {
        lock (_gate)
        {
            var entry = Find(entryId);
            return entry?.Badges.OrderBy(b => b.Order).ThenBy(b => _directoryBadges[b.BadgeId].Name, StringComparer.Ordinal)
                .Select(b => (JsonNode)ToJson(entry, b)).ToList();
        }
    }

    public BadgeResult GetBadge(Guid entryId, Guid badgeId)
    {
        lock (_gate)
        {
            var entry = Find(entryId);
            if (entry is null) return BadgeResult.NoParent;
            var badge = entry.Badges.FirstOrDefault(b => b.BadgeId == badgeId);
            return badge is null ? BadgeResult.NoBadge : BadgeResult.Found(ToJson(entry, badge));
        }
    }

    public BadgeResult Attach(Guid entryId, Guid badgeId, int? order)
    {
        lock (_gate)
        {
            var entry = Find(entryId);
            if (entry is null) return BadgeResult.NoParent;
            if (FindBadge(PartnerDirectoryId, badgeId) is null) return BadgeResult.Invalid("id", $"Invalid pk \"{badgeId}\" - object does not exist.");
            if (entry.Badges.Any(b => b.BadgeId == badgeId)) return BadgeResult.Invalid("id", "This badge is already attached to this entry.");
            var badge = new EntryBadge(badgeId, order ?? (entry.Badges.Count == 0 ? 0 : entry.Badges.Max(b => b.Order) + 1));
            entry.Badges.Add(badge);
            return BadgeResult.Found(ToJson(entry, badge));
        }
    }

    public BadgeResult Update(Guid entryId, Guid badgeId, Guid? newBadgeId, int? order)
    {
        lock (_gate)
        {
            var entry = Find(entryId);
            if (entry is null) return BadgeResult.NoParent;
            var badge = entry.Badges.FirstOrDefault(b => b.BadgeId == badgeId);
            if (badge is null) return BadgeResult.NoBadge;
            if (newBadgeId is { } replacement && replacement != badgeId)
            {
                if (FindBadge(PartnerDirectoryId, replacement) is null) return BadgeResult.Invalid("id", $"Invalid pk \"{replacement}\" - object does not exist.");
                if (entry.Badges.Any(b => b.BadgeId == replacement)) return BadgeResult.Invalid("id", "This badge is already attached to this entry.");
                badge.BadgeId = replacement;
            }

            if (order is { } o) badge.Order = o;
            return BadgeResult.Found(ToJson(entry, badge));
        }
    }

    public BadgeResult Detach(Guid entryId, Guid badgeId)
    {
        lock (_gate)
        {
            var entry = Find(entryId);
            if (entry is null) return BadgeResult.NoParent;
            var badge = entry.Badges.FirstOrDefault(b => b.BadgeId == badgeId);
            if (badge is null) return BadgeResult.NoBadge;
            entry.Badges.Remove(badge);
            return BadgeResult.Found(ToJson(entry, badge));
        }
    }

    private Entry? Find(Guid id) => _entries.FirstOrDefault(e => e.Id == id);

    private static bool IsDirectory(Guid id) => Directories.Any(d => d.Id == id);

    private DirectoryBadge? FindBadge(Guid directoryId, Guid badgeId) =>
        _directoryBadges.TryGetValue(badgeId, out var badge) && badge.DirectoryId == directoryId ? badge : null;

    private bool NameTaken(Guid directoryId, string name, Guid? except) =>
        _badgeOrder.Any(b => b.DirectoryId == directoryId && b.Id != except && string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase));

    private void Add(DirectoryBadge badge)
    {
        _directoryBadges[badge.Id] = badge;
        _badgeOrder.Add(badge);
    }

    private static JsonObject DirectoryJson(Guid id, string name) => new()
    {
        ["id"] = id.ToString(),
        ["href"] = $"{Prefix}directories/{id}/",
        ["name"] = name,
        ["slug"] = Slug(name),
    };

    private static JsonObject ToJson(DirectoryBadge badge) => new()
    {
        ["href"] = $"{Prefix}badges/directory/{badge.DirectoryId}/{badge.Id}/",
        ["name"] = badge.Name,
        ["id"] = badge.Id.ToString(),
        ["image"] = badge.Image,
    };

    private static JsonObject ToJson(Entry entry) => new()
    {
        ["id"] = entry.Id.ToString(),
        ["href"] = $"{Prefix}entries/partners/{entry.Id}/",
        ["name"] = entry.Name,
        ["entryType"] = "partner",
        ["website"] = entry.Website,
        ["tier"] = entry.Tier,
        ["shortSummary"] = $"{entry.Name} is a {entry.Tier.ToLowerInvariant()} partner in the sandbox directory.",
        ["badgeCount"] = entry.Badges.Count,
    };

    // The documented example's href says /partners/, not /entries/partners/ (api-reference §2.1a); kept as documented.
    private JsonObject ToJson(Entry entry, EntryBadge badge)
    {
        var directoryBadge = _directoryBadges[badge.BadgeId];
        return new JsonObject
        {
            ["href"] = $"{Prefix}partners/{entry.Id}/badges/{badge.BadgeId}/",
            ["name"] = directoryBadge.Name,
            ["id"] = badge.BadgeId.ToString(),
            ["image"] = directoryBadge.Image,
            ["order"] = badge.Order,
        };
    }

    private static string Slug(string name) => name.ToLowerInvariant().Replace(' ', '-');

    private sealed class DirectoryBadge(Guid id, Guid directoryId, string name, string image)
    {
        public Guid Id { get; } = id;
        public Guid DirectoryId { get; } = directoryId;
        public string Name { get; set; } = name;
        public string Image { get; set; } = image;
    }

    private sealed class Entry(Guid id, string name, string website, string tier)
    {
        public Guid Id { get; } = id;
        public string Name { get; } = name;
        public string Website { get; } = website;
        public string Tier { get; } = tier;
        public List<EntryBadge> Badges { get; } = new();
    }

    private sealed class EntryBadge(Guid badgeId, int order)
    {
        public Guid BadgeId { get; set; } = badgeId;
        public int Order { get; set; } = order;
    }
}

/// <summary>
/// Outcome of a badge operation: the badge's JSON, a missing parent (the entry of an entry badge, the directory of a
/// directory badge) or badge, or a field error.
/// </summary>
public sealed record BadgeResult(JsonObject? Badge, bool ParentMissing, bool BadgeMissing, string? Field, string? Error)
{
    public static readonly BadgeResult NoParent = new(null, true, false, null, null);
    public static readonly BadgeResult NoBadge = new(null, false, true, null, null);

    public static BadgeResult Found(JsonObject badge) => new(badge, false, false, null, null);

    public static BadgeResult Invalid(string field, string error) => new(null, false, false, field, error);
}
