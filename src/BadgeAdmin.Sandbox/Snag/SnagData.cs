using System.Security.Cryptography;
using System.Text;

namespace BadgeAdmin.Sandbox.Snag;

/// <summary>
/// The emulated Snag organization: one organization, two websites, users with wallet addresses, badges (2,500 on the
/// main website by default, newest first) and user badges in each status. One lock guards everything.
/// </summary>
public sealed class SnagData
{
    public const int DefaultMainWebsiteBadges = 2500;
    public const int BetaWebsiteBadges = 20;
    public const int UserCount = 300;
    public static readonly IReadOnlyList<string> Statuses = new[] { "active", "inactive", "revoked" };
    public static readonly IReadOnlyList<string> ConditionTypes = new[] { "rule", "rules", "points", "section", "level", "api", "badge", "badges", "csv" };
    public static readonly IReadOnlyList<string> RewardTypes = new[] { "points", "multiplier", "badge", "token" };

    private static readonly string[] Themes = { "Gold", "Silver", "Bronze", "Platinum", "Explorer", "Quest Master", "Early Adopter", "Collector", "Streak", "Community" };
    private static readonly DateTimeOffset SeedStart = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly int _mainWebsiteBadges;
    private readonly List<SnagBadge> _badges = new(); // newest first, as the API sorts them
    private readonly Dictionary<Guid, int> _badgePosition = new();
    private readonly List<SnagUserBadge> _userBadges = new(); // newest first
    private readonly Dictionary<Guid, List<SnagUserBadge>> _userBadgesByBadge = new();
    private readonly Dictionary<(Guid Badge, Guid User), SnagUserBadge> _userBadgeByHolder = new();
    private readonly Dictionary<Guid, SnagUser> _usersById = new();
    private readonly Dictionary<string, SnagUser> _usersByWallet = new(StringComparer.Ordinal); // by WalletKey
    private DateTimeOffset _clock;

    public SnagData(int mainWebsiteBadges = DefaultMainWebsiteBadges)
    {
        _mainWebsiteBadges = mainWebsiteBadges;
        Reset();
    }

    public object Gate { get; } = new();

    public Guid OrganizationId { get; } = StableId.For("snag/organization");

    public SnagWebsite MainWebsite { get; } = new() { Id = StableId.For("snag/website/main"), OrganizationId = StableId.For("snag/organization"), Name = "Main Website", TermsSignedAt = new DateTimeOffset(2025, 6, 1, 12, 0, 0, TimeSpan.Zero) };

    public SnagWebsite BetaWebsite { get; } = new() { Id = StableId.For("snag/website/beta"), OrganizationId = StableId.For("snag/organization"), Name = "Beta Website" };

    public IReadOnlyList<SnagWebsite> Websites => new[] { MainWebsite, BetaWebsite };

    /// <summary>
    /// Three user groups: vip (users 0-9, who hold some of the seeded badges), beta-testers (users 10-59) and staff
    /// (users 290-299, who hold none).
    /// </summary>
    public IReadOnlyList<SnagUserGroup> UserGroups { get; } = new[]
    {
        Group("vip", "VIP members", 0, 10), Group("beta-testers", "Beta testers", 10, 50), Group("staff", "Staff", 290, 10),
    };

    /// <summary>Badges newest first. Read under <see cref="Gate"/>.</summary>
    public IReadOnlyList<SnagBadge> Badges => _badges;

    public IReadOnlyList<SnagUserBadge> UserBadges => _userBadges;

    public IReadOnlyCollection<SnagUser> Users => _usersById.Values;

