using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes Snag badge ids (shown with the badge's name), within the connection's organization and website.</summary>
public sealed class LoyaltyBadgeIdCompleter : SnagCompleter
{
    private protected override string KindFor(IDictionary? bound) => SnagClient.BadgeKind;

    private protected override Task PrimeAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken) =>
        Prime((SnagConnection)connection, cancellationToken);

    private static Task Prime(SnagConnection snag, CancellationToken cancellationToken) =>
        ReadSome(snag.Client.ListBadgesAsync(new LoyaltyBadgeQuery { OrganizationId = snag.OrganizationId, WebsiteId = snag.WebsiteId, MaxItems = PrimeCount }, PrimeCount, cancellationToken), cancellationToken);
}
