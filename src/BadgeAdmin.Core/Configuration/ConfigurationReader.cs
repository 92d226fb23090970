using System;
using System.Collections.Generic;
using System.Linq;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Syntax;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Core.Configuration;

/// <summary>
/// Reads a parsed file into the model, checking everything that can be known without a request: the schema's shape
/// (unknown properties, wrong types, required ones missing), values (GUIDs, http(s) URLs, condition and reward types),
/// duplicate names or ids in one scope, and entries naming a badge their directory does not define. Every problem
/// is reported at once, each with its line and property (<see cref="ConfigurationFileException"/>).
/// </summary>
internal static class ConfigurationReader
{
    public static BadgeConfiguration Read(ConfigNode root, string file)
    {
        var problems = new ProblemList(file);
        var top = new FieldReader(root, PropertyPath.Root, problems, "$schema", "partnerPage", "snag");
        top.String("$schema");
        PartnerPageConfiguration? partnerPage = null;
        SnagConfiguration? snag = null;
        if (top.Node("partnerPage", false) is { } pp) partnerPage = ReadPartnerPage(pp, problems);
        if (top.Node("snag", false) is { } sn) snag = ReadSnag(sn, problems);
        if (top.IsObject && partnerPage is null && snag is null && problems.Count == 0)
        {
            problems.Add(root, string.Empty, "the file names neither 'partnerPage' nor 'snag', so there is nothing to compare");
        }

        problems.ThrowIfAny();
        return new BadgeConfiguration { File = file, PartnerPage = partnerPage, Snag = snag };
    }

    private static PartnerPageConfiguration ReadPartnerPage(ConfigNode node, ProblemList problems)
    {
        var fields = new FieldReader(node, PropertyPath.Root.Property("partnerPage"), problems, "directories");
        var section = new PartnerPageConfiguration();
        foreach (var (item, path) in fields.List("directories", required: true)) section.Directories.Add(ReadDirectory(item, path, problems));
        Unique(section.Directories, d => d.Id, d => d.Name, d => d.Line, fields.Join("directories"), "directory", problems);
        return section;
    }

    private static DirectoryConfiguration ReadDirectory(ConfigNode node, PropertyPath path, ProblemList problems)
    {
        var fields = new FieldReader(node, path, problems, "id", "name", "badges", "entries");
        var directory = new DirectoryConfiguration { Id = fields.Guid("id"), Name = fields.String("name", required: true) ?? string.Empty, Line = fields.Line };
        foreach (var (item, itemPath) in fields.List("badges"))
        {
            var badge = new FieldReader(item, itemPath, problems, "id", "name", "image");
            directory.Badges.Add(new DirectoryBadgeConfiguration
            {
                Id = badge.Guid("id"), Name = badge.String("name", required: true) ?? string.Empty, Image = badge.Url("image", required: true) ?? string.Empty, Line = badge.Line,
            });
        }

        Unique(directory.Badges, b => b.Id, b => b.Name, b => b.Line, fields.Join("badges"), "badge", problems);
        var entries = fields.List("entries");
        for (var i = 0; i < entries.Count; i++) directory.Entries.Add(ReadEntry(entries[i].Node, entries[i].Path, directory, problems));
        Unique(directory.Entries, e => e.Id, e => e.Name, e => e.Line, fields.Join("entries"), "entry", problems);
        return directory;
    }

    private static EntryConfiguration ReadEntry(ConfigNode node, PropertyPath path, DirectoryConfiguration directory, ProblemList problems)
    {
        var fields = new FieldReader(node, path, problems, "id", "name", "badges");
        var entry = new EntryConfiguration { Id = fields.Guid("id"), Name = fields.String("name", required: true) ?? string.Empty, Line = fields.Line };
        var carried = new Dictionary<DirectoryBadgeConfiguration, int>();
        foreach (var (item, itemPath) in fields.List("badges", required: true))
        {
            var badge = new FieldReader(item, itemPath, problems, "badge", "order");
            var name = badge.String("badge", required: true);
            var order = badge.Integer("order", minimum: 0);
            if (name is null) continue;
            var named = directory.Badges.Where(b => string.Equals(b.Name, name, StringComparison.Ordinal)).ToList();
            if (named.Count == 0) named = directory.Badges.Where(b => string.Equals(b.Name, name, StringComparison.OrdinalIgnoreCase)).ToList();
            if (named.Count == 0)
            {
                problems.Add(badge.Node("badge", false), badge.Join("badge").ToString(), $"'{name}' is not a badge of directory '{directory.Name}' (its badges list defines the names entries may use)");
                continue;
            }

            if (named.Count > 1)
            {
                problems.Add(badge.Node("badge", false), badge.Join("badge").ToString(), $"'{name}' names {named.Count} badges of directory '{directory.Name}' (lines {string.Join(", ", named.Select(b => b.Line))})");
                continue;
            }

            if (carried.TryGetValue(named[0], out var earlier))
            {
                problems.Add(badge.Node("badge", false), badge.Join("badge").ToString(), $"the entry lists badge '{name}' twice (also on line {earlier})");
                continue;
            }

            carried[named[0]] = badge.Line;
            entry.Badges.Add(new EntryBadgeConfiguration { Badge = name, Order = order, Line = badge.Line, Target = named[0] });
        }

        return entry;
    }

