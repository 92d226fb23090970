using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>Answer of reward and revoke: {message, data: {id, userId, loyaltyBadgeId, status}}.</summary>
internal sealed class UserBadgeChangeResponse
{
    [JsonPropertyName("message")] public string? Message { get; init; }
    [JsonPropertyName("data")] public UserBadgeChangeData? Data { get; init; }
}
