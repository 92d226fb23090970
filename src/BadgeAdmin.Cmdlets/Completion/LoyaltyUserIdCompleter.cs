using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>
/// Completes Snag user ids (shown with their wallet): with a -BadgeId typed, that badge's holders (read from the
/// server unless read whole lately); without one, every user whose badges the connection has read.
/// </summary>
public class LoyaltyUserIdCompleter : SnagCompleter
{
    private protected override string KindFor(BadgeAdminConnection connection, IDictionary? bound) =>
        BoundGuid(bound, "BadgeId") is { } badgeId ? RecentlySeen.Within(CompletionKinds.LoyaltyUser, badgeId) : CompletionKinds.LoyaltyUser;

    /// <summary>Without a badge there is no listing of users to read: what was read is all there is.</summary>
    private protected override bool IsWhole(BadgeAdminConnection connection, IDictionary? bound) =>
        BoundGuid(bound, "BadgeId") is null || base.IsWhole(connection, bound);

    private protected override Task ReadListingAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken)
    {
        if (BoundGuid(bound, "BadgeId") is not { } badgeId) return Task.CompletedTask;
        var snag = (SnagConnection)connection;
        var query = new LoyaltyBadgeUserQuery { BadgeId = badgeId, OrganizationId = snag.OrganizationId, WebsiteId = snag.WebsiteId };
        return ReadAll(new CompletionMemory(snag.Seen).Holders(query, snag.Client.ListBadgeUsersAsync(query, SnagRoutes.MaxPageSize, cancellationToken)));
    }
}
