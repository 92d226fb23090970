using System;
using System.Collections;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>
/// Completes directory badge ids (shown with the badge's name), for the directory-badge cmdlets and for the badge
/// New-PartnerBadge attaches. With -DirectoryId typed, that directory's badges; else those of the connection's default
/// directory, or of the directories listed first when it has none.
/// </summary>
public sealed class PartnerDirectoryBadgeIdCompleter : PartnerPageCompleter
{
    private protected override string KindFor(IDictionary? bound) =>
        BoundGuid(bound, "DirectoryId") is { } directoryId ? RecentlySeen.Within(PartnerPageClient.DirectoryBadgeKind, directoryId) : PartnerPageClient.DirectoryBadgeKind;

    private protected override async Task PrimeAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken)
    {
        var partnerPage = (PartnerPageConnection)connection;
        var directories = new List<Guid>();
        if ((BoundGuid(bound, "DirectoryId") ?? partnerPage.DirectoryId) is { } directory)
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
