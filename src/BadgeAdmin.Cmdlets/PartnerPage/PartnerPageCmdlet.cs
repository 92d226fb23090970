using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.PartnerPage;

/// <summary>Base of the PartnerPage cmdlets that call the API.</summary>
public abstract class PartnerPageCmdlet : ServiceCmdlet
{
    /// <summary>
    /// The connection to use instead of the runspace's current one (from Connect-PartnerPage -PassThru), for thread
    /// jobs and ForEach-Object -Parallel.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public PartnerPageConnection? Connection { get; set; }

    private protected override string ServiceName => "PartnerPage";

    private protected override BadgeAdminConnection? GivenConnection => Connection;

    private protected override BadgeAdminConnection? RunspaceConnection => Connections.PartnerPage;

    private protected PartnerPageClient Client => ((PartnerPageConnection)ActiveConnection).Client;
}
