using System;
using System.Collections.Generic;
using System.Linq;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Server;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>
/// Plans what makes PartnerPage match the file, directory by directory: directory badges to create, rename or
/// re-image (and with -Prune delete), and for each entry the file lists, that directory's badges to attach, reorder
/// (and with -Prune detach). Entries the file does not list are not touched.
/// </summary>
internal static class PartnerPageDiffer
{
    private const string Service = "PartnerPage";

    public static void Plan(PartnerPageConfiguration file, PartnerPageSnapshot server, bool prune, ConfigurationPlan plan)
    {
        var directories = ItemMatcher<DirectoryConfiguration, PartnerDirectory>.Match(file.Directories, server.Directories, d => d.Id, d => d.Name, d => d.Id, d => d.Name);
        foreach (var missing in directories.Missing)
        {
            plan.Issues.Add(new PlanIssue(PlanIssueKind.DirectoryNotFound, $"No PartnerPage directory {Named(missing.Name, missing.Id)} (file line {missing.Line}): nothing is compared for it.", (object?)missing.Id ?? missing.Name));
        }

        foreach (var (item, candidates) in directories.Ambiguous) plan.Issues.Add(Ambiguous("directory", item.Name, item.Line, candidates.Select(c => c.Id)));
        foreach (var (fileDirectory, serverDirectory) in directories.Matched)
        {
            PlanDirectory(fileDirectory, serverDirectory, server, prune, plan);
        }
    }

    private static void PlanDirectory(DirectoryConfiguration file, PartnerDirectory directory, PartnerPageSnapshot server, bool prune, ConfigurationPlan plan)
    {
        var scope = directory.Name ?? file.Name;
        var defined = server.DirectoryBadges.TryGetValue(directory.Id, out var list) ? list : Array.Empty<PartnerDirectoryBadge>();
        var badges = ItemMatcher<DirectoryBadgeConfiguration, PartnerDirectoryBadge>.Match(file.Badges, defined, b => b.Id, b => b.Name, b => b.Id, b => b.Name);
        foreach (var (item, candidates) in badges.Ambiguous) plan.Issues.Add(Ambiguous("badge", item.Name, item.Line, candidates.Select(c => c.Id), $" of directory '{scope}'"));

        // Where each of the file's badges is, or will be once created: what the entries attach.
        var onServer = badges.Matched.ToDictionary(m => m.File, m => m.Server);
        var creates = new Dictionary<DirectoryBadgeConfiguration, PlannedChange>();

        foreach (var (wanted, existing) in badges.Matched)
        {
            var changes = new List<PropertyChange>();
            if (!string.Equals(existing.Name, wanted.Name, StringComparison.Ordinal)) changes.Add(new PropertyChange("name", existing.Name, wanted.Name));
            if (!string.Equals(existing.Image, wanted.Image, StringComparison.Ordinal)) changes.Add(new PropertyChange("image", existing.Image, wanted.Image));
            if (changes.Count == 0) continue;
            var body = new PartnerDirectoryBadgeChange { Name = changes.Any(c => c.Property == "name") ? wanted.Name : null, Image = changes.Any(c => c.Property == "image") ? wanted.Image : null };
            var path = PartnerPageRoutes.UpdateDirectoryBadge.Format(directory.Id, existing.Id);
            plan.Changes.Add(new PlannedChange(
                DirectoryBadgeChange(ChangeActions.Update, scope, directory.Id, existing.Id, wanted.Name, wanted.Line, changes, PartnerPageRoutes.UpdateDirectoryBadge, path),
                PlanPhase.Update,
                async (context, token) => (await context.PartnerPageClient.UpdateDirectoryBadgeAsync(directory.Id, existing.Id, body, token).ConfigureAwait(false)).Id));
        }

        foreach (var wanted in badges.Missing)
        {
            var changes = new[] { new PropertyChange("name", null, wanted.Name), new PropertyChange("image", null, wanted.Image) };
            var body = new PartnerDirectoryBadgeChange { Name = wanted.Name, Image = wanted.Image };
            var path = PartnerPageRoutes.CreateDirectoryBadge.Format(directory.Id);
            var create = new PlannedChange(
                DirectoryBadgeChange(ChangeActions.Create, scope, directory.Id, null, wanted.Name, wanted.Line, changes, PartnerPageRoutes.CreateDirectoryBadge, path),
                PlanPhase.Create,
                async (context, token) =>
                {
                    var created = await context.PartnerPageClient.CreateDirectoryBadgeAsync(directory.Id, body, token).ConfigureAwait(false);
                    context.CreatedDirectoryBadges[wanted] = created.Id;
                    return created.Id;
                });
            creates[wanted] = create;
            plan.Changes.Add(create);
        }

        foreach (var extra in badges.Unnamed)
        {
            if (!prune)
            {
                plan.LeftAlone++;
                continue;
            }

            var path = PartnerPageRoutes.DeleteDirectoryBadge.Format(directory.Id, extra.Id);
            var changes = new[] { new PropertyChange("name", extra.Name, null), new PropertyChange("image", extra.Image, null) };
            plan.Changes.Add(new PlannedChange(
                DirectoryBadgeChange(ChangeActions.Delete, scope, directory.Id, extra.Id, extra.Name ?? extra.Id.ToString(), null, changes, PartnerPageRoutes.DeleteDirectoryBadge, path,
                    "PartnerPage also detaches it from every entry that carries it."),
                PlanPhase.Delete,
                async (context, token) =>
                {
                    await context.PartnerPageClient.DeleteDirectoryBadgeAsync(directory.Id, extra.Id, token).ConfigureAwait(false);
                    return extra.Id;
                }));
        }

        PlanEntries(file, directory, server, onServer, creates, prune, plan);
    }

