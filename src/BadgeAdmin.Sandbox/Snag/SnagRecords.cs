namespace BadgeAdmin.Sandbox.Snag;

// The emulated Snag objects, held in memory by SnagData. Mutable: the routes change them under SnagData's lock.

public sealed class SnagWebsite
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Name { get; init; }
    public DateTimeOffset? TermsSignedAt { get; init; }
}

public sealed class SnagUser
{
    public required Guid Id { get; init; }
    public required string WalletAddress { get; init; }
}

public sealed class SnagCondition
{
    public required Guid Id { get; init; }
    public string? Type { get; init; }
    public double? Amount { get; init; }
    public int? RepeatCount { get; init; }
    public int? RequiredCount { get; init; }
    public string? Description { get; init; }
    public string? CsvUrl { get; init; }
    public Guid? LoyaltyCurrencyId { get; init; }
    public Guid? LoyaltyRuleGroupId { get; init; }
    public IReadOnlyList<Guid> LoyaltyRuleIds { get; init; } = Array.Empty<Guid>();
    public IReadOnlyList<Guid> LoyaltyBadgeIds { get; init; } = Array.Empty<Guid>();
}

public sealed class SnagReward
{
    public required Guid Id { get; init; }
    public required string RewardType { get; init; }
    public double? Amount { get; init; }
    public double? Multiplier { get; init; }
    public bool IsRetroactive { get; init; }
    public Guid? LoyaltyCurrencyId { get; init; }
    public IReadOnlyList<Guid>? LoyaltyCurrencyIds { get; init; }
}

public sealed class SnagBadge
{
    public required Guid Id { get; init; }
    public required Guid OrganizationId { get; init; }
    public required Guid WebsiteId { get; init; }
    public required string Name { get; set; }
    public string? Description { get; set; }
    public string? ImageUrl { get; set; }
    public bool HideInUi { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeletedAt { get; set; }
    public List<SnagCondition> Conditions { get; init; } = new();
    public List<SnagReward> Rewards { get; set; } = new();
    public List<SnagCsvFile> CsvFiles { get; } = new();
    public List<SnagDataJob> DataJobs { get; } = new();
}

public sealed class SnagUserBadge
{
    public required Guid Id { get; init; }
    public required Guid BadgeId { get; init; }
    public required SnagUser User { get; init; }
    public required Guid WebsiteId { get; init; }
    public required Guid OrganizationId { get; init; }
    public required string Status { get; set; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
}
