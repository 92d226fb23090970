using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes PartnerPage directory ids (shown with the directory's name).</summary>
public sealed class PartnerDirectoryIdCompleter : IdCompleter
{
    private protected override string KindFor(IDictionary? bound) => PartnerPageClient.DirectoryKind;

    private protected override BadgeAdminConnection? Current(RunspaceConnections connections) => connections.PartnerPage;

    private protected override BadgeAdminConnection? Accept(object? value) => value as PartnerPageConnection;

    private protected override Task PrimeAsync(BadgeAdminConnection connection, IDictionary? bound, CancellationToken cancellationToken) =>
        ReadSome(((PartnerPageConnection)connection).Client.ListDirectoriesAsync(null, cancellationToken), cancellationToken);
}
