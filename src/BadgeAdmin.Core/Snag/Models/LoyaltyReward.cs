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

    /// <summary>Every problem with a list of rewards to send, each naming its item and field (Reward[1].RewardType).</summary>
    internal static IReadOnlyList<string> Problems(IReadOnlyList<LoyaltyReward>? rewards)
    {
        var problems = new List<string>();
        for (var i = 0; i < (rewards?.Count ?? 0); i++)
        {
            var reward = rewards![i];
            if (reward is null)
            {
                problems.Add($"Reward[{i}]: is null.");
                continue;
            }

            if (reward.RewardType is null) problems.Add($"Reward[{i}].RewardType: required; use one of {string.Join(", ", KnownTypes)}.");
            else if (LoyaltyBadgeCreate.KnownSpelling(reward.RewardType, KnownTypes) is null)
            {
                problems.Add($"Reward[{i}].RewardType: '{reward.RewardType}' is not a reward type; use one of {string.Join(", ", KnownTypes)}.");
            }

            if (reward.Amount is { } amount && !LoyaltyBadgeCreate.IsFinite(amount)) problems.Add($"Reward[{i}].Amount: {amount} is not a finite number.");
            if (reward.Multiplier is { } multiplier && !LoyaltyBadgeCreate.IsFinite(multiplier)) problems.Add($"Reward[{i}].Multiplier: {multiplier} is not a finite number.");
        }

        return problems;
    }

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
