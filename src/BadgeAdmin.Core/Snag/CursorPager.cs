using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Core.Snag;

/// <summary>
/// Snag's cursor paging: request with <c>limit</c>; while <c>hasNextPage</c>, request again with
/// <c>startingAfter</c> = the last item's id (api-reference §1.6). Holds one page at a time, and refuses a server
/// that would make it loop (a page that claims more but is empty, or a cursor that repeats).
/// </summary>
internal sealed class CursorPager<T>
{
    private readonly JsonApiClient _api;
    private readonly ApiRoute _route;
    private readonly QueryString _filters;
    private readonly int _pageSize;
    private readonly Func<T, Guid> _idOf;
    private readonly Func<HttpResponseMessage, CancellationToken, Task<(List<T> Items, bool HasNextPage)>> _readPage;

    // readPage reads one page from the response: straight from the stream (streamed), or buffered when its shape must be sniffed first.
    public CursorPager(JsonApiClient api, ApiRoute route, QueryString filters, int pageSize, Func<T, Guid> idOf,
        Func<HttpResponseMessage, CancellationToken, Task<(List<T> Items, bool HasNextPage)>> readPage, bool streamed)
    {
        _api = api;
        _route = route;
        _filters = filters;
        _pageSize = pageSize;
        _idOf = idOf;
        _readPage = readPage;
        _streamed = streamed;
    }

    private readonly bool _streamed;

    /// <summary>
    /// The items, page by page. With <paramref name="readAhead"/>, once the consumer has taken half of a page the next
    /// page is requested, so the server's work and the reading of that page overlap with the consumer's work on this
    /// one; at most two pages are held. A consumer that stops in the first half of a page causes no further request, and
    /// none is read ahead past <paramref name="maxItems"/> (what -First/-Skip can use).
    /// </summary>
    public async IAsyncEnumerable<T> ReadAsync(bool readAhead, long? maxItems, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filters = _filters.ToString();
        var seen = new HashSet<Guid>();
        using var ahead = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task<(List<T> Items, bool HasNextPage)>? next = ReadPageAsync(filters, null, seen, cancellationToken);
        long produced = 0;
        try
        {
            while (next is not null)
            {
                var (items, hasNextPage) = await next.ConfigureAwait(false);
                next = null;
                Guid? cursor = hasNextPage ? _idOf(items[items.Count - 1]) : null;
                var readAheadAt = readAhead && (maxItems is null || produced + items.Count < maxItems) ? items.Count / 2 : int.MaxValue;
                for (var i = 0; i < items.Count; i++)
                {
                    if (i == readAheadAt && cursor is not null) next = ReadPageAsync(filters, cursor, seen, ahead.Token);
                    produced++;
                    yield return items[i];
                }

                if (cursor is null) yield break;
                next ??= ReadPageAsync(filters, cursor, seen, cancellationToken);
            }
        }
        finally
        {
            if (next is not null)
            {
                // The consumer stopped with a page on its way: cancel it, and wait so its response is disposed.
                ahead.Cancel();
                try
                {
                    await next.ConfigureAwait(false);
                }
                catch (Exception)
                {
                    // Nobody wants that page any more, nor its failure.
                }
            }
        }
    }

    private async Task<(List<T> Items, bool HasNextPage)> ReadPageAsync(string filters, Guid? cursor, HashSet<Guid> seen, CancellationToken cancellationToken)
    {
        var query = filters + (filters.Length == 0 ? "?" : "&") + "limit=" + _pageSize
                    + (cursor is { } after ? "&startingAfter=" + after.ToString("D") : string.Empty);
        using var response = await _api.SendAsync(_route.CallAt(_route.Format() + query), null, RequestIntent.Idempotent, cancellationToken, _streamed).ConfigureAwait(false);
        var (items, hasNextPage) = await _readPage(response, cancellationToken).ConfigureAwait(false);
        if (items.Exists(i => i is null)) throw _api.Bodies.Invalid(response, "a list with a null item");
        if (hasNextPage && items.Count == 0) throw _api.Bodies.Invalid(response, "hasNextPage true on an empty page; there is no cursor to continue from");
        if (hasNextPage && !seen.Add(_idOf(items[items.Count - 1]))) throw _api.Bodies.Invalid(response, "a page that ends where an earlier one did; the cursor would loop");
        return (items, hasNextPage);
    }
}
