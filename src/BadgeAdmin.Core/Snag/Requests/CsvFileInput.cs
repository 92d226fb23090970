using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>A CSV file as the create and update bodies take it: <c>{src, name?, description?}</c> (api-reference §1.3).</summary>
internal sealed class CsvFileInput
{
    [JsonPropertyName("src")] public string Src { get; init; } = string.Empty;
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
}
