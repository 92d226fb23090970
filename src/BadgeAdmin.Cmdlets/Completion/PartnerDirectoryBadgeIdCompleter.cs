using System;
using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>
/// Completes directory badge ids (shown with the badge's name), for the directory-badge cmdlets and for the badge
/// New-PartnerBadge attaches. With -DirectoryId typed, that directory's badges; else those of the connection's default
/// directory, or of every directory the key sees when it has none.
/// </summary>
public sealed class PartnerDirectoryBadgeIdCompleter : PartnerPageCompleter
{
    private protected override string KindFor(BadgeAdminConnection connection, IDictionary? bound) =>
        Directory(connection, bound) is { } directoryId ? RecentlySeen.Within(CompletionKinds.PartnerDirectoryBadge, directoryId) : CompletionKinds.PartnerDirectoryBadge;

    private protected override bool IsWhole(BadgeAdminConnection connection, IDictionary? bound) =>
        Directory(connection, bound) is null
            ? IsWholeUnderEveryParent(connection.Seen, CompletionKinds.PartnerDirectory, CompletionKinds.PartnerDirectoryBadge)
            : base.IsWhole(connection, bound);

    private protected override Task ReadListingAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken)
    {
        var client = ((PartnerPageConnection)connection).Client;
        var seen = new CompletionMemory(connection.Seen);
        return ReadUnder(Directory(connection, bound), seen.Directories(client.ListDirectoriesAsync(null, cancellationToken)), d => d.Id,
            directoryId => seen.DirectoryBadges(directoryId, client.ListDirectoryBadgesAsync(directoryId, null, cancellationToken)));
    }

    private static Guid? Directory(BadgeAdminConnection connection, IDictionary? bound) =>
        BoundGuid(bound, "DirectoryId") ?? ((PartnerPageConnection)connection).DirectoryId;
}
