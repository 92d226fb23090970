using System.Collections.Generic;
using System.Text.Json.Serialization;
using BadgeAdmin.Core.Json;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>
/// One page of a Snag listing: {data, hasNextPage}. hasNextPage may come as a string (§1.8); the badge list's older
/// envelope named the items "badges" (§1.8 #3).
/// </summary>
internal sealed class SnagPage<T>
{
    private List<T>? _data;

    [JsonPropertyName("data")]
    public List<T>? Data
    {
        get => _data ?? LegacyBadges;
        init => _data = value;
    }

    [JsonPropertyName("hasNextPage")]
    [JsonConverter(typeof(FlexibleBooleanConverter))]
    public bool HasNextPage { get; init; }

    [JsonPropertyName("badges")]
    [JsonInclude]
    internal List<T>? LegacyBadges { get; set; }
}
