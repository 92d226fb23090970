using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>A completer of what a PartnerPage connection reads: the -Connection typed, else the runspace's PartnerPage connection.</summary>
public abstract class PartnerPageCompleter : IdCompleter
{
    private protected sealed override BadgeAdminConnection? Current(RunspaceConnections connections) => connections.PartnerPage;

    private protected sealed override BadgeAdminConnection? Accept(object? value) => value as PartnerPageConnection;
}
