using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes PartnerPage entry ids (shown with the entry's name).</summary>
public sealed class PartnerEntryIdCompleter : PartnerPageCompleter
{
    private protected override string KindFor(BadgeAdminConnection connection, IDictionary? bound) => CompletionKinds.PartnerEntry;

    private protected override Task ReadListingAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken) =>
        ReadAll(new CompletionMemory(connection.Seen).Entries(((PartnerPageConnection)connection).Client.ListEntriesAsync(null, cancellationToken)));
}
