using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes Snag website ids (shown with the website's name).</summary>
public class LoyaltyWebsiteIdCompleter : IdCompleter
{
    private protected override string KindFor(IDictionary? bound) => SnagClient.WebsiteKind;

    private protected override BadgeAdminConnection? Current(RunspaceConnections connections) => connections.Snag;

    private protected override BadgeAdminConnection? Accept(object? value) => value as SnagConnection;

    private protected override Task PrimeAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken) =>
        ReadSome(((SnagConnection)connection).Client.ListWebsitesAsync(((SnagConnection)connection).OrganizationId, null, PrimeCount, cancellationToken), cancellationToken);
}
