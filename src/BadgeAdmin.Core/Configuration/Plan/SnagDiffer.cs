using System;
using System.Collections.Generic;
using System.Linq;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Server;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;
using System.Runtime.CompilerServices;
using BadgeAdmin.Core.Performance;

namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>
/// Plans what makes each Snag website's badges match the file: creates, updates of the fields the API can update
/// (name, description, image, visibility, rewards), and for a badge whose conditions differ a Replace (the API cannot
/// change conditions: create the new badge, then delete the old; its holders stay with the old badge). A replace an
/// earlier sync left half done (the new badge created, the old one not deleted) is finished by a Delete of the old one.
/// With -Prune, badges the file does not name are deleted, inside the websites the file names only.
/// </summary>
internal static class SnagDiffer
{
    private const string Service = "Snag";

    public static void Plan(SnagConfiguration file, SnagSnapshot server, Guid? organizationId, bool prune, ConfigurationPlan plan)
    {
        foreach (var diff in Websites(file, server.Websites, organizationId, prune, plan))
        {
            if (server.Badges.TryGetValue(diff.WebsiteId, out var list))
            {
                foreach (var badge in list) diff.Offer(badge);
            }

            diff.Finish(plan);
        }
    }

    /// <summary>
    /// The file's websites found among the server's, each with its comparison to feed, in file order; a website not
    /// found, or whose name fits two, is an issue and is not compared.
    /// </summary>
    public static IReadOnlyList<WebsiteDiff> Websites(SnagConfiguration file, IReadOnlyList<LoyaltyWebsite> listed, Guid? organizationId, bool prune, ConfigurationPlan plan)
    {
        var websites = ItemMatcher<WebsiteConfiguration, LoyaltyWebsite>.Match(file.Websites, listed, w => w.Id, w => w.Name, w => w.Id, w => w.Name);
        foreach (var missing in websites.Missing)
        {
            plan.Issues.Add(new PlanIssue(PlanIssueKind.WebsiteNotFound, $"No loyalty website {PartnerPageDiffer.Named(missing.Name, missing.Id)} (file line {missing.Line}): nothing is compared for it.", (object?)missing.Id ?? missing.Name));
        }

        foreach (var (item, candidates) in websites.Ambiguous) plan.Issues.Add(PartnerPageDiffer.Ambiguous("loyalty website", item.Name, item.Line, candidates.Select(c => c.Id)));
        return websites.Matched.Select(m => new WebsiteDiff(m.File, m.Server, file.OrganizationId ?? organizationId, prune)).ToList();
    }

    /// <summary>
    /// One website's comparison, fed the server's badges as the listing streams them: a badge the file names by id is
    /// compared at once, while the next page is on its way; the rest are paired by name at the end.
    /// </summary>
    internal sealed class WebsiteDiff
    {
        private readonly WebsiteConfiguration _file;
        private readonly LoyaltyWebsite _website;
        private readonly Guid? _organizationId;
        private readonly bool _prune;
        private readonly ItemMatcher<LoyaltyBadgeConfiguration, LoyaltyBadge> _matcher;
        private readonly Dictionary<LoyaltyBadgeConfiguration, List<PropertyChange>> _compared = new();

        public WebsiteDiff(WebsiteConfiguration file, LoyaltyWebsite website, Guid? organizationId, bool prune)
        {
            _file = file;
            _website = website;
            _organizationId = organizationId;
            _prune = prune;
            _matcher = new ItemMatcher<LoyaltyBadgeConfiguration, LoyaltyBadge>(file.Badges, b => b.Id, b => b.Name, b => b.Id, b => b.Name);
        }

        private string Scope => _website.Name ?? _file.Name;

        public Guid WebsiteId => _website.Id;

        /// <summary>A badge of the website, as listed; deleted ones are not the website's any more.</summary>
        [MethodImpl(HotPath.Optimized)]
        public void Offer(LoyaltyBadge badge)
        {
            if (badge.DeletedAt is not null) return;
            if (_matcher.Offer(badge) is { } named) _compared[named] = Differences(named, badge);
        }

