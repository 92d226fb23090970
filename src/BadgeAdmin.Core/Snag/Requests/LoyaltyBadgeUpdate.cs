using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>Body of POST /api/loyalty/badges/{id}: every field optional, conditions not allowed.</summary>
public sealed class LoyaltyBadgeUpdate
{
    [JsonPropertyName("name")] public string? Name { get; init; }
    [JsonPropertyName("description")] public string? Description { get; init; }
    [JsonPropertyName("imageUrl")] public string? ImageUrl { get; init; }
    [JsonPropertyName("hideInUi")] public bool? HideInUi { get; init; }

    /// <summary>The badge's rewards, replacing the ones it has; null leaves them alone, an empty list sends <c>[]</c>.</summary>
    [JsonIgnore]
    public IReadOnlyList<LoyaltyReward>? Rewards { get; init; }

    [JsonPropertyName("rewards")]
    [JsonInclude]
    internal List<RewardInput>? RewardsBody => Rewards?.Select(r => r.ToInput()).ToList();

    /// <summary>CSV files to give the badge; null sends none. Whether they add to its files or replace them is not documented.</summary>
    /// <remarks>
    /// Named apart from the body's csvFiles although never serialized: with its default name, the source generator
    /// left csvFiles out of the body it writes (SnagClientTests catches that).
    /// </remarks>
    [JsonIgnore]
    [JsonPropertyName("csvFilesGiven")]
    public IReadOnlyList<LoyaltyCsvFile>? CsvFiles { get; init; }

    [JsonPropertyName("csvFiles")]
    [JsonInclude]
    internal List<CsvFileInput>? CsvFilesBody => CsvFiles?.Select(f => f.ToInput()).ToList();

    [JsonIgnore]
    public bool IsEmpty => Name is null && Description is null && ImageUrl is null && HideInUi is null && Rewards is null && CsvFiles is null;

    /// <summary>Every problem with the update, each naming its field; empty when it can be sent.</summary>
    public IReadOnlyList<string> Problems() => LoyaltyReward.Problems(Rewards).Concat(LoyaltyCsvFile.Problems(CsvFiles)).ToList();
}
