using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using BadgeAdmin.Core.DataJobs;
using BadgeAdmin.Core.Json;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>
/// A Snag loyalty badge (api-reference §1.5): its conditions, rewards and the users holding it as typed members.
/// Reads both the current <c>loyaltyBadgeUsers</c> key and the older <c>LoyaltyBadgeUser</c> one (§1.8 #2).
/// </summary>
public sealed class LoyaltyBadge
{
    private ItemList<LoyaltyBadgeUser>? _userBadges;

    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("imageUrl")]
    public string? ImageUrl { get; init; }

    [JsonPropertyName("hideInUi")]
    public bool? HideInUi { get; init; }

    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    /// <summary>Set on a deleted badge, which a listing shows only with -IncludeDeleted.</summary>
    [JsonPropertyName("deletedAt")]
    public DateTimeOffset? DeletedAt { get; init; }

    [JsonPropertyName("loyaltyConditions")]
    public ItemList<LoyaltyCondition>? Conditions { get; init; }

    [JsonPropertyName("rewards")]
    public ItemList<LoyaltyReward>? Rewards { get; init; }

    /// <summary>The users' badges embedded in the badge (filtered by -UserId/-WalletAddress when given).</summary>
    [JsonPropertyName("loyaltyBadgeUsers")]
    [JsonConverter(typeof(SingleOrArrayConverter<LoyaltyBadgeUser>))]
    public ItemList<LoyaltyBadgeUser>? UserBadges
    {
        get => _userBadges ?? LegacyUserBadges;
        init => _userBadges = value;
    }

    /// <summary>
    /// How many users hold the badge: its user badges whose status is active. UserBadges has every status. Null
    /// (unknown) when the badge was listed for some users only (by user id, wallet or user group): the API then embeds
    /// only their user badges, so a count would be theirs, not the badge's.
    /// </summary>
    [JsonIgnore]
    public int? Holders => UserBadgesArePartial ? null : UserBadges?.Count(u => string.Equals(u.Status, "active", StringComparison.OrdinalIgnoreCase)) ?? 0;

    /// <summary>Set by the client on a badge listed for some users only: <see cref="UserBadges"/> holds only theirs.</summary>
    [JsonIgnore]
    internal bool UserBadgesArePartial { get; set; }

    [JsonPropertyName("loyaltyRules")]
    public ItemList<LoyaltyNamedReference>? Rules { get; init; }

    /// <summary>The badge's background jobs, such as processing its CSV files.</summary>
    [JsonPropertyName("dataJobs")]
    public ItemList<LoyaltyDataJob>? DataJobs { get; init; }

    /// <summary>
    /// Where the badge's data jobs stand, in one word: pending or processing while any runs, else failed, cancelled or
    /// complete; null when it has none. Wait-LoyaltyBadgeDataJob waits for it to settle.
    /// </summary>
    [JsonIgnore]
    public string? DataJobStatus => DataJobProgress.Of(DataJobs).Status;

    /// <summary>Fields this version of the module does not model, exactly as the server sent them.</summary>
    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, JsonElement>? UnmodelledFields { get; set; }

    /// <summary>Fields this version of the module does not model, as plain values (see <see cref="Json.AdditionalFields"/>).</summary>
    [JsonIgnore]
    public AdditionalFields? AdditionalFields => _additionalFields ??= Json.AdditionalFields.From(UnmodelledFields);

    private AdditionalFields? _additionalFields;

    // Older payloads name the user badges "LoyaltyBadgeUser"; read them into UserBadges.
    [JsonPropertyName("LoyaltyBadgeUser")]
    [JsonInclude]
    [JsonConverter(typeof(SingleOrArrayConverter<LoyaltyBadgeUser>))]
    internal ItemList<LoyaltyBadgeUser>? LegacyUserBadges { get; set; }

    public override string ToString() => Name is null ? Id.ToString() : $"{Name} ({Id})";

    /// <summary>How messages name the badge: 'Name' (id), or the id alone when it has no name.</summary>
    internal string InMessages => Name is null ? Id.ToString() : $"'{Name}' ({Id})";
}

/// <summary>An {id, name} pair the API embeds to name a related object.</summary>
public sealed class LoyaltyNamedReference
{
    [JsonPropertyName("id")]
    public Guid? Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    public override string ToString() => Name ?? Id?.ToString() ?? string.Empty;
}

/// <summary>A background job of a badge (e.g. a CSV import) and its state.</summary>
public sealed class LoyaltyDataJob
{
    [JsonPropertyName("id")]
    public Guid? Id { get; init; }

    /// <summary>pending, processing, complete, failed or cancelled.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }

    [JsonPropertyName("createdAt")]
    public DateTimeOffset? CreatedAt { get; init; }

    [JsonPropertyName("updatedAt")]
    public DateTimeOffset? UpdatedAt { get; init; }

    public override string ToString() => $"{Status} {Id}".Trim();
}