        public void Finish(ConfigurationPlan plan)
        {
            _matcher.Finish();
            foreach (var (item, candidates) in _matcher.Ambiguous) plan.Issues.Add(PartnerPageDiffer.Ambiguous("loyalty badge", item.Name, item.Line, candidates.Select(c => c.Id), $" of website '{Scope}'"));
            var replacements = new Replacements(_matcher.Unnamed);
            foreach (var (wanted, existing) in _matcher.Matched)
            {
                var changes = _compared.TryGetValue(wanted, out var known) ? known : Differences(wanted, existing);
                if (changes.Count == 0) continue;
                if (!changes.Any(c => c.Property == "conditions"))
                {
                    plan.Changes.Add(Update(wanted, existing, changes, _website, Scope));
                }
                else if (wanted.Id == existing.Id && replacements.Of(wanted) is { Count: > 0 } made)
                {
                    if (made.Count > 1)
                    {
                        plan.Issues.Add(PartnerPageDiffer.Ambiguous("loyalty badge", wanted.Name, wanted.Line, made.Select(b => b.Id), $" of website '{Scope}' with the file's conditions"));
                        continue;
                    }

                    plan.Changes.Add(FinishReplace(wanted, existing, made[0], _website, Scope));
                    if (Differences(wanted, made[0]) is { Count: > 0 } rest) plan.Changes.Add(Update(wanted, made[0], rest, _website, Scope));
                }
                else if (_organizationId is { } org)
                {
                    plan.Changes.Add(Replace(wanted, existing, changes, _website, Scope, org));
                }
                else
                {
                    plan.Issues.Add(OrganizationMissing(wanted, "has other conditions in the file and would be replaced", existing.Id));
                }
            }

            foreach (var wanted in _matcher.Missing)
            {
                if (_organizationId is not { } org)
                {
                    plan.Issues.Add(OrganizationMissing(wanted, "would be created", wanted.Name));
                    continue;
                }

                var create = ToCreate(wanted, _website.Id, org);
                var path = SnagRoutes.CreateBadge.Format();
                plan.Changes.Add(new PlannedChange(
                    LoyaltyChange(ChangeActions.Create, _website, Scope, null, wanted.Name, wanted.Line, Differences(wanted, null), new[] { BadgeConfigurationChange.RequestLine(SnagRoutes.CreateBadge, path) }, SnagRoutes.CreateBadge, path),
                    PlanPhase.Create,
                    async (context, token) => (await context.SnagClient.CreateBadgeAsync(create, token).ConfigureAwait(false)).Id));
            }

            foreach (var extra in _matcher.Unnamed)
            {
                if (replacements.Taken(extra)) continue;
                if (!_prune)
                {
                    plan.LeftAlone++;
                    continue;
                }

                var path = SnagRoutes.DeleteBadge.Format(extra.Id);
                var holders = extra.Holders;
                plan.Changes.Add(new PlannedChange(
                    LoyaltyChange(ChangeActions.Delete, _website, Scope, extra.Id, extra.Name ?? extra.Id.ToString(), null, new[] { new PropertyChange("name", extra.Name, null) },
                        new[] { BadgeConfigurationChange.RequestLine(SnagRoutes.DeleteBadge, path) }, SnagRoutes.DeleteBadge, path, holders,
                        holders switch
                        {
                            > 0 => $"{holders} user(s) hold it; deleting it takes it from them.",
                            0 => "Nobody holds it.",
                            _ => "Whoever holds it loses it.",
                        }),
                    PlanPhase.Delete,
                    async (context, token) => (await context.SnagClient.DeleteBadgeAsync(extra.Id, token).ConfigureAwait(false)).Id));
            }
        }
    }

    private static PlannedChange Update(LoyaltyBadgeConfiguration wanted, LoyaltyBadge existing, IReadOnlyList<PropertyChange> changes, LoyaltyWebsite website, string scope)
    {
        bool Changes(string property) => changes.Any(c => c.Property == property);
        var update = new LoyaltyBadgeUpdate
        {
            Name = Changes("name") ? wanted.Name : null,
            Description = Changes("description") ? wanted.Description ?? string.Empty : null,
            ImageUrl = Changes("imageUrl") ? wanted.ImageUrl : null,
            HideInUi = Changes("hideInUi") ? wanted.HideInUi : null,
            Rewards = Changes("rewards") ? wanted.Rewards : null,
        };
        var path = SnagRoutes.UpdateBadge.Format(existing.Id);
        return new PlannedChange(
            LoyaltyChange(ChangeActions.Update, website, scope, existing.Id, wanted.Name, wanted.Line, changes, new[] { BadgeConfigurationChange.RequestLine(SnagRoutes.UpdateBadge, path) }, SnagRoutes.UpdateBadge, path),
            PlanPhase.Update,
            async (context, token) => (await context.SnagClient.UpdateBadgeAsync(existing.Id, update, token).ConfigureAwait(false)).Id);
    }

