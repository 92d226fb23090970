using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes PartnerPage directory ids (shown with the directory's name).</summary>
public sealed class PartnerDirectoryIdCompleter : PartnerPageCompleter
{
    private protected override string KindFor(BadgeAdminConnection connection, IDictionary? bound) => CompletionKinds.PartnerDirectory;

    private protected override Task ReadListingAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken) =>
        ReadAll(new CompletionMemory(connection.Seen).Directories(((PartnerPageConnection)connection).Client.ListDirectoriesAsync(null, cancellationToken)));
}
