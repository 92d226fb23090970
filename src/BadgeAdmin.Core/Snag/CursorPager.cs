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
    private readonly string _path;
    private readonly QueryString _filters;
    private readonly int _pageSize;
    private readonly Func<T, Guid> _idOf;
    private readonly Func<HttpResponseMessage, CancellationToken, Task<(List<T> Items, bool HasNextPage)>> _readPage;

    // readPage reads one page from the response: straight from the stream (streamed), or buffered when its shape must be sniffed first.
    public CursorPager(JsonApiClient api, string path, QueryString filters, int pageSize, Func<T, Guid> idOf,
        Func<HttpResponseMessage, CancellationToken, Task<(List<T> Items, bool HasNextPage)>> readPage, bool streamed)
    {
        _api = api;
        _path = path;
        _filters = filters;
        _pageSize = pageSize;
        _idOf = idOf;
        _readPage = readPage;
        _streamed = streamed;
    }

    private readonly bool _streamed;

    public async IAsyncEnumerable<T> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filters = _filters.ToString();
        var seen = new HashSet<Guid>();
        Guid? cursor = null;
        while (true)
        {
            var query = filters + (filters.Length == 0 ? "?" : "&") + "limit=" + _pageSize
                        + (cursor is { } after ? "&startingAfter=" + after.ToString("D") : string.Empty);
            List<T> items;
            bool hasNextPage;
            using (var response = await _api.SendAsync(HttpMethod.Get, _path + query, null, RequestIntent.Idempotent, cancellationToken, _streamed).ConfigureAwait(false))
            {
                (items, hasNextPage) = await _readPage(response, cancellationToken).ConfigureAwait(false);
                if (items.Exists(i => i is null)) throw _api.Invalid(response, "a list with a null item");
                if (hasNextPage && items.Count == 0) throw _api.Invalid(response, "hasNextPage true on an empty page; there is no cursor to continue from");
                if (hasNextPage && !seen.Add(_idOf(items[items.Count - 1]))) throw _api.Invalid(response, "a page that ends where an earlier one did; the cursor would loop");
            }

            foreach (var item in items)
            {
                yield return item;
            }

            if (!hasNextPage) yield break;
            cursor = _idOf(items[items.Count - 1]);
        }
    }
}
