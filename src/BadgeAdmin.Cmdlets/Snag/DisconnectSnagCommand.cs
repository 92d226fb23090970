using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Snag;

[Cmdlet(VerbsCommunications.Disconnect, "Snag", HelpUri = OnlineHelp.Pages + "Disconnect-Snag.md")]
public sealed class DisconnectSnagCommand : DisconnectCommandBase
{
    /// <summary>The connection to close (from Connect-Snag -PassThru or Get-BadgeAdminConnection); the runspace's by default.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public SnagConnection? Connection { get; set; }

    private protected override string ServiceName => "Snag";

    private protected override BadgeAdminConnection? Given => Connection;

    private protected override BadgeAdminConnection? Current => Connections.Snag;

    private protected override void Drop() => Connections.SetSnag(null);
}
