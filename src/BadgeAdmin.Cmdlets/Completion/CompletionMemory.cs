using System;
using System.Collections.Generic;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Configuration.Plan;
using BadgeAdmin.Core.Configuration.Server;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage.Models;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>
/// Remembers, in the connection's <see cref="RecentlySeen"/>, what the cmdlets and completers read, so Tab offers it
/// and prompts name it; forgets what they delete or detach. A listing is remembered item by item as it streams, and
/// marked whole once read to its end (an unfiltered one), so completion can trust it without asking again. The
/// clients only read and write: this is the one place that feeds completion.
/// </summary>
internal sealed class CompletionMemory
{
    private readonly RecentlySeen _seen;

    public CompletionMemory(RecentlySeen seen) => _seen = seen;

    public IAsyncEnumerable<PartnerEntry> Entries(IAsyncEnumerable<PartnerEntry> listing) => Listing(listing, CompletionKinds.PartnerEntry);

    public IAsyncEnumerable<PartnerBadge> Badges(Guid entryId, IAsyncEnumerable<PartnerBadge> listing) =>
        Listing(listing, RecentlySeen.Within(CompletionKinds.PartnerBadge, entryId));

    public IAsyncEnumerable<PartnerDirectory> Directories(IAsyncEnumerable<PartnerDirectory> listing) => Listing(listing, CompletionKinds.PartnerDirectory);

    public IAsyncEnumerable<PartnerDirectoryBadge> DirectoryBadges(Guid directoryId, IAsyncEnumerable<PartnerDirectoryBadge> listing) =>
        Listing(listing, RecentlySeen.Within(CompletionKinds.PartnerDirectoryBadge, directoryId));

    /// <summary>Loyalty badges; only a listing of a whole scope (no ids, users or wallets asked for) is marked whole.</summary>
    public IAsyncEnumerable<LoyaltyBadge> LoyaltyBadges(LoyaltyBadgeQuery query, IAsyncEnumerable<LoyaltyBadge> listing) =>
        Listing(listing, query.BadgeIds is not { Count: > 0 } && query.UserIds is not { Count: > 0 } && query.WalletAddresses is not { Count: > 0 }
            ? CompletionKinds.LoyaltyBadgeListing(query.OrganizationId, query.WebsiteId)
            : null);

    /// <summary>A badge's holders, named with the badge's name when it was read; marked whole without a status or wallet filter.</summary>
    public IAsyncEnumerable<LoyaltyBadgeUser> Holders(LoyaltyBadgeUserQuery query, IAsyncEnumerable<LoyaltyBadgeUser> listing)
    {
        var badgeName = _seen.NameOf(CompletionKinds.LoyaltyBadge, query.BadgeId);
        return Listing(listing, query.Status is null && query.WalletAddress is null ? RecentlySeen.Within(CompletionKinds.LoyaltyUser, query.BadgeId) : null, user =>
        {
            if ((user.UserId ?? user.User?.Id) is { } userId) _seen.Record(CompletionKinds.LoyaltyUser, query.BadgeId, userId, user.WalletAddress ?? user.User?.WalletAddress);
            user.LoyaltyBadgeName = badgeName;
        });
    }

    /// <summary>Websites; only the listing of every website of the organization (no name filter) is marked whole.</summary>
    public IAsyncEnumerable<LoyaltyWebsite> Websites(Guid? organizationId, string? name, IAsyncEnumerable<LoyaltyWebsite> listing) =>
        Listing(listing, name is null ? CompletionKinds.LoyaltyWebsiteListing(organizationId) : null);

    /// <summary>Remembers one item read, created or changed (and names its directory or badge where it shows one); returns it.</summary>
    public T Read<T>(T item)
    {
        switch (item)
        {
            case PartnerEntry entry:
                _seen.Record(CompletionKinds.PartnerEntry, entry.Id, entry.Name);
                break;
            case PartnerBadge badge:
                _seen.Record(CompletionKinds.PartnerBadge, badge.EntryId, badge.Id, badge.Name);
                break;
            case PartnerDirectory directory:
                _seen.Record(CompletionKinds.PartnerDirectory, directory.Id, directory.Name);
                break;
            case PartnerDirectoryBadge badge:
                badge.DirectoryName = _seen.NameOf(CompletionKinds.PartnerDirectory, badge.DirectoryId);
                _seen.Record(CompletionKinds.PartnerDirectoryBadge, badge.DirectoryId, badge.Id, badge.Name);
                break;
            case LoyaltyBadge badge:
                _seen.Record(CompletionKinds.LoyaltyBadge, badge.Id, badge.Name);
                break;
            case LoyaltyWebsite website:
                _seen.Record(CompletionKinds.LoyaltyWebsite, website.Id, website.Name);
                break;
            case LoyaltyBadgeUserChange change:
                change.LoyaltyBadgeName = _seen.NameOf(CompletionKinds.LoyaltyBadge, change.LoyaltyBadgeId);
                break;
        }

        return item;
    }

