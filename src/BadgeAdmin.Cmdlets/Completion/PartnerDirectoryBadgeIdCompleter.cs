using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>
/// Completes directory badge ids (shown with the badge's name), for the directory-badge cmdlets and for the badge
/// New-PartnerBadge attaches. Primes from the connection's default directory, or else from the first directories listed.
/// </summary>
public sealed class PartnerDirectoryBadgeIdCompleter : IdCompleter
{
    private protected override string Kind => PartnerPageClient.DirectoryBadgeKind;

    private protected override BadgeAdminConnection? Current(RunspaceConnections connections) => connections.PartnerPage;

    private protected override BadgeAdminConnection? Accept(object? value) => value as PartnerPageConnection;

    private protected override async Task PrimeAsync(BadgeAdminConnection connection, CancellationToken cancellationToken)
    {
        var partnerPage = (PartnerPageConnection)connection;
        var directories = new List<Guid>();
        if (partnerPage.DirectoryId is { } directory)
        {
            directories.Add(directory);
        }
        else
        {
            await foreach (var listed in partnerPage.Client.ListDirectoriesAsync(null, cancellationToken).ConfigureAwait(false))
            {
                directories.Add(listed.Id);
                if (directories.Count == PrimeCount) break;
            }
        }

        // The completion budget bounds the whole walk; what was read before it ran out is offered.
        foreach (var id in directories)
        {
            await ReadSome(partnerPage.Client.ListDirectoryBadgesAsync(id, null, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
    }
}
