using System;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

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
