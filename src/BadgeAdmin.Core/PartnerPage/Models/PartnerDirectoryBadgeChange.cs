using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.PartnerPage.Models;

/// <summary>
/// Body of the directory badge create (POST, both fields) and update (PATCH, only the fields given) [I]: the names
/// are the documented badge fields <c>name</c> and <c>image</c> (an image URL). Fields left null are not sent.
/// </summary>
public sealed class PartnerDirectoryBadgeChange
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("image")]
    public string? Image { get; init; }

    [JsonIgnore]
    public bool IsEmpty => Name is null && Image is null;
}