    /// <summary>A listing the configuration cmdlets read whole: trusted, as one read here to its end is.</summary>
    public void Listed(WholeListing listing)
    {
        var kind = listing.ItemType.Name switch
        {
            nameof(PartnerEntry) => CompletionKinds.PartnerEntry,
            nameof(PartnerDirectory) => CompletionKinds.PartnerDirectory,
            nameof(PartnerBadge) when listing.ScopeId is { } entryId => RecentlySeen.Within(CompletionKinds.PartnerBadge, entryId),
            nameof(PartnerDirectoryBadge) when listing.ScopeId is { } directoryId => RecentlySeen.Within(CompletionKinds.PartnerDirectoryBadge, directoryId),
            nameof(LoyaltyWebsite) => CompletionKinds.LoyaltyWebsiteListing(listing.OrganizationId),
            nameof(LoyaltyBadge) => CompletionKinds.LoyaltyBadgeListing(listing.OrganizationId, listing.ScopeId),
            _ => null,
        };
        if (kind is not null) _seen.MarkComplete(kind, listing.Count);
    }

    /// <summary>A badge detached from an entry: that entry no longer offers it; other entries may still carry it.</summary>
    public void Detached(Guid entryId, Guid badgeId) => _seen.Forget(RecentlySeen.Within(CompletionKinds.PartnerBadge, entryId), badgeId);

    /// <summary>A deleted directory badge: PartnerPage detaches it from every entry too, so it is forgotten everywhere.</summary>
    public void DirectoryBadgeDeleted(Guid badgeId) => _seen.ForgetEverywhere(badgeId);

    public void LoyaltyBadgeDeleted(Guid badgeId) => _seen.Forget(CompletionKinds.LoyaltyBadge, badgeId);

    /// <summary>
    /// A change Sync-BadgeConfiguration applied to this connection's service: what it removed is forgotten, what it
    /// created or renamed is remembered under <paramref name="id"/> (the new id of what it created, else the change's).
    /// </summary>
    public void Applied(BadgeConfigurationChange change, Guid? id)
    {
        if (id is not { } at) return;
        switch (change.Kind)
        {
            case ChangeKinds.DirectoryBadge when change.Action == ChangeActions.Delete:
                DirectoryBadgeDeleted(at);
                break;
            case ChangeKinds.DirectoryBadge when change.ScopeId is { } directoryId:
                _seen.Record(CompletionKinds.PartnerDirectoryBadge, directoryId, at, change.Name);
                break;
            case ChangeKinds.EntryBadge when change.EntryId is { } entryId && change.Action == ChangeActions.Detach:
                Detached(entryId, at);
                break;
            case ChangeKinds.EntryBadge when change.EntryId is { } entryId:
                _seen.Record(CompletionKinds.PartnerBadge, entryId, at, change.Name);
                break;
            case ChangeKinds.LoyaltyBadge when change.Action == ChangeActions.Delete:
                LoyaltyBadgeDeleted(at);
                break;
            case ChangeKinds.LoyaltyBadge:
                if (change.Action == ChangeActions.Replace && change.Id is { } old) LoyaltyBadgeDeleted(old);
                _seen.Record(CompletionKinds.LoyaltyBadge, at, change.Name);
                break;
        }
    }

    /// <summary>Each item remembered as it streams (by <paramref name="remember"/>, else <see cref="Read"/>); <paramref name="whole"/> marked at the end.</summary>
    private async IAsyncEnumerable<T> Listing<T>(IAsyncEnumerable<T> listing, string? whole, Action<T>? remember = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var count = 0L;
        await foreach (var item in listing.WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            if (remember is null) Read(item);
            else remember(item);
            count++;
            yield return item;
        }

        if (whole is not null) _seen.MarkComplete(whole, count);
    }
}