    public void Reset()
    {
        lock (Gate)
        {
            _badges.Clear();
            _userBadges.Clear();
            _userBadgesByBadge.Clear();
            _userBadgeByHolder.Clear();
            _usersById.Clear();
            _usersByWallet.Clear();
            _clock = SeedStart;
            for (var i = 0; i < UserCount; i++) AddUser(StableId.For($"snag/user/{i}"), WalletFor($"snag/wallet/{i}"));

            var seeded = new List<SnagBadge>();
            for (var i = 0; i < _mainWebsiteBadges; i++) seeded.Add(SeedBadge(MainWebsite, i));
            for (var i = 0; i < BetaWebsiteBadges; i++) seeded.Add(SeedBadge(BetaWebsite, _mainWebsiteBadges + i));
            seeded.Reverse(); // newest first
            _badges.AddRange(seeded);
            Reindex();

            // User badges on the 40 newest main-website badges (the first page), every status represented.
            var users = _usersById.Values.ToArray();
            for (var k = 0; k < Math.Min(40, _mainWebsiteBadges); k++)
            {
                var badge = FindBadge(StableId.For($"snag/badge/{_mainWebsiteBadges - 1 - k}"))!;
                for (var j = 0; j < 5 + (k % 6); j++)
                {
                    var user = users[(k * 7 + j) % users.Length];
                    var status = Statuses[(k + j) % Statuses.Count];
                    var at = SeedStart.AddDays(30).AddMinutes(k * 10 + j);
                    AddUserBadge(new SnagUserBadge
                    {
                        Id = StableId.For($"snag/userbadge/{k}/{j}"), BadgeId = badge.Id, User = user, WebsiteId = badge.WebsiteId,
                        OrganizationId = OrganizationId, Status = status, CreatedAt = at, UpdatedAt = at, CompletedAt = status == "active" ? at : null,
                    });
                }
            }

            _clock = SeedStart.AddDays(60);
        }
    }

    public SnagBadge? FindBadge(Guid id, bool includeDeleted = false) =>
        _badgePosition.TryGetValue(id, out var at) && (includeDeleted || _badges[at].DeletedAt is null) ? _badges[at] : null;

    /// <summary>Position of a badge in the newest-first order, for cursors; -1 when unknown.</summary>
    public int PositionOf(Guid id) => _badgePosition.TryGetValue(id, out var at) ? at : -1;

    public SnagUser? FindUser(Guid id) => _usersById.GetValueOrDefault(id);

    public SnagUser? FindUser(string walletAddress) => _usersByWallet.GetValueOrDefault(WalletKey(walletAddress));

    /// <summary>A wallet seen for the first time becomes a user, as the reward route does for a valid address [I].</summary>
    public SnagUser UserFor(string walletAddress) => FindUser(walletAddress) ?? AddUser(Guid.NewGuid(), WalletKey(walletAddress));

    /// <summary>
    /// How the emulated service stores and compares a wallet address: a 0x… (EVM) address is hexadecimal, so any case
    /// is the same wallet and it is kept in lower case (a checksummed address formatted, as the reward route's
    /// "validated and formatted wallet address" suggests [I]); any other address (base58, bech32…) is case-sensitive
    /// and kept as given.
    /// </summary>
    public static string WalletKey(string walletAddress)
    {
        var text = walletAddress.Trim();
        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text.ToLowerInvariant() : text;
    }

    /// <summary>The user badge of one user for one badge, or null.</summary>
    public SnagUserBadge? FindUserBadge(Guid badgeId, Guid userId) => _userBadgeByHolder.GetValueOrDefault((badgeId, userId));

    /// <summary>
    /// Makes each wallet a holder of a badge in <paramref name="status"/> (a user is created for a new wallet), as that
    /// many grants would; for tests and benchmarks that need a badge with thousands of holders. Returns how many were new.
    /// </summary>
    public int AddHolders(Guid badgeId, IEnumerable<string> walletAddresses, string status)
    {
        var badge = FindBadge(badgeId) ?? throw new ArgumentException($"No badge {badgeId}.", nameof(badgeId));
        var added = 0;
        foreach (var wallet in walletAddresses)
        {
            var user = UserFor(wallet);
            var now = Now();
            if (FindUserBadge(badge.Id, user.Id) is { } existing)
            {
                existing.Status = status;
                existing.UpdatedAt = now;
                continue;
            }

            AddUserBadge(new SnagUserBadge
            {
                Id = Guid.NewGuid(), BadgeId = badge.Id, User = user, WebsiteId = badge.WebsiteId, OrganizationId = badge.OrganizationId,
                Status = status, CreatedAt = now, UpdatedAt = now, CompletedAt = status == "active" ? now : null,
            });
            added++;
        }

        return added;
    }