    /// <summary>
    /// The new badge is created first, then the old one deleted: if the create fails, nothing has changed. If the delete
    /// fails, both badges are there, and a rerun finds the old one by the file's id and the new one by its name and
    /// conditions, and only deletes the old one (<see cref="FinishReplace"/>).
    /// </summary>
    private static PlannedChange Replace(LoyaltyBadgeConfiguration wanted, LoyaltyBadge existing, IReadOnlyList<PropertyChange> changes, LoyaltyWebsite website, string scope,
        Guid organizationId)
    {
        var holders = existing.Holders;
        var create = SnagRoutes.CreateBadge.Format();
        var delete = SnagRoutes.DeleteBadge.Format(existing.Id);
        var note = $"Snag cannot change a badge's conditions, so a new badge is created with the file's conditions, then this one is deleted; its {holders} holder(s) do not move to the new badge.";
        var body = ToCreate(wanted, website.Id, organizationId);
        var target = $"{scope} / {wanted.Name}";
        return new PlannedChange(
            LoyaltyChange(ChangeActions.Replace, website, scope, existing.Id, wanted.Name, wanted.Line, changes,
                new[] { BadgeConfigurationChange.RequestLine(SnagRoutes.CreateBadge, create), BadgeConfigurationChange.RequestLine(SnagRoutes.DeleteBadge, delete) },
                SnagRoutes.CreateBadge, create, holders, note),
            PlanPhase.Create,
            async (context, token) =>
            {
                var created = await context.SnagClient.CreateBadgeAsync(body, token).ConfigureAwait(false);
                try
                {
                    await context.SnagClient.DeleteBadgeAsync(existing.Id, token).ConfigureAwait(false);
                }
                catch (ApiException failure) when (!token.IsCancellationRequested)
                {
                    throw new ReplaceIncompleteException(target, created.Id, existing.Id, wanted.Id == existing.Id, failure);
                }

                return created.Id;
            });
    }

    /// <summary>
    /// The rest of a replace an earlier sync began: the file's badge is on the server twice, the old one (by the file's
    /// id, with other conditions) and the new one (same name, the file's conditions). The old one is deleted, with
    /// -AllowReplace as the replace was; nothing is created again.
    /// </summary>
    private static PlannedChange FinishReplace(LoyaltyBadgeConfiguration wanted, LoyaltyBadge old, LoyaltyBadge replacement, LoyaltyWebsite website, string scope)
    {
        var path = SnagRoutes.DeleteBadge.Format(old.Id);
        var holders = old.Holders;
        var note = $"Finishes a replace: the badge {replacement.Id} of this name already has the file's conditions (an earlier sync created it, then could not delete this one). " +
            $"This one is deleted; its {holders} holder(s) stay with it.";
        var change = LoyaltyChange(ChangeActions.Delete, website, scope, old.Id, wanted.Name, wanted.Line,
            new[] { new PropertyChange("conditions", LoyaltyBadgeForm.CompareForm(old.Conditions), null) },
            new[] { BadgeConfigurationChange.RequestLine(SnagRoutes.DeleteBadge, path) }, SnagRoutes.DeleteBadge, path, holders, note, replacement.Id);
        return new PlannedChange(change, PlanPhase.Delete, async (context, token) => (await context.SnagClient.DeleteBadgeAsync(old.Id, token).ConfigureAwait(false)).Id);
    }

    private static PlanIssue OrganizationMissing(LoyaltyBadgeConfiguration wanted, string what, object target) => new(PlanIssueKind.OrganizationMissing,
        $"The loyalty badge '{wanted.Name}' (file line {wanted.Line}) {what}, which needs an organization id: add 'organizationId' to the file's snag section, or to the connection.",
        target);

