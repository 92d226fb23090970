using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.PartnerPage.Models;

/// <summary>
/// The paged list envelope <c>{count, next, previous, results}</c> (Django REST Framework style [I]). The listing
/// format is undocumented, so the reader also accepts a bare JSON array.
/// </summary>
public sealed class PartnerPageListPage<T>
{
    [JsonPropertyName("count")]
    public int? Count { get; init; }

    [JsonPropertyName("next")]
    public string? Next { get; init; }

    [JsonPropertyName("previous")]
    public string? Previous { get; init; }

    [JsonPropertyName("results")]
    public List<T>? Results { get; init; }
}
