using System.Management.Automation;
using BadgeAdmin.Cmdlets.Runtime;

namespace BadgeAdmin.Cmdlets.Snag;

/// <summary>
/// <para type="synopsis">Drops the runspace's Snag connection and disposes its HTTP client.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "Snag")]
public sealed class DisconnectSnagCommand : BadgeAdminCmdlet
{
    private protected override void OnEnd()
    {
        var connection = Runtime.Connections.Snag;
        if (connection is null)
        {
            Runtime.WriteVerbose("Not connected to Snag; nothing to disconnect.");
            return;
        }

        Runtime.Connections.SetSnag(null);
        Runtime.WriteVerbose($"Disconnected from Snag at {connection.BaseUri}.");
    }
}
