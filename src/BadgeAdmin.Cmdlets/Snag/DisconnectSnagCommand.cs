using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Connections;

namespace BadgeAdmin.Cmdlets.Snag;

/// <summary>
/// <para type="synopsis">Drops the runspace's Snag connection and disposes its HTTP client.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Disconnect, "Snag")]
public sealed class DisconnectSnagCommand : DisconnectCommandBase
{
    private protected override string ServiceName => "Snag";

    private protected override BadgeAdminConnection? Current => Connections.Snag;

    private protected override void Drop() => Connections.SetSnag(null);
}
