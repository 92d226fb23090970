using System;
using System.Collections.Generic;
using System.Linq;
using BadgeAdmin.Core.Configuration.Syntax;
using BadgeAdmin.Core.Snag.Models;
using System.Runtime.CompilerServices;
using BadgeAdmin.Core.Performance;

namespace BadgeAdmin.Core.Configuration;

/// <summary>
/// Conditions and rewards in the form a file holds them and a comparison uses: the fields the create body takes
/// (the server's output-only references folded in, as <see cref="LoyaltyCondition.ToInput"/> does), with null, empty
/// text and empty lists left out and the server's defaults (isRetroactive false) left implicit. A fresh export and the
/// server then read the same, and "absent", null and empty compare equal.
/// </summary>
internal static class LoyaltyBadgeForm
{
    public static readonly string[] ConditionFields =
    {
        "type", "amount", "repeatCount", "requiredCount", "description", "csvUrl", "loyaltyRuleIds", "loyaltyRuleGroupIds",
        "loyaltyRuleChainId", "loyaltyCurrencyIds", "loyaltyBadgeIds", "loyaltyLeaderboardViewIds",
    };

    public static readonly string[] RewardFields = { "rewardType", "amount", "multiplier", "isRetroactive", "loyaltyCurrencyId", "loyaltyCurrencyIds" };

    /// <summary>A condition as the file writes it. loyaltyRuleChainId is sent on create but never returned, so it is not compared.</summary>
    public static ConfigObject Condition(LoyaltyCondition condition, bool forComparison = false)
    {
        var input = condition.ToInput();
        return new ConfigObject()
            .Add("type", Text(input.Type))
            .Add("amount", Number(input.Amount))
            .Add("repeatCount", Number(input.RepeatCount))
            .Add("requiredCount", Number(input.RequiredCount))
            .Add("description", Text(input.Description))
            .Add("csvUrl", Text(input.CsvUrl))
            .Add("loyaltyRuleIds", Ids(input.LoyaltyRuleIds))
            .Add("loyaltyRuleGroupIds", Ids(input.LoyaltyRuleGroupIds))
            .Add("loyaltyRuleChainId", forComparison ? null : Id(input.LoyaltyRuleChainId))
            .Add("loyaltyCurrencyIds", Ids(input.LoyaltyCurrencyIds))
            .Add("loyaltyBadgeIds", Ids(input.LoyaltyBadgeIds))
            .Add("loyaltyLeaderboardViewIds", Ids(input.LoyaltyLeaderboardViewIds));
    }

    public static ConfigObject Reward(LoyaltyReward reward)
    {
        var input = reward.ToInput();
        return new ConfigObject()
            .Add("rewardType", Text(input.RewardType))
            .Add("amount", Number(input.Amount))
            .Add("multiplier", Number(input.Multiplier))
            .Add("isRetroactive", input.IsRetroactive == true ? ConfigScalar.Of(true) : null)
            .Add("loyaltyCurrencyId", Id(input.LoyaltyCurrencyId))
            .Add("loyaltyCurrencyIds", Ids(input.LoyaltyCurrencyIds));
    }

    /// <summary>
    /// Conditions as compared: each in its canonical one-line JSON form (the file's form without what is never
    /// returned), in a fixed order (the API does not promise one). Built with a StringBuilder: a compare of thousands
    /// of badges computes two of these per badge.
    /// </summary>
    public static string CompareForm(IEnumerable<LoyaltyCondition>? conditions) =>
        Joined((conditions ?? Enumerable.Empty<LoyaltyCondition>()).Select(c =>
        {
            var input = c.ToInput();
            return new Canonical()
                .Text("type", input.Type).Number("amount", input.Amount).Number("repeatCount", input.RepeatCount).Number("requiredCount", input.RequiredCount)
                .Text("description", input.Description).Text("csvUrl", input.CsvUrl).Ids("loyaltyRuleIds", input.LoyaltyRuleIds)
                .Ids("loyaltyRuleGroupIds", input.LoyaltyRuleGroupIds).Ids("loyaltyCurrencyIds", input.LoyaltyCurrencyIds)
                .Ids("loyaltyBadgeIds", input.LoyaltyBadgeIds).Ids("loyaltyLeaderboardViewIds", input.LoyaltyLeaderboardViewIds).ToString();
        }));

