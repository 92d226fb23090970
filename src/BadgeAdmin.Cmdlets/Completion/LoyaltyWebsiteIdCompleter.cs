using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes Snag website ids (shown with the website's name).</summary>
public class LoyaltyWebsiteIdCompleter : SnagCompleter
{
    private protected override string KindFor(IDictionary? bound) => SnagClient.WebsiteKind;

    private protected override Task PrimeAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken) =>
        ReadSome(((SnagConnection)connection).Client.ListWebsitesAsync(((SnagConnection)connection).OrganizationId, null, PrimeCount, cancellationToken), cancellationToken);
}