    private static void PlanEntries(DirectoryConfiguration file, PartnerDirectory directory, PartnerPageSnapshot server,
        Dictionary<DirectoryBadgeConfiguration, PartnerDirectoryBadge> onServer, Dictionary<DirectoryBadgeConfiguration, PlannedChange> creates, bool prune, ConfigurationPlan plan)
    {
        var entries = ItemMatcher<EntryConfiguration, PartnerEntry>.Match(file.Entries, server.Entries, e => e.Id, e => e.Name, e => e.Id, e => e.Name);
        foreach (var missing in entries.Missing)
        {
            plan.Issues.Add(new PlanIssue(PlanIssueKind.EntryNotFound, $"No partner entry {Named(missing.Name, missing.Id)} (file line {missing.Line}): nothing is compared for it.", (object?)missing.Id ?? missing.Name));
        }

        foreach (var (item, candidates) in entries.Ambiguous) plan.Issues.Add(Ambiguous("partner entry", item.Name, item.Line, candidates.Select(c => c.Id)));
        foreach (var (wanted, entry) in entries.Matched)
        {
            var entryName = entry.Name ?? wanted.Name;
            var attached = server.EntryBadgesOf(entry.Id, directory.Id).ToList();
            foreach (var badge in wanted.Badges)
            {
                var target = $"{entryName} / {badge.Target.Name}";
                if (onServer.TryGetValue(badge.Target, out var defined))
                {
                    var present = attached.FirstOrDefault(a => a.Badge.Id == defined.Id);
                    if (present.Attached is not null)
                    {
                        attached.Remove(present);
                        if (badge.Order is { } order && present.Attached.Order != order) plan.Changes.Add(Reorder(entry.Id, present.Attached, order, target, badge, directory));
                        continue;
                    }

                    plan.Changes.Add(Attach(entry.Id, defined.Id, badge, target, directory, null));
                }
                else if (creates.TryGetValue(badge.Target, out var create))
                {
                    plan.Changes.Add(Attach(entry.Id, null, badge, target, directory, create));
                }

                // Otherwise the directory badge was ambiguous (reported): nothing is attached for it.
            }

            foreach (var (extra, badge) in attached)
            {
                if (!prune)
                {
                    plan.LeftAlone++;
                    continue;
                }

                plan.Changes.Add(Detach(entry.Id, extra, $"{entryName} / {badge.Name ?? extra.Name}", directory));
            }
        }
    }