    /// <summary>Each managed property that differs; with no server badge, every property the file gives (a create).</summary>
    [MethodImpl(HotPath.Optimized)]
    private static List<PropertyChange> Differences(LoyaltyBadgeConfiguration wanted, LoyaltyBadge? existing)
    {
        var changes = new List<PropertyChange>();
        void Compare(string property, object? before, object? after, bool differ)
        {
            if (differ) changes.Add(new PropertyChange(property, before, after));
        }

        Compare("name", existing?.Name, wanted.Name, !string.Equals(existing?.Name, wanted.Name, StringComparison.Ordinal));
        if (wanted.HasDescription)
        {
            var before = existing?.Description ?? string.Empty;
            var after = wanted.Description ?? string.Empty;
            Compare("description", existing?.Description, wanted.Description, !string.Equals(before, after, StringComparison.Ordinal) || (existing is null && after.Length > 0));
        }

        Compare("imageUrl", existing?.ImageUrl, wanted.ImageUrl, !string.Equals(existing?.ImageUrl, wanted.ImageUrl, StringComparison.Ordinal));
        if (wanted.HideInUi is { } hide) Compare("hideInUi", existing?.HideInUi ?? (existing is null ? null : false), hide, existing is null ? hide : (existing.HideInUi ?? false) != hide);
        // The forms are built only to show a difference: deciding one compares the fields.
        if (existing is null || !LoyaltyBadgeForm.Same(wanted.Conditions, existing.Conditions))
        {
            Compare("conditions", existing is null ? null : LoyaltyBadgeForm.CompareForm(existing.Conditions), LoyaltyBadgeForm.CompareForm(wanted.Conditions), true);
        }

        if (wanted.Rewards is not null && (existing is null ? wanted.Rewards.Count > 0 : !LoyaltyBadgeForm.Same(wanted.Rewards, existing.Rewards)))
        {
            Compare("rewards", existing is null ? null : LoyaltyBadgeForm.CompareForm(existing.Rewards), LoyaltyBadgeForm.CompareForm(wanted.Rewards), true);
        }

        return changes;
    }

    private static LoyaltyBadgeCreate ToCreate(LoyaltyBadgeConfiguration wanted, Guid websiteId, Guid organizationId) => new()
    {
        OrganizationId = organizationId,
        WebsiteId = websiteId,
        Name = wanted.Name,
        ImageUrl = wanted.ImageUrl,
        Conditions = wanted.Conditions,
        Description = string.IsNullOrEmpty(wanted.Description) ? null : wanted.Description,
        HideInUi = wanted.HideInUi,
        Rewards = wanted.Rewards is { Count: > 0 } ? wanted.Rewards : null,
    };

    private static BadgeConfigurationChange LoyaltyChange(string action, LoyaltyWebsite website, string scope, Guid? id, string name, int? line, IReadOnlyList<PropertyChange> changes,
        IReadOnlyList<string> requests, ApiRoute route, string path, int? holders = null, string? note = null, Guid? replacedBy = null) => new()
    {
        Service = Service, Kind = ChangeKinds.LoyaltyBadge, Action = action, Target = $"{scope} / {name}", Id = id, Name = name, Changes = changes,
        Method = route.Method, Path = "/" + path, Requests = requests, Scope = scope, ScopeId = website.Id, Line = line, Holders = holders, Note = note, ReplacedBy = replacedBy,
    };

    /// <summary>
    /// Badges the file does not name that an earlier replace may have created: by exact name, and found only for a
    /// badge whose conditions differ, so a compare with nothing to replace never looks.
    /// </summary>
    private sealed class Replacements
    {
        private readonly List<LoyaltyBadge> _unnamed;
        private readonly HashSet<LoyaltyBadge> _taken = new();
        private Dictionary<string, List<LoyaltyBadge>>? _byName;

        public Replacements(List<LoyaltyBadge> unnamed) => _unnamed = unnamed;

        /// <summary>The badges of the file badge's name whose conditions are the file's; each is taken (not pruned, not counted as left alone).</summary>
        public List<LoyaltyBadge> Of(LoyaltyBadgeConfiguration wanted)
        {
            _byName ??= _unnamed.GroupBy(b => b.Name ?? string.Empty, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            var made = _byName.TryGetValue(wanted.Name, out var named) ? named.FindAll(b => LoyaltyBadgeForm.Same(wanted.Conditions, b.Conditions)) : new List<LoyaltyBadge>();
            _taken.UnionWith(made);
            return made;
        }

        public bool Taken(LoyaltyBadge badge) => _taken.Contains(badge);
    }
}
