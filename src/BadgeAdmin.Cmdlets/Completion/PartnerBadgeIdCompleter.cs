using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>
/// Completes the ids of badges attached to partner entries (shown with the badge's name): with -EntryId typed, that
/// entry's badges (one bounded request when none were read yet); without it, every entry badge read so far.
/// </summary>
public sealed class PartnerBadgeIdCompleter : PartnerPageCompleter
{
    private protected override string KindFor(IDictionary? bound) =>
        BoundGuid(bound, "EntryId") is { } entryId ? RecentlySeen.Within(PartnerPageClient.BadgeKind, entryId) : PartnerPageClient.BadgeKind;

    private protected override Task PrimeAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken) =>
        BoundGuid(bound, "EntryId") is { } entryId
            ? ReadSome(((PartnerPageConnection)connection).Client.ListBadgesAsync(entryId, null, cancellationToken), cancellationToken)
            : Task.CompletedTask;
}
