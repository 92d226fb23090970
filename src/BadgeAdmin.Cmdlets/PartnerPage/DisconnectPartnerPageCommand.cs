using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.PartnerPage;

[Cmdlet(VerbsCommunications.Disconnect, "PartnerPage", HelpUri = OnlineHelp.Pages + "Disconnect-PartnerPage.md")]
public sealed class DisconnectPartnerPageCommand : DisconnectCommandBase
{
    /// <summary>The connection to close (from Connect-PartnerPage -PassThru or Get-BadgeAdminConnection); the runspace's by default.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNull]
    public PartnerPageConnection? Connection { get; set; }

    private protected override string ServiceName => "PartnerPage";

    private protected override BadgeAdminConnection? Given => Connection;

    private protected override BadgeAdminConnection? Current => Connections.PartnerPage;

    private protected override void Drop() => Connections.SetPartnerPage(null);
}