    /// <summary>A badge's user badges, newest first.</summary>
    public IReadOnlyList<SnagUserBadge> UserBadgesOf(Guid badgeId) =>
        _userBadgesByBadge.TryGetValue(badgeId, out var list) ? list : Array.Empty<SnagUserBadge>();

    /// <summary>The current time, strictly later than any earlier answer, so creation order is always the listing order.</summary>
    public DateTimeOffset Now()
    {
        var now = DateTimeOffset.UtcNow;
        _clock = now > _clock ? now : _clock.AddMilliseconds(1);
        return _clock;
    }

    public SnagBadge AddBadge(SnagBadge badge)
    {
        _badges.Insert(0, badge);
        Reindex();
        return badge;
    }

    public SnagUserBadge AddUserBadge(SnagUserBadge userBadge)
    {
        _userBadges.Insert(0, userBadge);
        if (!_userBadgesByBadge.TryGetValue(userBadge.BadgeId, out var list)) _userBadgesByBadge[userBadge.BadgeId] = list = new List<SnagUserBadge>();
        list.Insert(0, userBadge);
        _userBadgeByHolder[(userBadge.BadgeId, userBadge.User.Id)] = userBadge;
        return userBadge;
    }

    public static string WalletFor(string seed)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(seed));
        return "0x" + Convert.ToHexString(hash, 0, 20).ToLowerInvariant();
    }

    private static SnagUserGroup Group(string externalIdentifier, string name, int firstUser, int count) => new()
    {
        Id = StableId.For($"snag/usergroup/{externalIdentifier}"), ExternalIdentifier = externalIdentifier, Name = name,
        Members = Enumerable.Range(firstUser, count).Select(i => StableId.For($"snag/user/{i}")).ToHashSet(),
    };

    private SnagUser AddUser(Guid id, string wallet)
    {
        var user = new SnagUser { Id = id, WalletAddress = wallet };
        _usersById[id] = user;
        _usersByWallet[WalletKey(wallet)] = user;
        return user;
    }

    private void Reindex()
    {
        _badgePosition.Clear();
        for (var i = 0; i < _badges.Count; i++) _badgePosition[_badges[i].Id] = i;
    }

    private SnagBadge SeedBadge(SnagWebsite website, int i)
    {
        var theme = Themes[i % Themes.Length];
        var created = SeedStart.AddMinutes(i);
        var type = ConditionTypes[i % ConditionTypes.Count];
        var badge = new SnagBadge
        {
            Id = StableId.For($"snag/badge/{i}"), OrganizationId = OrganizationId, WebsiteId = website.Id,
            Name = $"{theme} Badge {i:0000}", Description = $"Awarded for {theme.ToLowerInvariant()} achievements (#{i}).",
            ImageUrl = $"https://images.sandbox.invalid/snag/{i}.png", HideInUi = i % 50 == 0, CreatedAt = created, UpdatedAt = created,
        };
        badge.Conditions.Add(new SnagCondition
        {
            Id = StableId.For($"snag/condition/{i}"), Type = type, Amount = type == "points" ? 100 * (1 + i % 5) : null,
            RepeatCount = type == "rule" ? 1 + i % 3 : null, RequiredCount = type == "rules" ? 2 : null,
            Description = $"{type} condition", LoyaltyRuleIds = type is "rule" or "rules" ? new[] { StableId.For($"snag/rule/{i % 25}") } : Array.Empty<Guid>(),
            LoyaltyCurrencyId = type == "points" ? StableId.For("snag/currency/points") : null,
        });
        if (i % 3 == 0)
        {
            badge.Rewards.Add(new SnagReward { Id = StableId.For($"snag/reward/{i}"), RewardType = "points", Amount = 50, LoyaltyCurrencyId = StableId.For("snag/currency/points") });
        }

        return badge;
    }
}
