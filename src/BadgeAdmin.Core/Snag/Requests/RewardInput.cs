using System;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

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
