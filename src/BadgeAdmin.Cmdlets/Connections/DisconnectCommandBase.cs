using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Connections;

namespace BadgeAdmin.Cmdlets.Connections;

/// <summary>
/// What Disconnect-PartnerPage and Disconnect-Snag share: close the connection given with -Connection (one handed to
/// parallel work, say), or else the runspace's; the runspace forgets it when it was its current one.
/// </summary>
public abstract class DisconnectCommandBase : BadgeAdminCmdlet
{
    private protected abstract string ServiceName { get; }

    private protected abstract BadgeAdminConnection? Current { get; }

    /// <summary>The value of the cmdlet's -Connection parameter.</summary>
    private protected abstract BadgeAdminConnection? Given { get; }

    /// <summary>Forgets the runspace's connection, which disposes it.</summary>
    private protected abstract void Drop();

    // Per record: each piped connection is closed (with none piped, this runs once).
    private protected override void OnRecord()
    {
        var connection = Given ?? Current;
        if (connection is null)
        {
            WriteVerbose($"Not connected to {ServiceName}; nothing to disconnect.");
            return;
        }

        if (ReferenceEquals(connection, Current)) Drop();
        else connection.Dispose();
        WriteVerbose($"Disconnected from {ServiceName} at {connection.BaseUri}.");
    }
}