    public static string CompareForm(IEnumerable<LoyaltyReward>? rewards) =>
        Joined((rewards ?? Enumerable.Empty<LoyaltyReward>()).Select(r =>
        {
            var input = r.ToInput();
            return new Canonical()
                .Text("rewardType", input.RewardType).Number("amount", input.Amount).Number("multiplier", input.Multiplier)
                .Flag("isRetroactive", input.IsRetroactive == true).Id("loyaltyCurrencyId", input.LoyaltyCurrencyId).Ids("loyaltyCurrencyIds", input.LoyaltyCurrencyIds).ToString();
        }));

    /// <summary>
    /// Whether two lists of conditions mean the same, as <see cref="CompareForm(IEnumerable{LoyaltyCondition})"/> would
    /// judge, without building it: field by field in the order given (the usual case), else by the sorted forms.
    /// </summary>
    public static bool Same(IReadOnlyList<LoyaltyCondition>? first, IReadOnlyList<LoyaltyCondition>? second) =>
        SameLists(first, second, c => c.ToInput(), Same, CompareForm);

    public static bool Same(IReadOnlyList<LoyaltyReward>? first, IReadOnlyList<LoyaltyReward>? second) =>
        SameLists(first, second, r => r.ToInput(), Same, CompareForm);

    [MethodImpl(HotPath.Optimized)]
    private static bool SameLists<T, TInput>(IReadOnlyList<T>? first, IReadOnlyList<T>? second, Func<T, TInput> input, Func<TInput, TInput, bool> same, Func<IEnumerable<T>, string> form)
    {
        var (a, b) = (first ?? Array.Empty<T>(), second ?? Array.Empty<T>());
        if (a.Count != b.Count) return false;
        var inOrder = true;
        for (var i = 0; i < a.Count && inOrder; i++) inOrder = same(input(a[i]), input(b[i]));
        return inOrder || form(a) == form(b);
    }

    [MethodImpl(HotPath.Optimized)]
    private static bool Same(ConditionInput a, ConditionInput b) =>
        a.Type == b.Type && a.Amount == b.Amount && a.RepeatCount == b.RepeatCount && a.RequiredCount == b.RequiredCount
        && SameText(a.Description, b.Description) && SameText(a.CsvUrl, b.CsvUrl) && SameIds(a.LoyaltyRuleIds, b.LoyaltyRuleIds)
        && SameIds(a.LoyaltyRuleGroupIds, b.LoyaltyRuleGroupIds) && SameIds(a.LoyaltyCurrencyIds, b.LoyaltyCurrencyIds)
        && SameIds(a.LoyaltyBadgeIds, b.LoyaltyBadgeIds) && SameIds(a.LoyaltyLeaderboardViewIds, b.LoyaltyLeaderboardViewIds);

    [MethodImpl(HotPath.Optimized)]
    private static bool Same(RewardInput a, RewardInput b) =>
        a.RewardType == b.RewardType && a.Amount == b.Amount && a.Multiplier == b.Multiplier && (a.IsRetroactive == true) == (b.IsRetroactive == true)
        && a.LoyaltyCurrencyId == b.LoyaltyCurrencyId && SameIds(a.LoyaltyCurrencyIds, b.LoyaltyCurrencyIds);

    private static bool SameText(string? a, string? b) => string.Equals(a ?? string.Empty, b ?? string.Empty, StringComparison.Ordinal);

    private static bool SameIds(Guid[]? a, Guid[]? b)
    {
        if ((a?.Length ?? 0) == 0 || (b?.Length ?? 0) == 0) return (a?.Length ?? 0) == (b?.Length ?? 0);
        if (a!.Length == 1 && b!.Length == 1) return a[0] == b[0];
        return new HashSet<Guid>(a).SetEquals(b!);
    }

    private static string Joined(IEnumerable<string> items)
    {
        var list = items.ToList();
        if (list.Count > 1) list.Sort(StringComparer.Ordinal);
        return "[" + string.Join(",", list) + "]";
    }

    private static ConfigScalar? Text(string? value) => string.IsNullOrEmpty(value) ? null : ConfigScalar.Of(value);

    private static ConfigScalar? Number(double? value) => value is { } n ? ConfigScalar.Of(n) : null;

    private static ConfigScalar? Id(Guid? value) => value is { } id ? ConfigScalar.Of(id.ToString("D")) : null;

    private static ConfigArray? Ids(Guid[]? ids)
    {
        if (ids is not { Length: > 0 }) return null;
        var list = new ConfigArray();
        foreach (var id in ids.Distinct().OrderBy(g => g.ToString("D"), StringComparer.Ordinal)) list.Add(ConfigScalar.Of(id.ToString("D")));
        return list;
    }
}
