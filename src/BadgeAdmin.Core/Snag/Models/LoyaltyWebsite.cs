using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using BadgeAdmin.Core.Json;

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
    internal Dictionary<string, JsonElement>? UnmodelledFields { get; set; }

    /// <summary>Fields this version of the module does not model, as plain values (see <see cref="Json.AdditionalFields"/>).</summary>
    [JsonIgnore]
    public AdditionalFields? AdditionalFields => _additionalFields ??= Json.AdditionalFields.From(UnmodelledFields);

    private AdditionalFields? _additionalFields;

    public override string ToString() => Name is null ? Id.ToString() : $"{Name} ({Id})";
}
