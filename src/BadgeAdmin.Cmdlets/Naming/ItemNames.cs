using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Naming;

/// <summary>
/// Names what a cmdlet works on as a person knows it, for -WhatIf text, confirmation prompts and per-item errors:
/// "badge 'Gold Partner' (7668de02-…) of partner entry 'Acme Cloud' (774313e0-…)". A name comes from what the
/// connection has read (piped objects were read by it, so theirs are known); without one, the id alone.
/// </summary>
internal sealed class ItemNames
{
    private readonly RecentlySeen _seen;

    public ItemNames(RecentlySeen seen) => _seen = seen;

    /// <summary>"noun 'name' (id)", or "noun id" when the name is not known.</summary>
    public static string Label(string noun, Guid id, string? name) =>
        string.IsNullOrEmpty(name) ? $"{noun} {id}" : $"{noun} '{name}' ({id})";

    /// <summary>
    /// What an error message starts with: the item, after its input row when the input came through the pipeline
    /// (row 1 is the first object piped in: for Import-Csv, the first line after the header).
    /// </summary>
    public static string? Subject(string? label, int? inputRow)
    {
        var text = inputRow is { } row ? (label is null ? InputItem(row, piped: true) : $"{InputItem(row, piped: true)}, {label}") : label;
        return string.IsNullOrEmpty(text) ? null : char.ToUpperInvariant(text![0]) + text.Substring(1);
    }

    /// <summary>Where an input item stood: "input row 3" when piped in (counted as <see cref="Subject"/> counts), else "item 3 of -InputObject".</summary>
    public static string InputItem(int item, bool piped) => piped ? $"input row {item}" : $"item {item} of -InputObject";

    /// <summary>Several of them at once: "input rows 2, 3 and 6", the first <paramref name="shown"/>, then "and N more".</summary>
    public static string InputItems(IReadOnlyList<int> items, bool piped, int shown)
    {
        var numbers = items.Take(shown).Select(i => i.ToString(CultureInfo.InvariantCulture)).ToList();
        var list = items.Count > shown ? string.Join(", ", numbers) + $" and {items.Count - shown} more"
            : numbers.Count > 1 ? string.Join(", ", numbers.Take(numbers.Count - 1)) + " and " + numbers[numbers.Count - 1]
            : string.Concat(numbers);
        var plural = items.Count == 1 ? string.Empty : "s";
        return piped ? $"input row{plural} {list}" : $"item{plural} {list} of -InputObject";
    }

    public string PartnerEntry(Guid id) => Label("partner entry", id, _seen.NameOf(CompletionKinds.PartnerEntry, id));

    /// <summary>A badge of an entry; an entry badge carries the id of the directory badge it shows, so either name serves.</summary>
    public string PartnerBadge(Guid id) =>
        Label("badge", id, _seen.NameOf(CompletionKinds.PartnerBadge, id) ?? _seen.NameOf(CompletionKinds.PartnerDirectoryBadge, id));

    public string PartnerBadgeOfEntry(Guid entryId, Guid id) => $"{PartnerBadge(id)} of {PartnerEntry(entryId)}";

    public string PartnerDirectory(Guid id) => Label("directory", id, _seen.NameOf(CompletionKinds.PartnerDirectory, id));

    public string PartnerDirectoryBadge(Guid directoryId, Guid id) =>
        $"{Label("badge", id, _seen.NameOf(CompletionKinds.PartnerDirectoryBadge, id))} of {PartnerDirectory(directoryId)}";

    public string LoyaltyBadge(Guid id) => Label("loyalty badge", id, LoyaltyBadgeName(id));

    /// <summary>The badge's name when the connection has read it (piped in, or completed), else null: no request.</summary>
    public string? LoyaltyBadgeName(Guid id) => _seen.NameOf(CompletionKinds.LoyaltyBadge, id);

    public string LoyaltyWebsite(Guid id) => Label("website", id, _seen.NameOf(CompletionKinds.LoyaltyWebsite, id));

    /// <summary>A user by wallet, with the user id beside it when known: "wallet 0x… (user 1b2c…)", else "user 1b2c…".</summary>
    public string LoyaltyUser(Guid? userId, string? walletAddress)
    {
        var wallet = string.IsNullOrWhiteSpace(walletAddress) ? (userId is { } id ? _seen.NameOf(CompletionKinds.LoyaltyUser, id) : null) : walletAddress!.Trim();
        if (wallet is null) return $"user {userId}";
        return userId is null ? $"wallet {wallet}" : $"wallet {wallet} (user {userId})";
    }
}
