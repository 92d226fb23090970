using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes Snag website ids (shown with the website's name).</summary>
public sealed class LoyaltyWebsiteIdCompleter : IdCompleter<SnagConnection>
{
    private protected override string Kind => SnagClient.WebsiteKind;

    private protected override SnagConnection? Current(RunspaceConnections connections) => connections.Snag;

    private protected override Task PrimeAsync(SnagConnection connection, CancellationToken cancellationToken) =>
        ReadSome(connection.Client.ListWebsitesAsync(connection.OrganizationId, null, PrimeCount, cancellationToken), cancellationToken);
}
