using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes PartnerPage entry ids (shown with the entry's name).</summary>
public sealed class PartnerEntryIdCompleter : IdCompleter<PartnerPageConnection>
{
    private protected override string Kind => PartnerPageClient.EntryKind;

    private protected override PartnerPageConnection? Current(RunspaceConnections connections) => connections.PartnerPage;

    private protected override Task PrimeAsync(PartnerPageConnection connection, CancellationToken cancellationToken) =>
        ReadSome(connection.Client.ListEntriesAsync(null, cancellationToken), cancellationToken);
}
