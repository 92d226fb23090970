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
/// the badges of the directories, entries and websites the file names, then the plan. Each item read is shown to
/// <c>onRead</c> (the cmdlets remember them for tab completion).
/// </summary>
internal static class ConfigurationComparer
{
    public static async Task<ConfigurationPlan> CompareAsync(BadgeConfiguration file, PartnerPageClient? partnerPage, SnagClient? snag, Guid? organizationId,
        bool prune, int concurrency, Action<object>? onRead, CancellationToken cancellationToken)
    {
        Task<PartnerPageSnapshot>? partnerPageRead = null;
        Task<ConfigurationPlan>? snagRead = null;
        if (file.PartnerPage is { } directories)
        {
            var client = partnerPage ?? throw new ArgumentNullException(nameof(partnerPage));
            partnerPageRead = SnapshotReader.ReadPartnerPageAsync(client, (listed, entries) => InScope(directories, listed, entries),
                directories.Directories.Any(d => d.Entries.Count > 0), concurrency, onRead, cancellationToken);
        }

        if (file.Snag is { } websites)
        {
            var client = snag ?? throw new ArgumentNullException(nameof(snag));
            snagRead = CompareSnagAsync(client, websites, organizationId, prune, concurrency, onRead, cancellationToken);
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

    /// <summary>
    /// Each website's badges are compared as their pages arrive: the comparing overlaps the listing. The badges of a
    /// website the file names by id are asked for at once, beside the list of websites, rather than after it: a compare
    /// waits for one round trip fewer. If the server has no website of that id, that listing is dropped unread.
    /// </summary>
    private static async Task<ConfigurationPlan> CompareSnagAsync(SnagClient client, SnagConfiguration file, Guid? organizationId, bool prune, int concurrency,
        Action<object>? onRead, CancellationToken cancellationToken)
    {
        var scope = file.OrganizationId ?? organizationId;
        using var gate = new SemaphoreSlim(Math.Max(1, concurrency));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var early = new Dictionary<Guid, (TaskCompletionSource<SnagDiffer.WebsiteDiff?> Diff, Task Listing)>();
        foreach (var id in file.Websites.Select(w => w.Id).OfType<Guid>().Distinct())
        {
            var diff = new TaskCompletionSource<SnagDiffer.WebsiteDiff?>(TaskCreationOptions.RunContinuationsAsynchronously);
            early[id] = (diff, ListBadgesAsync(client, scope, id, diff.Task, gate, onRead, stop.Token));
        }

        var plan = new ConfigurationPlan();
        IReadOnlyList<SnagDiffer.WebsiteDiff> diffs;
        try
        {
            var listed = new List<LoyaltyWebsite>();
            await foreach (var website in client.ListWebsitesAsync(scope, null, SnagRoutes.MaxPageSize, cancellationToken).ConfigureAwait(false))
            {
                onRead?.Invoke(website);
                listed.Add(website);
            }

            onRead?.Invoke(new WholeListing(typeof(LoyaltyWebsite), scope, null, listed.Count));

            diffs = SnagDiffer.Websites(file, listed, organizationId, prune, plan);
        }
        catch
        {
            stop.Cancel();
            foreach (var (diff, _) in early.Values) diff.TrySetResult(null);
            await Task.WhenAll(early.Values.Select(e => e.Listing.ContinueWith(_ => { }, TaskScheduler.Default))).ConfigureAwait(false);
            throw;
        }

        var listings = new List<Task>();
        foreach (var diff in diffs)
        {
            if (early.TryGetValue(diff.WebsiteId, out var started) && started.Diff.TrySetResult(diff)) listings.Add(started.Listing);
            else listings.Add(ListBadgesAsync(client, scope, diff.WebsiteId, Task.FromResult<SnagDiffer.WebsiteDiff?>(diff), gate, onRead, cancellationToken));
        }

        foreach (var (diff, listing) in early.Values)
        {
            if (diff.TrySetResult(null)) listings.Add(listing); // a website not found by its id: its listing stops at its first page
        }

        await Task.WhenAll(listings).ConfigureAwait(false);
        foreach (var diff in diffs) diff.Finish(plan);
        return plan;
    }

    /// <summary>Feeds a website's badges to its comparison once that is known; none when there is none (null).</summary>
    private static async Task ListBadgesAsync(SnagClient client, Guid? scope, Guid websiteId, Task<SnagDiffer.WebsiteDiff?> comparison, SemaphoreSlim gate,
        Action<object>? onRead, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var query = new LoyaltyBadgeQuery { OrganizationId = scope, WebsiteId = websiteId };
            var count = 0L;
            await foreach (var badge in client.ListBadgesAsync(query, SnagRoutes.MaxPageSize, cancellationToken).ConfigureAwait(false))
            {
                if (await comparison.ConfigureAwait(false) is not { } diff) return;
                onRead?.Invoke(badge);
                diff.Offer(badge);
                count++;
            }

            onRead?.Invoke(new WholeListing(typeof(LoyaltyBadge), scope, websiteId, count));
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            // A listing for a website the server turned out not to have is not wanted, nor its failure.
            if (await comparison.ConfigureAwait(false) is null) return;
            throw;
        }
        finally
        {
            gate.Release();
        }
    }
}
