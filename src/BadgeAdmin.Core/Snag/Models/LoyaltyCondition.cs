using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>
/// A condition of a badge. As output it is the API's LoyaltyCondition; as input (New-LoyaltyBadge -Condition) it is
/// built from a hashtable or copied from another badge, and only the fields the create body takes are sent.
/// </summary>
public sealed class LoyaltyCondition
{
    /// <summary>The condition types the API documents (api-reference §1.3).</summary>
    public static readonly IReadOnlyList<string> KnownTypes = new[] { "rule", "rules", "points", "section", "level", "api", "badge", "badges", "csv" };

    [JsonPropertyName("id")]
    public Guid? Id { get; set; }

    /// <summary>One of <see cref="KnownTypes"/>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("amount")]
    public double? Amount { get; set; }

    [JsonPropertyName("repeatCount")]
    public int? RepeatCount { get; set; }

    [JsonPropertyName("requiredCount")]
    public int? RequiredCount { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    [JsonPropertyName("csvUrl")]
    public string? CsvUrl { get; set; }

    [JsonPropertyName("loyaltyRuleIds")]
    public Guid[]? LoyaltyRuleIds { get; set; }

    [JsonPropertyName("loyaltyRuleGroupIds")]
    public Guid[]? LoyaltyRuleGroupIds { get; set; }

    [JsonPropertyName("loyaltyRuleChainId")]
    public Guid? LoyaltyRuleChainId { get; set; }

    [JsonPropertyName("loyaltyCurrencyIds")]
    public Guid[]? LoyaltyCurrencyIds { get; set; }

    [JsonPropertyName("loyaltyBadgeIds")]
    public Guid[]? LoyaltyBadgeIds { get; set; }

    [JsonPropertyName("loyaltyLeaderboardViewIds")]
    public Guid[]? LoyaltyLeaderboardViewIds { get; set; }

    /// <summary>Output only: the single currency of a points condition.</summary>
    [JsonPropertyName("loyaltyCurrencyId")]
    public Guid? LoyaltyCurrencyId { get; set; }

    /// <summary>Output only: the single rule group of a condition.</summary>
    [JsonPropertyName("loyaltyRuleGroupId")]
    public Guid? LoyaltyRuleGroupId { get; set; }

    /// <summary>Output only: the named objects the condition refers to.</summary>
    [JsonPropertyName("association")]
    public List<LoyaltyConditionAssociation>? Association { get; set; }

    /// <summary>Output only: the CSV files of a csv condition (New-LoyaltyBadge sends them as the badge's csvFiles).</summary>
    [JsonPropertyName("csvFiles")]
    public List<LoyaltyCsvFile>? CsvFiles { get; set; }

    public override string ToString() => Description ?? Type ?? string.Empty;

    /// <summary>The condition a badge whose holders come from its CSV files needs (New-LoyaltyBadge -CsvFile alone).</summary>
    public static LoyaltyCondition Csv() => new() { Type = "csv" };

    /// <summary>True for a csv condition: the one that lets a badge's CSV files decide who holds it.</summary>
    internal bool IsCsv => string.Equals(Type?.Trim(), "csv", StringComparison.OrdinalIgnoreCase);

    /// <summary>The create-body form: input fields only, output-only references folded into their list fields.</summary>
    internal ConditionInput ToInput() => new()
    {
        Type = LoyaltyBadgeCreate.KnownSpelling(Type, KnownTypes) ?? Type,
        Amount = Amount,
        RepeatCount = RepeatCount,
        RequiredCount = RequiredCount,
        Description = Description,
        CsvUrl = CsvUrl,
        LoyaltyRuleIds = LoyaltyRuleIds ?? Ids(Association?.Select(a => a.LoyaltyRule?.Id)),
        LoyaltyRuleGroupIds = LoyaltyRuleGroupIds ?? One(LoyaltyRuleGroupId),
        LoyaltyRuleChainId = LoyaltyRuleChainId,
        LoyaltyCurrencyIds = LoyaltyCurrencyIds ?? One(LoyaltyCurrencyId),
        LoyaltyBadgeIds = LoyaltyBadgeIds ?? Ids(Association?.Select(a => a.LoyaltyBadge?.Id)),
        LoyaltyLeaderboardViewIds = LoyaltyLeaderboardViewIds ?? Ids(Association?.Select(a => a.LoyaltyLeaderboardView?.Id)),
    };

    private static Guid[]? One(Guid? id) => id is { } value ? new[] { value } : null;

    private static Guid[]? Ids(IEnumerable<Guid?>? ids)
    {
        var list = ids?.Where(i => i.HasValue).Select(i => i!.Value).ToArray();
        return list is { Length: > 0 } ? list : null;
    }
}

/// <summary>What a condition refers to, each as {id, name} or null.</summary>
public sealed class LoyaltyConditionAssociation
{
    [JsonPropertyName("loyaltyRule")]
    public LoyaltyNamedReference? LoyaltyRule { get; set; }

    [JsonPropertyName("loyaltyBadge")]
    public LoyaltyNamedReference? LoyaltyBadge { get; set; }

    [JsonPropertyName("loyaltyRuleGroup")]
    public LoyaltyNamedReference? LoyaltyRuleGroup { get; set; }

    [JsonPropertyName("loyaltyCurrency")]
    public LoyaltyNamedReference? LoyaltyCurrency { get; set; }

    [JsonPropertyName("loyaltyLeaderboardView")]
    public LoyaltyNamedReference? LoyaltyLeaderboardView { get; set; }
}
