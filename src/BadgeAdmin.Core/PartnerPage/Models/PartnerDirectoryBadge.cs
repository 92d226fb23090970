using System;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.PartnerPage.Models;

/// <summary>
/// A badge defined in a directory, which New-PartnerBadge attaches to entries by its <see cref="Id"/>. Fields as on
/// the documented entry badge (<c>id</c>, <c>name</c>, <c>image</c>, <c>href</c>) without its <c>order</c> [I], plus
/// <see cref="DirectoryId"/>, which the client fills from the request so the object can be piped on.
/// </summary>
public sealed class PartnerDirectoryBadge
{
    /// <summary>The directory the badge belongs to (from the request path; the API is not known to send it).</summary>
    [JsonIgnore]
    public Guid DirectoryId { get; internal set; }

    /// <summary>The directory's name, when the connection has read it (Get-PartnerDirectory); else null.</summary>
    [JsonIgnore]
    public string? DirectoryName { get; internal set; }

    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("image")]
    public string? Image { get; init; }

    [JsonPropertyName("href")]
    public string? Href { get; init; }

    public override string ToString() => Name is null ? Id.ToString() : $"{Name} ({Id})";
}
