using System;
using System.Collections;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>
/// Completes Snag user ids (shown with their wallet) from the user badges the connection has read. With nothing read
/// yet and a -BadgeId typed, one bounded request reads that badge's users.
/// </summary>
public class LoyaltyUserIdCompleter : SnagCompleter
{
    private protected override string KindFor(IDictionary? bound) => SnagClient.UserKind;

    private protected override Task PrimeAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken)
    {
        if (BoundGuid(bound, "BadgeId") is not { } badgeId) return Task.CompletedTask;
        var snag = (SnagConnection)connection;
        var query = new LoyaltyBadgeUserQuery { BadgeId = badgeId, OrganizationId = snag.OrganizationId, WebsiteId = snag.WebsiteId };
        return ReadSome(snag.Client.ListBadgeUsersAsync(query, PrimeCount, cancellationToken), cancellationToken);
    }

    private protected override CompletionResult? ToResult((Guid Id, string? Name) item) =>
        new(item.Id.ToString(), item.Name is null ? item.Id.ToString() : $"{item.Name} ({item.Id})", CompletionResultType.ParameterValue, item.Name ?? item.Id.ToString());
}
