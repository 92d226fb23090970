using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>
/// Completes the ids of badges attached to partner entries (shown with the badge's name): with -EntryId typed, that
/// entry's badges; without it, the badges of every entry (entries and their badges read as far as the time allows).
/// </summary>
public sealed class PartnerBadgeIdCompleter : PartnerPageCompleter
{
    private protected override string KindFor(BadgeAdminConnection connection, IDictionary? bound) =>
        BoundGuid(bound, "EntryId") is { } entryId ? RecentlySeen.Within(CompletionKinds.PartnerBadge, entryId) : CompletionKinds.PartnerBadge;

    private protected override bool IsWhole(BadgeAdminConnection connection, IDictionary? bound) =>
        BoundGuid(bound, "EntryId") is null
            ? IsWholeUnderEveryParent(connection.Seen, CompletionKinds.PartnerEntry, CompletionKinds.PartnerBadge)
            : base.IsWhole(connection, bound);

    private protected override Task ReadListingAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken)
    {
        var client = ((PartnerPageConnection)connection).Client;
        var seen = new CompletionMemory(connection.Seen);
        return ReadUnder(BoundGuid(bound, "EntryId"), seen.Entries(client.ListEntriesAsync(null, cancellationToken)), e => e.Id,
            entryId => seen.Badges(entryId, client.ListBadgesAsync(entryId, null, cancellationToken)));
    }
}
