using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Pacing;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Core.PartnerPage;

/// <summary>
/// PartnerPage directories, their badges, partner entries and the badges attached to them. Every route comes from <see cref="PartnerPageRoutes"/>; every
/// failure is an <see cref="ApiException"/>. Lists stream page by page and stop asking when the caller stops reading.
/// </summary>
public sealed class PartnerPageClient : IDisposable
{
    private static readonly PartnerPageJsonContext Json = PartnerPageJsonContext.Default;
    private readonly JsonApiClient _api;

    /// <param name="settings">Address, key and retry settings.</param>
    /// <param name="pacer">Shared by every client of one connection; a new one when not given.</param>
    public PartnerPageClient(ConnectionSettings settings, SendRatePacer? pacer = null) => _api = new JsonApiClient(settings, pacer);

    /// <param name="onTotal">Called with the envelope's <c>count</c> (the total across pages) when the server sends one.</param>
    /// <param name="cancellationToken">Cancels the request in flight.</param>
    public IAsyncEnumerable<PartnerEntry> ListEntriesAsync(Action<int>? onTotal = null, CancellationToken cancellationToken = default) =>
        ListAsync(PartnerPageRoutes.ListEntries.Call(), Json.ListPartnerEntry, Json.PartnerPageListPagePartnerEntry, onTotal, cancellationToken);

