using System;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>Body of reward and revoke: a user id or a wallet address, and optionally a status.</summary>
internal sealed class UserBadgeChangeBody
{
    [JsonPropertyName("userId")] public Guid? UserId { get; init; }
    [JsonPropertyName("walletAddress")] public string? WalletAddress { get; init; }
    [JsonPropertyName("status")] public string? Status { get; init; }
}
