using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>
/// A user's badge: who holds which badge, and in which status (active, inactive, revoked). Carries
/// <see cref="LoyaltyBadgeId"/>, <see cref="UserId"/> and <see cref="WalletAddress"/>, so it pipes into Revoke-LoyaltyBadge.
/// </summary>
public sealed class LoyaltyBadgeUser
{
    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    [JsonPropertyName("loyaltyBadgeId")]
    public Guid LoyaltyBadgeId { get; init; }

    /// <summary>The badge's name, when the connection has read the badge (Get-LoyaltyBadge); else null.</summary>
    [JsonIgnore]
    public string? LoyaltyBadgeName { get; internal set; }

    [JsonPropertyName("userId")]
    public Guid? UserId { get; init; }

    /// <summary>The user's wallet address, from the embedded user object.</summary>
    [JsonIgnore]
    public string? WalletAddress => User?.WalletAddress;

    /// <summary>active, inactive or revoked.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("websiteId")]
    public Guid? WebsiteId { get; init; }

    [JsonPropertyName("organizationId")]
    public Guid? OrganizationId { get; init; }

    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>When the badge was granted to the user.</summary>
    [JsonPropertyName("completedAt")]
    public DateTimeOffset? CompletedAt { get; init; }

    [JsonPropertyName("deletedAt")]
    public DateTimeOffset? DeletedAt { get; init; }

    [JsonPropertyName("dismissedInUi")]
    public bool? DismissedInUi { get; init; }

    [JsonPropertyName("hideInUi")]
    public bool? HideInUi { get; init; }

    [JsonPropertyName("progress")]
    [JsonInclude]
    internal JsonElement? ProgressJson { get; set; }

    /// <summary>
    /// Progress towards the badge as plain values (its shape is not documented): an array, a dictionary, a number or
    /// text, as in <see cref="Json.AdditionalFields"/>; null when the server sent none.
    /// </summary>
    [JsonIgnore]
    public object? Progress => ProgressJson is { } progress ? Json.AdditionalFields.PlainValue(progress) : null;

    [JsonPropertyName("user")]
    public LoyaltyUserReference? User { get; init; }

    public override string ToString() => $"{WalletAddress ?? UserId?.ToString()} {Status}".Trim();
}

/// <summary>The user embedded in a user badge.</summary>
public sealed class LoyaltyUserReference
{
    [JsonPropertyName("id")]
    public Guid? Id { get; init; }

    [JsonPropertyName("walletAddress")]
    public string? WalletAddress { get; init; }

    /// <summary>What a list view shows for the user: the wallet, else the id.</summary>
    public override string ToString() => WalletAddress ?? Id?.ToString() ?? string.Empty;
}
