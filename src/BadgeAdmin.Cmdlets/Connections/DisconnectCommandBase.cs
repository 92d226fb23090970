using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Connections;

namespace BadgeAdmin.Cmdlets.Connections;

/// <summary>What Disconnect-PartnerPage and Disconnect-Snag share: drop the runspace's connection and close it.</summary>
public abstract class DisconnectCommandBase : BadgeAdminCmdlet
{
    private protected abstract string ServiceName { get; }

    private protected abstract BadgeAdminConnection? Current { get; }

    /// <summary>Forgets the runspace's connection, which disposes it.</summary>
    private protected abstract void Drop();

    private protected override void OnEnd()
    {
        var connection = Current;
        if (connection is null)
        {
            WriteVerbose($"Not connected to {ServiceName}; nothing to disconnect.");
            return;
        }

        Drop();
        WriteVerbose($"Disconnected from {ServiceName} at {connection.BaseUri}.");
    }
}
