using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Text.Json.Serialization.Metadata;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Pacing;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Core.Snag;

/// <summary>
/// Snag loyalty badges, their users and websites. Listings follow the cursor (<c>limit</c> up to 1000,
/// <c>startingAfter</c> = the last item's id, while <c>hasNextPage</c>) and stream page by page; a caller that stops
/// reading stops the paging. Every route comes from <see cref="SnagRoutes"/>.
/// </summary>
public sealed class SnagClient : IDisposable
{
    /// <summary>Ids per request when fetching badges by id, so a long -Id list never makes an over-long URL.</summary>
    public const int BadgeIdsPerRequest = 100;

    private static readonly SnagJsonContext Json = SnagJsonContext.Default;
    private readonly JsonApiClient _api;

    /// <param name="settings">Address, key and retry settings.</param>
    /// <param name="pacer">Shared by every client of one connection; a new one when not given.</param>
    public SnagClient(ConnectionSettings settings, SendRatePacer? pacer = null) => _api = new JsonApiClient(settings, pacer);

    public async IAsyncEnumerable<LoyaltyBadge> ListBadgesAsync(LoyaltyBadgeQuery query, int pageSize = SnagRoutes.MaxPageSize,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        var idChunks = new List<Guid[]?>();
        if (query.BadgeIds is { Count: > 0 } ids)
        {
            for (var start = 0; start < ids.Count; start += BadgeIdsPerRequest) idChunks.Add(ids.Skip(start).Take(BadgeIdsPerRequest).ToArray());
        }
        else
        {
            idChunks.Add(null);
        }

        foreach (var chunk in idChunks)
        {
            var filters = new QueryString()
                .Add("organizationId", query.OrganizationId)
                .Add("websiteId", query.WebsiteId)
                .AddEach("badgeIds", chunk)
                .AddEach("userId", query.UserIds)
                .AddEach("walletAddress", query.WalletAddresses)
                .Add("userGroupId", query.UserGroupId)
                .Add("userGroupExternalIdentifier", query.UserGroupExternalIdentifier)
                .Add("includeDeleted", query.IncludeDeleted ? true : null);
            await foreach (var badge in PagesAsync(SnagRoutes.ListBadges, filters, pageSize, Json.SnagPageLoyaltyBadge, b => b.Id, readAhead: true, query.MaxItems, cancellationToken).ConfigureAwait(false))
            {
                badge.UserBadgesArePartial = query.IsForSomeUsers;
                yield return badge;
            }
        }
    }

    /// <summary>One badge by id (one small request), or null when there is none (the API answers an unknown id with an empty list).</summary>
    public async Task<LoyaltyBadge?> FindBadgeAsync(Guid badgeId, CancellationToken cancellationToken = default)
    {
        await foreach (var badge in ListBadgesAsync(new LoyaltyBadgeQuery { BadgeIds = new[] { badgeId }, MaxItems = 1 }, 1, cancellationToken).ConfigureAwait(false)) return badge;
        return null;
    }

    public async Task<LoyaltyBadge> CreateBadgeAsync(LoyaltyBadgeCreate badge, CancellationToken cancellationToken = default)
    {
        var body = badge.ToBody();
        using var response = await _api.SendJsonAsync(SnagRoutes.CreateBadge.Call(), body, Json.BadgeCreateBody, RequestIntent.NotIdempotent, cancellationToken).ConfigureAwait(false);
        return await _api.ReadJsonAsync(response, Json.LoyaltyBadge).ConfigureAwait(false);
    }

    /// <summary>POST /api/loyalty/badges/{id} with only the fields set. Conditions cannot be changed (api-reference §1.2).</summary>
    public async Task<LoyaltyBadge> UpdateBadgeAsync(Guid badgeId, LoyaltyBadgeUpdate update, CancellationToken cancellationToken = default)
    {
        if (update.IsEmpty) throw new ArgumentException("The update sets no field; give a name, description, image URL, hide-in-UI value, rewards or CSV files.", nameof(update));
        if (update.Problems() is { Count: > 0 } problems) throw new ArgumentException(string.Join(" ", problems), nameof(update));
        using var response = await _api.SendJsonAsync(SnagRoutes.UpdateBadge.Call(badgeId), update, Json.LoyaltyBadgeUpdate, RequestIntent.Idempotent, cancellationToken).ConfigureAwait(false);
        return await _api.ReadJsonAsync(response, Json.LoyaltyBadge).ConfigureAwait(false);
    }

    /// <summary>Deletes a badge and returns it as it was (the API answers with the deleted badge).</summary>
    public async Task<LoyaltyBadge> DeleteBadgeAsync(Guid badgeId, CancellationToken cancellationToken = default)
    {
        using var response = await _api.SendAsync(SnagRoutes.DeleteBadge.Call(badgeId), null, RequestIntent.Idempotent, cancellationToken).ConfigureAwait(false);
        return await _api.ReadJsonAsync(response, Json.LoyaltyBadge).ConfigureAwait(false);
    }

    /// <summary>Awards a badge to a user (by id or wallet). Not idempotent: retried only when the server certainly did not act.</summary>
    public Task<LoyaltyBadgeUserChange> GrantAsync(Guid badgeId, LoyaltyUserIdentity user, string? status = null, CancellationToken cancellationToken = default) =>
        ChangeUserBadgeAsync(SnagRoutes.RewardBadge, "Granted", badgeId, user, status, RequestIntent.NotIdempotent, cancellationToken);