    private static PlannedChange Attach(Guid entryId, Guid? badgeId, EntryBadgeConfiguration wanted, string target, PartnerDirectory directory, PlannedChange? create)
    {
        var path = PartnerPageRoutes.AddEntryBadge.Format(entryId);
        var changes = new List<PropertyChange> { new("badge", null, wanted.Target.Name) };
        if (wanted.Order is { } order) changes.Add(new PropertyChange("order", null, order));
        return new PlannedChange(
            EntryBadgeChange(ChangeActions.Attach, target, directory, entryId, badgeId, wanted.Target.Name, wanted.Line, changes, PartnerPageRoutes.AddEntryBadge, path),
            PlanPhase.Attach,
            async (context, token) =>
            {
                var id = badgeId ?? context.CreatedDirectoryBadges[wanted.Target];
                return (await context.PartnerPageClient.AddBadgeAsync(entryId, id, wanted.Order, token).ConfigureAwait(false)).Id;
            },
            create);
    }

    private static PlannedChange Reorder(Guid entryId, PartnerBadge present, int order, string target, EntryBadgeConfiguration wanted, PartnerDirectory directory)
    {
        var path = PartnerPageRoutes.UpdateEntryBadge.Format(entryId, present.Id);
        return new PlannedChange(
            EntryBadgeChange(ChangeActions.Reorder, target, directory, entryId, present.Id, wanted.Target.Name, wanted.Line, new[] { new PropertyChange("order", present.Order, order) }, PartnerPageRoutes.UpdateEntryBadge, path),
            PlanPhase.Reorder,
            async (context, token) => (await context.PartnerPageClient.UpdateBadgeAsync(entryId, present.Id, new PartnerBadgeChange { Order = order }, token).ConfigureAwait(false)).Id);
    }

    private static PlannedChange Detach(Guid entryId, PartnerBadge extra, string target, PartnerDirectory directory)
    {
        var path = PartnerPageRoutes.RemoveEntryBadge.Format(entryId, extra.Id);
        var changes = new List<PropertyChange> { new("badge", extra.Name, null) };
        if (extra.Order is { } order) changes.Add(new PropertyChange("order", order, null));
        return new PlannedChange(
            EntryBadgeChange(ChangeActions.Detach, target, directory, entryId, extra.Id, extra.Name ?? extra.Id.ToString(), null, changes, PartnerPageRoutes.RemoveEntryBadge, path),
            PlanPhase.Detach,
            async (context, token) =>
            {
                await context.PartnerPageClient.RemoveBadgeAsync(entryId, extra.Id, token).ConfigureAwait(false);
                return extra.Id;
            });
    }

    private static BadgeConfigurationChange DirectoryBadgeChange(string action, string scope, Guid directoryId, Guid? id, string name, int? line,
        IReadOnlyList<PropertyChange> changes, Http.ApiRoute route, string path, string? note = null) => new()
    {
        Service = Service, Kind = ChangeKinds.DirectoryBadge, Action = action, Target = $"{scope} / {name}", Id = id, Name = name, Changes = changes,
        Method = route.Method, Path = "/" + path, Requests = new[] { BadgeConfigurationChange.RequestLine(route, path) }, Scope = scope, ScopeId = directoryId,
        Line = line, Note = note,
    };

    private static BadgeConfigurationChange EntryBadgeChange(string action, string target, PartnerDirectory directory, Guid entryId, Guid? id, string name, int? line,
        IReadOnlyList<PropertyChange> changes, Http.ApiRoute route, string path) => new()
    {
        Service = Service, Kind = ChangeKinds.EntryBadge, Action = action, Target = target, Id = id, Name = name, Changes = changes,
        Method = route.Method, Path = "/" + path, Requests = new[] { BadgeConfigurationChange.RequestLine(route, path) }, Scope = directory.Name ?? directory.Id.ToString(),
        ScopeId = directory.Id, EntryId = entryId, Line = line,
    };

    /// <summary>NameAmbiguous: "The loyalty badge 'Gold' of website 'Main Website' (file line 12) matches 2 …", naming both ids.</summary>
    internal static PlanIssue Ambiguous(string what, string name, int line, IEnumerable<Guid> ids, string where = "")
    {
        var list = ids.ToList();
        return new PlanIssue(PlanIssueKind.NameAmbiguous,
            $"The {what} '{name}'{where} (file line {line}) matches {list.Count} on the server: {string.Join(", ", list)}. Nothing is changed for it; add the id of the one you mean to the file.",
            name);
    }

    internal static string Named(string name, Guid? id) => id is { } value ? $"'{name}' ({value})" : $"'{name}'";
}
