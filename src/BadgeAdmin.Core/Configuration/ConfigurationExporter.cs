using System;
using System.Collections.Generic;
using System.Linq;
using BadgeAdmin.Core.Configuration.Server;
using BadgeAdmin.Core.Configuration.Syntax;
using BadgeAdmin.Core.PartnerPage.Models;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Core.Configuration;

/// <summary>
/// Writes what the services hold as a configuration document. Deterministic: items sorted by name (then id), keys in
/// a fixed order, no timestamps; so exporting an unchanged service twice gives the same bytes, and Git diffs show only
/// what changed. Every managed property is written (an empty description as ""), so the file manages all of them.
/// </summary>
internal static class ConfigurationExporter
{
    public static ConfigObject Export(PartnerPageSnapshot? partnerPage, IReadOnlyCollection<Guid> directoryIds, SnagSnapshot? snag, IReadOnlyCollection<Guid> websiteIds, Guid? organizationId)
    {
        var document = new ConfigObject().Add("$schema", ConfigScalar.Of(BadgeConfigurationSchema.Reference));
        if (partnerPage is not null)
        {
            var directories = new ConfigArray();
            foreach (var directory in Sorted(partnerPage.Directories.Where(d => directoryIds.Contains(d.Id)), d => d.Name, d => d.Id))
            {
                directories.Add(Directory(directory, partnerPage));
            }

            document.Add("partnerPage", new ConfigObject().Add("directories", directories));
        }

        if (snag is not null)
        {
            var websites = new ConfigArray();
            foreach (var website in Sorted(snag.Websites.Where(w => websiteIds.Contains(w.Id)), w => w.Name, w => w.Id))
            {
                var badges = new ConfigArray();
                var held = snag.Badges.TryGetValue(website.Id, out var list) ? list.Where(b => b.DeletedAt is null) : Enumerable.Empty<LoyaltyBadge>();
                foreach (var badge in Sorted(held, b => b.Name, b => b.Id)) badges.Add(LoyaltyBadge(badge));
                websites.Add(new ConfigObject().Add("id", Id(website.Id)).Add("name", ConfigScalar.Of(website.Name ?? string.Empty)).Add("badges", badges));
            }

            document.Add("snag", new ConfigObject().Add("organizationId", organizationId is { } org ? Id(org) : null).Add("websites", websites));
        }

        return document;
    }

    private static ConfigObject Directory(PartnerDirectory directory, PartnerPageSnapshot server)
    {
        var defined = server.DirectoryBadges.TryGetValue(directory.Id, out var list) ? list : Array.Empty<PartnerDirectoryBadge>();
        var badges = new ConfigArray();
        foreach (var badge in Sorted(defined, b => b.Name, b => b.Id))
        {
            badges.Add(new ConfigObject().Add("id", Id(badge.Id)).Add("name", ConfigScalar.Of(badge.Name ?? string.Empty)).Add("image", ConfigScalar.Of(badge.Image ?? string.Empty)));
        }

        // An entry goes under each directory whose badges it carries; one with no badge at all, under every directory
        // that defines badges (it could carry any of them), so it can be given some in the file.
        var entries = new ConfigArray();
        foreach (var entry in Sorted(server.Entries, e => e.Name, e => e.Id))
        {
            var carried = server.EntryBadgesOf(entry.Id, directory.Id);
            var carriesNone = !server.EntryBadges.TryGetValue(entry.Id, out var all) || all.Count == 0;
            if (carried.Count == 0 && !(carriesNone && defined.Count > 0)) continue;
            var attached = new ConfigArray();
            foreach (var (badge, defines) in carried.OrderBy(c => c.Attached.Order ?? int.MaxValue).ThenBy(c => c.Badge.Name, StringComparer.Ordinal))
            {
                attached.Add(new ConfigObject().Add("badge", ConfigScalar.Of(defines.Name ?? string.Empty)).Add("order", badge.Order is { } order ? ConfigScalar.Of(order) : null));
            }

            entries.Add(new ConfigObject().Add("id", Id(entry.Id)).Add("name", ConfigScalar.Of(entry.Name ?? string.Empty)).Add("badges", attached));
        }

        return new ConfigObject().Add("id", Id(directory.Id)).Add("name", ConfigScalar.Of(directory.Name ?? string.Empty)).Add("badges", badges).Add("entries", entries);
    }

    private static ConfigObject LoyaltyBadge(LoyaltyBadge badge)
    {
        var conditions = new ConfigArray();
        foreach (var condition in badge.Conditions ?? Enumerable.Empty<LoyaltyCondition>()) conditions.Add(LoyaltyBadgeForm.Condition(condition));
        var rewards = new ConfigArray();
        foreach (var reward in badge.Rewards ?? Enumerable.Empty<LoyaltyReward>()) rewards.Add(LoyaltyBadgeForm.Reward(reward));
        return new ConfigObject()
            .Add("id", Id(badge.Id))
            .Add("name", ConfigScalar.Of(badge.Name ?? string.Empty))
            .Add("description", ConfigScalar.Of(badge.Description ?? string.Empty))
            .Add("imageUrl", ConfigScalar.Of(badge.ImageUrl ?? string.Empty))
            .Add("hideInUi", ConfigScalar.Of(badge.HideInUi ?? false))
            .Add("conditions", conditions)
            .Add("rewards", rewards);
    }

    private static ConfigScalar Id(Guid id) => ConfigScalar.Of(id.ToString("D"));

    /// <summary>By name in any casing, then exact spelling, then id: the same order on every machine and culture.</summary>
    private static IEnumerable<T> Sorted<T>(IEnumerable<T> items, Func<T, string?> name, Func<T, Guid> id) =>
        items.OrderBy(i => name(i) ?? string.Empty, StringComparer.OrdinalIgnoreCase).ThenBy(i => name(i) ?? string.Empty, StringComparer.Ordinal).ThenBy(i => id(i).ToString("D"), StringComparer.Ordinal);
}
