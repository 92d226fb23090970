using System;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.PartnerPage.Models;

/// <summary>
/// A badge attached to a partner entry: the documented fields <c>href</c>, <c>id</c>, <c>name</c>, <c>image</c>,
/// <c>order</c> [C], plus <see cref="EntryId"/>, which the client fills from the request so the object can be piped on.
/// </summary>
public sealed class PartnerBadge
{
    /// <summary>The entry the badge is attached to (from the request path; the API does not send it).</summary>
    [JsonIgnore]
    public Guid EntryId { get; internal set; }

    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("image")]
    public string? Image { get; init; }

    [JsonPropertyName("order")]
    public int? Order { get; init; }

    [JsonPropertyName("href")]
    public string? Href { get; init; }

    public override string ToString() => Name is null ? Id.ToString() : $"{Name} ({Id})";
}
