using System;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>What Grant-LoyaltyBadge and Revoke-LoyaltyBadge report: the user badge after the change, and for whom.</summary>
public sealed class LoyaltyBadgeUserChange
{
    /// <summary>Granted or Revoked.</summary>
    public string Action { get; init; } = string.Empty;

    /// <summary>The server's message, e.g. "Badge rewarded successfully".</summary>
    public string? Message { get; init; }

    /// <summary>The user badge's id.</summary>
    public Guid? Id { get; init; }

    public Guid LoyaltyBadgeId { get; init; }

    /// <summary>The badge's name, when the connection has read the badge; else null.</summary>
    public string? LoyaltyBadgeName { get; internal set; }

    public Guid? UserId { get; init; }

    /// <summary>The wallet address the request named the user by; empty when it named the user by id.</summary>
    public string? WalletAddress { get; init; }

    public string? Status { get; init; }

    public override string ToString() => $"{Action} {LoyaltyBadgeId} for {WalletAddress ?? UserId?.ToString()}: {Status}";
}
