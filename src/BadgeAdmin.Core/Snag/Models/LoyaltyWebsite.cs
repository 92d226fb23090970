using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>A Snag website: what badges are scoped to. Collections, tokens and counts are kept in <see cref="AdditionalFields"/>.</summary>
public sealed class LoyaltyWebsite
{
    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("termsSignedAt")]
    public DateTimeOffset? TermsSignedAt { get; init; }

    [JsonExtensionData]
    [JsonInclude]
    public Dictionary<string, JsonElement>? AdditionalFields { get; internal set; }

    public override string ToString() => Name is null ? Id.ToString() : $"{Name} ({Id})";
}
