using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Connections;

namespace BadgeAdmin.Cmdlets.PartnerPage;

/// <summary>
/// <para type="synopsis">Drops the runspace's PartnerPage connection and disposes its HTTP client.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "PartnerPage")]
public sealed class DisconnectPartnerPageCommand : DisconnectCommandBase
{
    private protected override string ServiceName => "PartnerPage";

    private protected override BadgeAdminConnection? Current => Connections.PartnerPage;

    private protected override void Drop() => Connections.SetPartnerPage(null);
}
