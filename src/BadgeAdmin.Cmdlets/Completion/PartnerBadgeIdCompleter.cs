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
        BoundGuid(bound, "EntryId") is { } entryId ? RecentlySeen.Within(PartnerPageClient.BadgeKind, entryId) : PartnerPageClient.BadgeKind;

    private protected override bool IsWhole(BadgeAdminConnection connection, IDictionary? bound) =>
        BoundGuid(bound, "EntryId") is null
            ? IsWholeUnderEveryParent(connection.Seen, PartnerPageClient.EntryKind, PartnerPageClient.BadgeKind)
            : base.IsWhole(connection, bound);

    private protected override Task ReadListingAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken)
    {
        var client = ((PartnerPageConnection)connection).Client;
        return ReadUnder(BoundGuid(bound, "EntryId"), client.ListEntriesAsync(null, cancellationToken), e => e.Id,
            entryId => client.ListBadgesAsync(entryId, null, cancellationToken));
    }
}
