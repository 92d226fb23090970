using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>Body of POST /api/loyalty/badges (api-reference §1.3). Internal: users see LoyaltyBadgeCreate.</summary>
internal sealed class BadgeCreateBody
{
    [JsonPropertyName("organizationId")] public Guid OrganizationId { get; init; }
    [JsonPropertyName("websiteId")] public Guid WebsiteId { get; init; }
    [JsonPropertyName("name")] public string Name { get; init; } = string.Empty;
    [JsonPropertyName("imageUrl")] public string ImageUrl { get; init; } = string.Empty;
    [JsonPropertyName("conditions")] public List<ConditionInput> Conditions { get; init; } = new();
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("hideInUi")] public bool? HideInUi { get; init; }
    [JsonPropertyName("rewards")] public List<RewardInput>? Rewards { get; init; }
    [JsonPropertyName("csvFiles")] public List<CsvFileInput>? CsvFiles { get; init; }
}
