using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes Snag badge ids (shown with the badge's name), within the connection's organization and website.</summary>
public sealed class LoyaltyBadgeIdCompleter : SnagCompleter
{
    private protected override string KindFor(BadgeAdminConnection connection, IDictionary? bound) => CompletionKinds.LoyaltyBadge;

    /// <summary>Badges of other scopes read earlier are offered too; only the connection's scope must have been read whole.</summary>
    private protected override bool IsWhole(BadgeAdminConnection connection, IDictionary? bound)
    {
        var snag = (SnagConnection)connection;
        return snag.Seen.IsComplete(CompletionKinds.LoyaltyBadgeListing(snag.OrganizationId, snag.WebsiteId), TrustedFor);
    }

    private protected override Task ReadListingAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken)
    {
        var snag = (SnagConnection)connection;
        var query = new LoyaltyBadgeQuery { OrganizationId = snag.OrganizationId, WebsiteId = snag.WebsiteId };
        return ReadAll(new CompletionMemory(snag.Seen).LoyaltyBadges(query, snag.Client.ListBadgesAsync(query, SnagRoutes.MaxPageSize, cancellationToken)));
    }
}
