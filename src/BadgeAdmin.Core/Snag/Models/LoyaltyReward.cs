using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>A reward granted with a badge: as output the API's RewardOut, as input a RewardIn (api-reference §1.3, §1.5).</summary>
public sealed class LoyaltyReward
{
    /// <summary>The reward types the API documents; token was added in May 2026.</summary>
    public static readonly IReadOnlyList<string> KnownTypes = new[] { "points", "multiplier", "badge", "token" };

    [JsonPropertyName("id")]
    public Guid? Id { get; set; }

    /// <summary>One of <see cref="KnownTypes"/>; required on input.</summary>
    [JsonPropertyName("rewardType")]
    public string? RewardType { get; set; }

    [JsonPropertyName("amount")]
    public double? Amount { get; set; }

    [JsonPropertyName("multiplier")]
    public double? Multiplier { get; set; }

    [JsonPropertyName("isRetroactive")]
    public bool? IsRetroactive { get; set; }

    [JsonPropertyName("loyaltyCurrencyId")]
    public Guid? LoyaltyCurrencyId { get; set; }

    /// <summary>An empty list means every currency.</summary>
    [JsonPropertyName("loyaltyCurrencyIds")]
    public Guid[]? LoyaltyCurrencyIds { get; set; }

    public override string ToString() => RewardType ?? string.Empty;

    internal RewardInput ToInput() => new()
    {
        RewardType = LoyaltyBadgeCreate.KnownSpelling(RewardType, KnownTypes) ?? RewardType,
        Amount = Amount,
        Multiplier = Multiplier,
        IsRetroactive = IsRetroactive,
        LoyaltyCurrencyId = LoyaltyCurrencyId,
        LoyaltyCurrencyIds = LoyaltyCurrencyIds,
    };
}
