using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Plan;
using BadgeAdmin.Core.Configuration.Server;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.PartnerPage.Models;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Core.Configuration;

/// <summary>
/// Compares a file with the services, sending only reads: each service's collections once (both services at once),
/// the badges of the directories, entries and websites the file names, then the plan.
/// </summary>
internal static class ConfigurationComparer
{
    public static async Task<ConfigurationPlan> CompareAsync(BadgeConfiguration file, PartnerPageClient? partnerPage, SnagClient? snag, Guid? organizationId,
        bool prune, int concurrency, CancellationToken cancellationToken)
    {
        Task<PartnerPageSnapshot>? partnerPageRead = null;
        Task<ConfigurationPlan>? snagRead = null;
        if (file.PartnerPage is { } directories)
        {
            var client = partnerPage ?? throw new ArgumentNullException(nameof(partnerPage));
            partnerPageRead = SnapshotReader.ReadPartnerPageAsync(client, (listed, entries) => InScope(directories, listed, entries),
                directories.Directories.Any(d => d.Entries.Count > 0), concurrency, cancellationToken);
        }

        if (file.Snag is { } websites)
        {
            var client = snag ?? throw new ArgumentNullException(nameof(snag));
            snagRead = CompareSnagAsync(client, websites, organizationId, prune, concurrency, cancellationToken);
        }

        var plan = new ConfigurationPlan();
        if (partnerPageRead is not null) PartnerPageDiffer.Plan(file.PartnerPage!, await partnerPageRead.ConfigureAwait(false), prune, plan);
        if (snagRead is not null)
        {
            var loyalty = await snagRead.ConfigureAwait(false);
            plan.Changes.AddRange(loyalty.Changes);
            plan.Issues.AddRange(loyalty.Issues);
            plan.LeftAlone += loyalty.LeftAlone;
        }

        return plan;
    }

    private static (IEnumerable<Guid>, IEnumerable<Guid>) InScope(PartnerPageConfiguration file, IReadOnlyList<PartnerDirectory> directories, IReadOnlyList<PartnerEntry> entries)
    {
        var matched = ItemMatcher<DirectoryConfiguration, PartnerDirectory>.Match(file.Directories, directories, d => d.Id, d => d.Name, d => d.Id, d => d.Name).Matched;
        var entryIds = matched.SelectMany(m => ItemMatcher<EntryConfiguration, PartnerEntry>.Match(m.File.Entries, entries, e => e.Id, e => e.Name, e => e.Id, e => e.Name).Matched)
            .Select(m => m.Server.Id);
        return (matched.Select(m => m.Server.Id), entryIds);
    }

    /// <summary>Each website's badges are compared as their pages arrive: the comparing overlaps the listing.</summary>
    private static async Task<ConfigurationPlan> CompareSnagAsync(SnagClient client, SnagConfiguration file, Guid? organizationId, bool prune, int concurrency, CancellationToken cancellationToken)
    {
        var scope = file.OrganizationId ?? organizationId;
        var listed = new List<LoyaltyWebsite>();
        await foreach (var website in client.ListWebsitesAsync(scope, null, SnagRoutes.MaxPageSize, cancellationToken).ConfigureAwait(false)) listed.Add(website);
        var plan = new ConfigurationPlan();
        var diffs = SnagDiffer.Websites(file, listed, organizationId, prune, plan);
        using var gate = new SemaphoreSlim(Math.Max(1, concurrency));
        await Task.WhenAll(diffs.Select(async diff =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var query = new LoyaltyBadgeQuery { OrganizationId = scope, WebsiteId = diff.WebsiteId };
                await foreach (var badge in client.ListBadgesAsync(query, SnagRoutes.MaxPageSize, cancellationToken).ConfigureAwait(false)) diff.Offer(badge);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        foreach (var diff in diffs) diff.Finish(plan);
        return plan;
    }
}
