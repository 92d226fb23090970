using System;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>The data of a reward or revoke answer: the user badge as it now is.</summary>
internal sealed class UserBadgeChangeData
{
    [JsonPropertyName("id")] public Guid? Id { get; init; }
    [JsonPropertyName("userId")] public Guid? UserId { get; init; }
    [JsonPropertyName("loyaltyBadgeId")] public Guid? LoyaltyBadgeId { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
}
