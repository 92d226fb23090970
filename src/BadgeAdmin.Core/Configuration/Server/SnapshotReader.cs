using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.PartnerPage.Models;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Core.Configuration.Server;

/// <summary>
/// Reads each collection once, streaming its pages: the directories and entries (or websites), then the badges of
/// those <c>inScope</c> picks, several lists at once. No item is fetched on its own where a listing has it. Each item
/// read is shown to <c>onRead</c> (the cmdlets remember them for tab completion).
/// </summary>
internal static class SnapshotReader
{
    public static async Task<PartnerPageSnapshot> ReadPartnerPageAsync(PartnerPageClient client,
        Func<IReadOnlyList<PartnerDirectory>, IReadOnlyList<PartnerEntry>, (IEnumerable<Guid> Directories, IEnumerable<Guid> Entries)> inScope,
        bool withEntries, int concurrency, Action<object>? onRead, CancellationToken cancellationToken)
    {
        var directoriesRead = ToListAsync(client.ListDirectoriesAsync(null, cancellationToken), onRead, null, null);
        var entriesRead = withEntries ? ToListAsync(client.ListEntriesAsync(null, cancellationToken), onRead, null, null) : Task.FromResult<IReadOnlyList<PartnerEntry>>(Array.Empty<PartnerEntry>());
        var directories = await directoriesRead.ConfigureAwait(false);
        var entries = await entriesRead.ConfigureAwait(false);
        var (directoryIds, entryIds) = inScope(directories, entries);

        var directoryBadges = await ReadEachAsync(directoryIds.Distinct().ToList(), id => client.ListDirectoryBadgesAsync(id, null, cancellationToken), concurrency, onRead, null, cancellationToken).ConfigureAwait(false);
        var entryBadges = await ReadEachAsync(entryIds.Distinct().ToList(), id => client.ListBadgesAsync(id, null, cancellationToken), concurrency, onRead, null, cancellationToken).ConfigureAwait(false);
        return new PartnerPageSnapshot { Directories = directories, Entries = entries, DirectoryBadges = directoryBadges, EntryBadges = entryBadges };
    }

    public static async Task<SnagSnapshot> ReadSnagAsync(SnagClient client, Guid? organizationId, Func<IReadOnlyList<LoyaltyWebsite>, IEnumerable<Guid>> inScope,
        int concurrency, Action<object>? onRead, CancellationToken cancellationToken)
    {
        var websites = await ToListAsync(client.ListWebsitesAsync(organizationId, null, SnagRoutes.MaxPageSize, cancellationToken), onRead, organizationId, null).ConfigureAwait(false);
        var badges = await ReadEachAsync(inScope(websites).Distinct().ToList(),
            id => client.ListBadgesAsync(new LoyaltyBadgeQuery { OrganizationId = organizationId, WebsiteId = id }, SnagRoutes.MaxPageSize, cancellationToken),
            concurrency, onRead, organizationId, cancellationToken).ConfigureAwait(false);
        return new SnagSnapshot { Websites = websites, Badges = badges };
    }

    private static async Task<IReadOnlyDictionary<Guid, IReadOnlyList<T>>> ReadEachAsync<T>(IReadOnlyList<Guid> ids, Func<Guid, IAsyncEnumerable<T>> list, int concurrency, Action<object>? onRead, Guid? organizationId, CancellationToken cancellationToken)
    {
        var results = new Dictionary<Guid, IReadOnlyList<T>>();
        using var gate = new SemaphoreSlim(Math.Max(1, concurrency));
        var reads = ids.Select(async id =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                return (id, await ToListAsync(list(id), onRead, organizationId, id).ConfigureAwait(false));
            }
            finally
            {
                gate.Release();
            }
        }).ToList();
        foreach (var (id, items) in await Task.WhenAll(reads).ConfigureAwait(false)) results[id] = items;
        return results;
    }

    /// <summary>The items of a whole listing, each shown to <paramref name="onRead"/>, then the <see cref="WholeListing"/> they make.</summary>
    private static async Task<IReadOnlyList<T>> ToListAsync<T>(IAsyncEnumerable<T> items, Action<object>? onRead, Guid? organizationId, Guid? scopeId)
    {
        var list = new List<T>();
        await foreach (var item in items.ConfigureAwait(false))
        {
            onRead?.Invoke(item!);
            list.Add(item);
        }

        onRead?.Invoke(new WholeListing(typeof(T), organizationId, scopeId, list.Count));

        return list;
    }
}
