using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes Snag badge ids (shown with the badge's name), within the connection's organization and website.</summary>
public sealed class LoyaltyBadgeIdCompleter : IdCompleter<SnagConnection>
{
    private protected override string Kind => SnagClient.BadgeKind;

    private protected override SnagConnection? Current(RunspaceConnections connections) => connections.Snag;

    private protected override Task PrimeAsync(SnagConnection connection, CancellationToken cancellationToken) =>
        ReadSome(connection.Client.ListBadgesAsync(new LoyaltyBadgeQuery { OrganizationId = connection.OrganizationId, WebsiteId = connection.WebsiteId }, PrimeCount, cancellationToken), cancellationToken);
}