    public async Task<PartnerEntry> GetEntryAsync(Guid entryId, CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendAsync(PartnerPageRoutes.GetEntry.Call(entryId), null, RequestIntent.Idempotent, cancellationToken).ConfigureAwait(false);
        return await _api.ReadJsonAsync(response, Json.PartnerEntry).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<PartnerBadge> ListBadgesAsync(Guid entryId, Action<int>? onTotal = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var badges = ListAsync(PartnerPageRoutes.ListEntryBadges.Call(entryId), Json.ListPartnerBadge, Json.PartnerPageListPagePartnerBadge, onTotal, cancellationToken);
        await foreach (var badge in badges.ConfigureAwait(false))
        {
            badge.EntryId = entryId;
            yield return badge;
        }
    }

    public async Task<PartnerBadge> GetBadgeAsync(Guid entryId, Guid badgeId, CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendAsync(PartnerPageRoutes.GetEntryBadge.Call(entryId, badgeId), null, RequestIntent.Idempotent, cancellationToken).ConfigureAwait(false);
        return await ReadBadgeAsync(response, entryId).ConfigureAwait(false);
    }

    /// <summary>Attaches a directory badge to an entry. Not idempotent: a repeat could attach it twice.</summary>
    public async Task<PartnerBadge> AddBadgeAsync(Guid entryId, Guid badgeId, int? order, CancellationToken cancellationToken = default)
    {
        var body = new PartnerBadgeChange { Id = badgeId, Order = order };
        using var response = await _api.SendJsonAsync(PartnerPageRoutes.AddEntryBadge.Call(entryId), body, Json.PartnerBadgeChange, RequestIntent.NotIdempotent, cancellationToken).ConfigureAwait(false);
        return await ReadBadgeAsync(response, entryId).ConfigureAwait(false);
    }

    /// <summary>The documented PATCH: sends only the fields given.</summary>
    public async Task<PartnerBadge> UpdateBadgeAsync(Guid entryId, Guid badgeId, PartnerBadgeChange change, CancellationToken cancellationToken = default)
    {
        if (change.Id is null && change.Order is null) throw new ArgumentException("The change sets no field; give an order or a badge id.", nameof(change));
        using var response = await _api.SendJsonAsync(PartnerPageRoutes.UpdateEntryBadge.Call(entryId, badgeId), change, Json.PartnerBadgeChange, RequestIntent.Idempotent, cancellationToken).ConfigureAwait(false);
        return await ReadBadgeAsync(response, entryId).ConfigureAwait(false);
    }

    /// <summary>Detaches a badge. Returns the server's account of the removed badge when it sends one, else null.</summary>
    public async Task<PartnerBadge?> RemoveBadgeAsync(Guid entryId, Guid badgeId, CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendAsync(PartnerPageRoutes.RemoveEntryBadge.Call(entryId, badgeId), null, RequestIntent.Idempotent, cancellationToken).ConfigureAwait(false);
        return HasBody(response) ? await ReadBadgeAsync(response, entryId).ConfigureAwait(false) : null;
    }

    /// <param name="onTotal">Called with the envelope's <c>count</c> when the server sends one.</param>
    /// <param name="cancellationToken">Cancels the request in flight.</param>
    public IAsyncEnumerable<PartnerDirectory> ListDirectoriesAsync(Action<int>? onTotal = null, CancellationToken cancellationToken = default) =>
        ListAsync(PartnerPageRoutes.ListDirectories.Call(), Json.ListPartnerDirectory, Json.PartnerPageListPagePartnerDirectory, onTotal, cancellationToken);

    public async Task<PartnerDirectory> GetDirectoryAsync(Guid directoryId, CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendAsync(PartnerPageRoutes.GetDirectory.Call(directoryId), null, RequestIntent.Idempotent, cancellationToken).ConfigureAwait(false);
        return await _api.ReadJsonAsync(response, Json.PartnerDirectory).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<PartnerDirectoryBadge> ListDirectoryBadgesAsync(Guid directoryId, Action<int>? onTotal = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var badges = ListAsync(PartnerPageRoutes.ListDirectoryBadges.Call(directoryId), Json.ListPartnerDirectoryBadge, Json.PartnerPageListPagePartnerDirectoryBadge, onTotal, cancellationToken);
        await foreach (var badge in badges.ConfigureAwait(false))
        {
            badge.DirectoryId = directoryId;
            yield return badge;
        }
    }

    public async Task<PartnerDirectoryBadge> GetDirectoryBadgeAsync(Guid directoryId, Guid badgeId, CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendAsync(PartnerPageRoutes.GetDirectoryBadge.Call(directoryId, badgeId), null, RequestIntent.Idempotent, cancellationToken).ConfigureAwait(false);
        return await ReadDirectoryBadgeAsync(response, directoryId).ConfigureAwait(false);
    }

    /// <summary>Creates a directory badge from a name and an image URL. Not idempotent: a repeat could create it twice.</summary>
    public async Task<PartnerDirectoryBadge> CreateDirectoryBadgeAsync(Guid directoryId, PartnerDirectoryBadgeChange badge, CancellationToken cancellationToken = default)
    {
        if (badge.Name is null || badge.Image is null) throw new ArgumentException("A new directory badge needs a name and an image.", nameof(badge));
        using var response = await _api.SendJsonAsync(PartnerPageRoutes.CreateDirectoryBadge.Call(directoryId), badge, Json.PartnerDirectoryBadgeChange, RequestIntent.NotIdempotent, cancellationToken).ConfigureAwait(false);
        return await ReadDirectoryBadgeAsync(response, directoryId).ConfigureAwait(false);
    }

    /// <summary>A PATCH with only the fields given [I].</summary>
    public async Task<PartnerDirectoryBadge> UpdateDirectoryBadgeAsync(Guid directoryId, Guid badgeId, PartnerDirectoryBadgeChange change, CancellationToken cancellationToken = default)
    {
        if (change.IsEmpty) throw new ArgumentException("The change sets no field; give a name or an image.", nameof(change));
        using var response = await _api.SendJsonAsync(PartnerPageRoutes.UpdateDirectoryBadge.Call(directoryId, badgeId), change, Json.PartnerDirectoryBadgeChange, RequestIntent.Idempotent, cancellationToken).ConfigureAwait(false);
        return await ReadDirectoryBadgeAsync(response, directoryId).ConfigureAwait(false);
    }

    /// <summary>Deletes a directory badge. Returns the server's account of it when it sends one, else null.</summary>
    public async Task<PartnerDirectoryBadge?> DeleteDirectoryBadgeAsync(Guid directoryId, Guid badgeId, CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendAsync(PartnerPageRoutes.DeleteDirectoryBadge.Call(directoryId, badgeId), null, RequestIntent.Idempotent, cancellationToken).ConfigureAwait(false);
        return HasBody(response) ? await ReadDirectoryBadgeAsync(response, directoryId).ConfigureAwait(false) : null;
    }

    private async Task<PartnerDirectoryBadge> ReadDirectoryBadgeAsync(HttpResponseMessage response, Guid directoryId)
    {
        var badge = await _api.ReadJsonAsync(response, Json.PartnerDirectoryBadge).ConfigureAwait(false);
        badge.DirectoryId = directoryId;
        return badge;
    }

    private static bool HasBody(HttpResponseMessage response) =>
        response.StatusCode != System.Net.HttpStatusCode.NoContent && response.Content.Headers.ContentLength != 0;

    private async Task<PartnerBadge> ReadBadgeAsync(HttpResponseMessage response, Guid entryId)
    {
        var badge = await _api.ReadJsonAsync(response, Json.PartnerBadge).ConfigureAwait(false);
        badge.EntryId = entryId;
        return badge;
    }

    /// <summary>
    /// Reads a listing in either undocumented shape: a bare array (one page) or the envelope {count, next, previous,
    /// results}, following <c>next</c>. A <c>next</c> link to another host is refused: the key must not travel there.
    /// </summary>
    private async IAsyncEnumerable<T> ListAsync<T>(RouteCall first, JsonTypeInfo<List<T>> arrayType, JsonTypeInfo<PartnerPageListPage<T>> pageType,
        Action<int>? onTotal, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal);
        string? next = first.PathOrUri;
        while (next is not null)
        {
            List<T> items;
            string? nextLink = null;
            using (var response = await _api.SendAsync(first.Route.CallAt(next), null, RequestIntent.Idempotent, cancellationToken).ConfigureAwait(false))
            {
                var body = await _api.Bodies.ReadBufferedAsync(response).ConfigureAwait(false);
                switch (body.FirstToken)
                {
                    case '[':
                        items = body.Deserialize(arrayType);
                        if (visited.Count == 0) onTotal?.Invoke(items.Count);
                        break;
                    case '{':
                        var page = body.Deserialize(pageType);
                        items = page.Results ?? throw body.Invalid("a list object without 'results'");
                        nextLink = page.Next;
                        if (visited.Count == 0 && page.Count is { } total) onTotal?.Invoke(total);
                        break;
                    default:
                        throw body.Invalid("neither a JSON array nor a list object");
                }

                if (items.Exists(i => i is null)) throw body.Invalid("a list with a null item");
                next = ResolveNext(nextLink, body, visited);
            }

            foreach (var item in items)
            {
                yield return item;
            }
        }
    }

    private string? ResolveNext(string? link, JsonBody body, HashSet<string> visited)
    {
        if (string.IsNullOrEmpty(link)) return null;
        if (!Uri.TryCreate(link, UriKind.RelativeOrAbsolute, out var uri)) throw body.Invalid($"a 'next' link that is not a URL ('{link}')");
        var absolute = uri.IsAbsoluteUri ? uri : new Uri(_api.BaseUri, uri);
        if (!BaseUriPolicy.IsSameOrigin(_api.BaseUri, absolute))
        {
            throw body.Invalid($"a 'next' link to another host ({absolute.GetLeftPart(UriPartial.Authority)}); the API key is not sent there");
        }

        if (!visited.Add(absolute.AbsoluteUri)) throw body.Invalid($"a 'next' link that repeats an earlier page ({absolute.PathAndQuery})");
        return absolute.AbsoluteUri;
    }

    public void Dispose() => _api.Dispose();
}
