using System.Text.Json.Nodes;

namespace BadgeAdmin.Sandbox.PartnerPage;

/// <summary>
/// The emulated PartnerPage directory: directory badges, partner entries and the badges attached to each entry.
/// All reads and writes take one lock; replies are built inside it so they are consistent.
/// </summary>
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

    private readonly object _gate = new();
    private readonly Dictionary<Guid, DirectoryBadge> _directoryBadges = new();
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

    /// <summary>Ids of every directory badge, attached or not.</summary>
    public IReadOnlyList<Guid> DirectoryBadgeIds
    {
        get
        {
            lock (_gate) return _directoryBadges.Keys.ToArray();
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
            _entries.Clear();
            foreach (var name in BadgeNames)
            {
                var id = StableId.For("partnerpage/badge/" + name);
                _directoryBadges[id] = new DirectoryBadge(id, name, $"https://images.sandbox.invalid/badges/{Slug(name)}.png");
            }

            var badgeIds = _directoryBadges.Keys.ToArray();
            for (var i = 0; i < EntryNames.Length; i++)
            {
                var entry = new Entry(StableId.For("partnerpage/entry/" + EntryNames[i]), EntryNames[i], $"https://{Slug(EntryNames[i])}.example", i % 3 == 0 ? "Gold" : i % 3 == 1 ? "Silver" : "Bronze");
                var count = 2 + (i % 5); // 2 to 6 badges each
                for (var b = 0; b < count; b++) entry.Badges.Add(new EntryBadge(badgeIds[(i + b * 3) % badgeIds.Length], b));
                _entries.Add(entry);
            }
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
            if (entry is null) return BadgeResult.NoEntry;
            var badge = entry.Badges.FirstOrDefault(b => b.BadgeId == badgeId);
            return badge is null ? BadgeResult.NoBadge : BadgeResult.Found(ToJson(entry, badge));
        }
    }

    public BadgeResult Attach(Guid entryId, Guid badgeId, int? order)
    {
        lock (_gate)
        {
            var entry = Find(entryId);
            if (entry is null) return BadgeResult.NoEntry;
            if (!_directoryBadges.ContainsKey(badgeId)) return BadgeResult.Invalid("id", $"Invalid pk \"{badgeId}\" - object does not exist.");
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
            if (entry is null) return BadgeResult.NoEntry;
            var badge = entry.Badges.FirstOrDefault(b => b.BadgeId == badgeId);
            if (badge is null) return BadgeResult.NoBadge;
            if (newBadgeId is { } replacement && replacement != badgeId)
            {
                if (!_directoryBadges.ContainsKey(replacement)) return BadgeResult.Invalid("id", $"Invalid pk \"{replacement}\" - object does not exist.");
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
            if (entry is null) return BadgeResult.NoEntry;
            var badge = entry.Badges.FirstOrDefault(b => b.BadgeId == badgeId);
            if (badge is null) return BadgeResult.NoBadge;
            entry.Badges.Remove(badge);
            return BadgeResult.Found(ToJson(entry, badge));
        }
    }

    private Entry? Find(Guid id) => _entries.FirstOrDefault(e => e.Id == id);

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

    private sealed record DirectoryBadge(Guid Id, string Name, string Image);

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

/// <summary>Outcome of a badge operation: the badge's JSON, a missing entry or badge, or a field error.</summary>
public sealed record BadgeResult(JsonObject? Badge, bool EntryMissing, bool BadgeMissing, string? Field, string? Error)
{
    public static readonly BadgeResult NoEntry = new(null, true, false, null, null);
    public static readonly BadgeResult NoBadge = new(null, false, true, null, null);

    public static BadgeResult Found(JsonObject badge) => new(badge, false, false, null, null);

    public static BadgeResult Invalid(string field, string error) => new(null, false, false, field, error);
}