    private static SnagConfiguration ReadSnag(ConfigNode node, ProblemList problems)
    {
        var fields = new FieldReader(node, PropertyPath.Root.Property("snag"), problems, "organizationId", "websites");
        var section = new SnagConfiguration { OrganizationId = fields.Guid("organizationId") };
        foreach (var (item, path) in fields.List("websites", required: true))
        {
            var site = new FieldReader(item, path, problems, "id", "name", "badges");
            var website = new WebsiteConfiguration { Id = site.Guid("id"), Name = site.String("name", required: true) ?? string.Empty, Line = site.Line };
            foreach (var (badgeNode, badgePath) in site.List("badges")) website.Badges.Add(ReadLoyaltyBadge(badgeNode, badgePath, problems));
            Unique(website.Badges, b => b.Id, b => b.Name, b => b.Line, site.Join("badges"), "badge", problems);
            section.Websites.Add(website);
        }

        Unique(section.Websites, w => w.Id, w => w.Name, w => w.Line, fields.Join("websites"), "website", problems);
        return section;
    }

    private static LoyaltyBadgeConfiguration ReadLoyaltyBadge(ConfigNode node, PropertyPath path, ProblemList problems)
    {
        var fields = new FieldReader(node, path, problems, "id", "name", "description", "imageUrl", "hideInUi", "conditions", "rewards");
        var conditions = fields.List("conditions", required: true).Select(c => ReadCondition(c.Node, c.Path, problems)).ToList();
        if (fields.Has("conditions") && fields.Node("conditions", false) is ConfigArray { Items.Count: 0 } empty)
        {
            problems.Add(empty, fields.Join("conditions").ToString(), "a badge needs at least one condition");
        }

        return new LoyaltyBadgeConfiguration
        {
            Id = fields.Guid("id"),
            Name = fields.String("name", required: true) ?? string.Empty,
            HasDescription = fields.Has("description"),
            Description = fields.String("description", allowNull: true),
            ImageUrl = fields.Url("imageUrl", required: true) ?? string.Empty,
            HideInUi = fields.Bool("hideInUi"),
            Conditions = conditions,
            Rewards = fields.Has("rewards") ? fields.List("rewards").Select(r => ReadReward(r.Node, r.Path, problems)).ToList() : null,
            Line = fields.Line,
        };
    }

    private static LoyaltyCondition ReadCondition(ConfigNode node, PropertyPath path, ProblemList problems)
    {
        var fields = new FieldReader(node, path, problems, LoyaltyBadgeForm.ConditionFields);
        return new LoyaltyCondition
        {
            Type = KnownType(fields, "type", LoyaltyCondition.KnownTypes, "condition type", problems),
            Amount = fields.Number("amount"),
            RepeatCount = fields.Integer("repeatCount"),
            RequiredCount = fields.Integer("requiredCount"),
            Description = fields.String("description", allowNull: true),
            CsvUrl = fields.String("csvUrl", allowNull: true),
            LoyaltyRuleIds = fields.Guids("loyaltyRuleIds"),
            LoyaltyRuleGroupIds = fields.Guids("loyaltyRuleGroupIds"),
            LoyaltyRuleChainId = fields.Guid("loyaltyRuleChainId"),
            LoyaltyCurrencyIds = fields.Guids("loyaltyCurrencyIds"),
            LoyaltyBadgeIds = fields.Guids("loyaltyBadgeIds"),
            LoyaltyLeaderboardViewIds = fields.Guids("loyaltyLeaderboardViewIds"),
        };
    }

    private static LoyaltyReward ReadReward(ConfigNode node, PropertyPath path, ProblemList problems)
    {
        var fields = new FieldReader(node, path, problems, LoyaltyBadgeForm.RewardFields);
        return new LoyaltyReward
        {
            RewardType = KnownType(fields, "rewardType", LoyaltyReward.KnownTypes, "reward type", problems),
            Amount = fields.Number("amount"),
            Multiplier = fields.Number("multiplier"),
            IsRetroactive = fields.Bool("isRetroactive"),
            LoyaltyCurrencyId = fields.Guid("loyaltyCurrencyId"),
            LoyaltyCurrencyIds = fields.Guids("loyaltyCurrencyIds"),
        };
    }

    private static string? KnownType(FieldReader fields, string name, IReadOnlyList<string> known, string what, ProblemList problems)
    {
        var value = fields.String(name, required: true);
        if (value is null) return null;
        // Exactly as the schema spells them, so an editor and this reader agree on what is valid.
        if (!known.Contains(value)) problems.Add(fields.Node(name, false), fields.Join(name).ToString(), $"'{value}' is not a {what}; use one of {string.Join(", ", known)}");
        return value;
    }

    /// <summary>
    /// Ids must be unique in a scope; names too (any casing), except between items that both carry an id: the server
    /// may hold two badges of one name, and an export must read back, but a name alone must find one item.
    /// </summary>
    private static void Unique<T>(IReadOnlyList<T> items, Func<T, Guid?> id, Func<T, string> name, Func<T, int> line, PropertyPath path, string what, ProblemList problems)
    {
        var byId = new Dictionary<Guid, int>();
        var byName = new Dictionary<string, (int Line, bool HasId)>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (id(item) is { } key)
            {
                if (byId.TryGetValue(key, out var first)) problems.Add(line(item), path.Item(i).Property("id").ToString(), $"{what} id {key} appears twice (also on line {first})");
                else byId[key] = line(item);
            }

            var label = name(item);
            if (label.Length == 0) continue;
            if (byName.TryGetValue(label, out var earlier))
            {
                if (!(earlier.HasId && id(item) is not null))
                {
                    problems.Add(line(item), path.Item(i).Property("name").ToString(), $"two {what}s named '{label}' in one scope (also on line {earlier.Line}); give each its id, or rename one");
                }
            }
            else
            {
                byName[label] = (line(item), id(item) is not null);
            }
        }
    }
}
