using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>A completer of what a Snag connection reads: the -Connection typed, else the runspace's Snag connection.</summary>
public abstract class SnagCompleter : IdCompleter
{
    private protected sealed override BadgeAdminConnection? Current(RunspaceConnections connections) => connections.Snag;

    private protected sealed override BadgeAdminConnection? Accept(object? value) => value as SnagConnection;
}
