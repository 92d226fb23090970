using System;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.PartnerPage.Models;

/// <summary>
/// Body of the badge PATCH (documented example <c>{"order": 0, "id": "…"}</c> [C]) and of the attach POST, which
/// reuses it [I]. Fields left null are not sent, so a PATCH changes only what was given.
/// </summary>
public sealed class PartnerBadgeChange
{
    /// <summary>The directory badge the entry badge refers to.</summary>
    [JsonPropertyName("id")]
    public Guid? Id { get; init; }

    [JsonPropertyName("order")]
    public int? Order { get; init; }
}
