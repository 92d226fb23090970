using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;
using BadgeAdmin.Core.Json;

namespace BadgeAdmin.Core.Snag.Models;

// The wire forms of what the module sends and of envelopes it reads (api-reference §1.3, §1.5, §1.6).
// Internal: users see LoyaltyBadge, LoyaltyCondition, LoyaltyReward and LoyaltyBadgeUserChange instead.

/// <summary>Body of POST /api/loyalty/badges.</summary>
internal sealed class BadgeCreateBody
{
    [JsonPropertyName("organizationId")] public Guid OrganizationId { get; init; }
    [JsonPropertyName("websiteId")] public Guid WebsiteId { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("imageUrl")] public string ImageUrl { get; init; } = string.Empty;
    [JsonPropertyName("conditions")] public List<ConditionInput> Conditions { get; init; } = new();
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("hideInUi")] public bool? HideInUi { get; init; }
    [JsonPropertyName("rewards")] public List<RewardInput>? Rewards { get; init; }
    [JsonPropertyName("csvFiles")] public List<CsvFileInput>? CsvFiles { get; init; }
}

/// <summary>Body of POST /api/loyalty/badges/{id}: every field optional, conditions not allowed.</summary>
public sealed class LoyaltyBadgeUpdate
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("imageUrl")] public string? ImageUrl { get; init; }
    [JsonPropertyName("hideInUi")] public bool? HideInUi { get; init; }

    /// <summary>The badge's rewards, replacing the ones it has; null leaves them alone, an empty list sends <c>[]</c>.</summary>
    [JsonIgnore]
    public IReadOnlyList<LoyaltyReward>? Rewards { get; init; }

    [JsonPropertyName("rewards")]
    [JsonInclude]
    internal List<RewardInput>? RewardsBody => Rewards?.Select(r => r.ToInput()).ToList();

    /// <summary>CSV files to give the badge; null sends none. Whether they add to its files or replace them is not documented.</summary>
    /// <remarks>
    /// Named apart from the body's csvFiles although never serialized: with its default name, the source generator
    /// left csvFiles out of the body it writes (SnagClientTests catches that).
    /// </remarks>
    [JsonIgnore]
    [JsonPropertyName("csvFilesGiven")]
    public IReadOnlyList<LoyaltyCsvFile>? CsvFiles { get; init; }

    [JsonPropertyName("csvFiles")]
    [JsonInclude]
    internal List<CsvFileInput>? CsvFilesBody => CsvFiles?.Select(f => f.ToInput()).ToList();

    [JsonIgnore]
    public bool IsEmpty => Name is null && Description is null && ImageUrl is null && HideInUi is null && Rewards is null && CsvFiles is null;

    /// <summary>Every problem with the update, each naming its field; empty when it can be sent.</summary>
    public IReadOnlyList<string> Problems() => LoyaltyReward.Problems(Rewards).Concat(LoyaltyCsvFile.Problems(CsvFiles)).ToList();
}

/// <summary>A condition as the create body takes it.</summary>
internal sealed class ConditionInput
{
    [JsonPropertyName("type")] public string? Type { get; init; }
    [JsonPropertyName("amount")] public double? Amount { get; init; }
    [JsonPropertyName("repeatCount")] public int? RepeatCount { get; init; }
    [JsonPropertyName("requiredCount")] public int? RequiredCount { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("csvUrl")] public string? CsvUrl { get; init; }
    [JsonPropertyName("loyaltyRuleIds")] public Guid[]? LoyaltyRuleIds { get; init; }
    [JsonPropertyName("loyaltyRuleGroupIds")] public Guid[]? LoyaltyRuleGroupIds { get; init; }
    [JsonPropertyName("loyaltyRuleChainId")] public Guid? LoyaltyRuleChainId { get; init; }
    [JsonPropertyName("loyaltyCurrencyIds")] public Guid[]? LoyaltyCurrencyIds { get; init; }
    [JsonPropertyName("loyaltyBadgeIds")] public Guid[]? LoyaltyBadgeIds { get; init; }
    [JsonPropertyName("loyaltyLeaderboardViewIds")] public Guid[]? LoyaltyLeaderboardViewIds { get; init; }
}

/// <summary>A reward as the create body takes it (RewardIn).</summary>
internal sealed class RewardInput
{
    [JsonPropertyName("rewardType")] public string? RewardType { get; init; }
    [JsonPropertyName("amount")] public double? Amount { get; init; }
    [JsonPropertyName("multiplier")] public double? Multiplier { get; init; }
    [JsonPropertyName("isRetroactive")] public bool? IsRetroactive { get; init; }
    [JsonPropertyName("loyaltyCurrencyId")] public Guid? LoyaltyCurrencyId { get; init; }
    [JsonPropertyName("loyaltyCurrencyIds")] public Guid[]? LoyaltyCurrencyIds { get; init; }
}

/// <summary>Body of reward and revoke: a user id or a wallet address, and optionally a status.</summary>
internal sealed class UserBadgeChangeBody
{
    [JsonPropertyName("userId")] public Guid? UserId { get; init; }
    [JsonPropertyName("walletAddress")] public string? WalletAddress { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
}

/// <summary>Answer of reward and revoke: {message, data: {id, userId, loyaltyBadgeId, status}}.</summary>
internal sealed class UserBadgeChangeResponse
{
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("data")] public UserBadgeChangeData? Data { get; init; }
}

internal sealed class UserBadgeChangeData
{
    [JsonPropertyName("id")] public Guid? Id { get; init; }
    [JsonPropertyName("userId")] public Guid? UserId { get; init; }
    [JsonPropertyName("loyaltyBadgeId")] public Guid? LoyaltyBadgeId { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
}

/// <summary>
/// One page of a Snag listing: {data, hasNextPage}. hasNextPage may come as a string (§1.8); the badge list's older
/// envelope named the items "badges" (§1.8 #3).
/// </summary>
internal sealed class SnagPage<T>
{
    private List<T>? _data;

    [JsonPropertyName("data")]
    public List<T>? Data
    {
        get => _data ?? LegacyBadges;
        init => _data = value;
    }

    [JsonPropertyName("hasNextPage")]
    [JsonConverter(typeof(FlexibleBooleanConverter))]
    public bool HasNextPage { get; init; }

    [JsonPropertyName("badges")]
    [JsonInclude]
    internal List<T>? LegacyBadges { get; set; }
}
