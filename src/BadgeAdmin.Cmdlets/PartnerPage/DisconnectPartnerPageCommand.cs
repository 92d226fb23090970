using System.Management.Automation;
using BadgeAdmin.Cmdlets.Runtime;

namespace BadgeAdmin.Cmdlets.PartnerPage;

/// <summary>
/// <para type="synopsis">Drops the runspace's PartnerPage connection and disposes its HTTP client.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "PartnerPage")]
public sealed class DisconnectPartnerPageCommand : BadgeAdminCmdlet
{
    private protected override void OnEnd()
    {
        var connection = Runtime.Connections.PartnerPage;
        if (connection is null)
        {
            Runtime.WriteVerbose("Not connected to PartnerPage; nothing to disconnect.");
            return;
        }

        Runtime.Connections.SetPartnerPage(null);
        Runtime.WriteVerbose($"Disconnected from PartnerPage at {connection.BaseUri}.");
    }
}