    /// <summary>Revokes a user's badge. Repeating a revoke leaves the same state, so it may be retried.</summary>
    public Task<LoyaltyBadgeUserChange> RevokeAsync(Guid badgeId, LoyaltyUserIdentity user, CancellationToken cancellationToken = default) =>
        ChangeUserBadgeAsync(SnagRoutes.RevokeBadge, "Revoked", badgeId, user, null, RequestIntent.Idempotent, cancellationToken);

    /// <summary>
    /// The users holding a badge. The response shape is documented as one object but paged like a list
    /// (api-reference §1.8 #4): an envelope {data, hasNextPage}, a bare array and a single object are all read.
    /// </summary>
    public IAsyncEnumerable<LoyaltyBadgeUser> ListBadgeUsersAsync(LoyaltyBadgeUserQuery query, int pageSize = SnagRoutes.MaxPageSize,
        CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        var filters = new QueryString()
            .Add("loyaltyBadgeId", query.BadgeId)
            .Add("organizationId", query.OrganizationId)
            .Add("websiteId", query.WebsiteId)
            .Add("walletAddress", query.WalletAddress)
            .Add("status", query.Status);
        var pager = new CursorPager<LoyaltyBadgeUser>(_api, SnagRoutes.ListBadgeUsers, filters, pageSize, u => u.Id,
            async (response, _) => ReadBadgeUsersPage(await _api.Bodies.ReadBufferedAsync(response).ConfigureAwait(false)), streamed: false);
        return pager.ReadAsync(readAhead: false, null, cancellationToken);
    }

    public IAsyncEnumerable<LoyaltyWebsite> ListWebsitesAsync(Guid? organizationId, string? name, int pageSize = SnagRoutes.MaxPageSize,
        CancellationToken cancellationToken = default)
    {
        CheckPageSize(pageSize);
        var filters = new QueryString().Add("organizationId", organizationId).Add("name", name);
        return PagesAsync(SnagRoutes.ListWebsites, filters, pageSize, Json.SnagPageLoyaltyWebsite, w => w.Id, readAhead: false, null, cancellationToken);
    }

    private IAsyncEnumerable<T> PagesAsync<T>(ApiRoute route, QueryString filters, int pageSize, JsonTypeInfo<SnagPage<T>> pageType, Func<T, Guid> idOf,
        bool readAhead, long? maxItems, CancellationToken cancellationToken)
    {
        // The {data, hasNextPage} envelope needs no sniffing: each page is read straight from the network.
        var pager = new CursorPager<T>(_api, route, filters, pageSize, idOf, async (response, token) =>
        {
            var page = await _api.Bodies.ReadStreamedAsync(response, pageType, token).ConfigureAwait(false);
            return (page.Data ?? throw _api.Bodies.Invalid(response, "an envelope without 'data'"), page.HasNextPage);
        }, streamed: true);
        return pager.ReadAsync(readAhead, maxItems, cancellationToken);
    }

    private static (List<LoyaltyBadgeUser> Items, bool HasNextPage) ReadBadgeUsersPage(JsonBody body)
    {
        switch (body.FirstToken)
        {
            case '[':
                return (body.Deserialize(Json.ListLoyaltyBadgeUser), false);
            case '{':
                var page = body.Deserialize(Json.SnagPageLoyaltyBadgeUser);
                if (page.Data is not null) return (page.Data, page.HasNextPage);
                return (new List<LoyaltyBadgeUser> { body.Deserialize(Json.LoyaltyBadgeUser) }, false);
            default:
                throw body.Invalid("neither a list nor a user badge");
        }
    }

    private async Task<LoyaltyBadgeUserChange> ChangeUserBadgeAsync(ApiRoute route, string action, Guid badgeId, LoyaltyUserIdentity user, string? status, RequestIntent intent, CancellationToken cancellationToken)
    {
        // A user id wins over a wallet (a CSV row may carry both): only what was sent names the user in the result.
        var wallet = user.UserId is null ? user.WalletAddress : null;
        var body = new UserBadgeChangeBody { UserId = user.UserId, WalletAddress = wallet, Status = status };
        using var response = await _api.SendJsonAsync(route.Call(badgeId), body, Json.UserBadgeChangeBody, intent, cancellationToken).ConfigureAwait(false);
        var answer = await _api.ReadJsonAsync(response, Json.UserBadgeChangeResponse).ConfigureAwait(false);
        return new LoyaltyBadgeUserChange
        {
            Action = action,
            Message = answer.Message,
            Id = answer.Data?.Id,
            LoyaltyBadgeId = answer.Data?.LoyaltyBadgeId ?? badgeId,
            UserId = answer.Data?.UserId ?? user.UserId,
            WalletAddress = wallet,
            Status = answer.Data?.Status,
        };
    }

    private static void CheckPageSize(int pageSize)
    {
        if (pageSize < 1 || pageSize > SnagRoutes.MaxPageSize) throw new ArgumentOutOfRangeException(nameof(pageSize), pageSize, $"The page size must be from 1 to {SnagRoutes.MaxPageSize}.");
    }

    public void Dispose() => _api.Dispose();
}
