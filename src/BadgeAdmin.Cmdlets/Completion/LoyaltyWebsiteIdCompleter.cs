using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes Snag website ids (shown with the website's name), of the connection's organization.</summary>
public class LoyaltyWebsiteIdCompleter : SnagCompleter
{
    private protected override string KindFor(BadgeAdminConnection connection, IDictionary? bound) => CompletionKinds.LoyaltyWebsite;

    private protected override bool IsWhole(BadgeAdminConnection connection, IDictionary? bound) =>
        connection.Seen.IsComplete(CompletionKinds.LoyaltyWebsiteListing(((SnagConnection)connection).OrganizationId), TrustedFor);

    private protected override Task ReadListingAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken)
    {
        var snag = (SnagConnection)connection;
        return ReadAll(new CompletionMemory(snag.Seen).Websites(snag.OrganizationId, null, snag.Client.ListWebsitesAsync(snag.OrganizationId, null, SnagRoutes.MaxPageSize, cancellationToken)));
    }
}
