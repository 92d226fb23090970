using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Snag;

/// <summary>Base of the Snag cmdlets that call the API; knows the connection's default organization and website.</summary>
public abstract class SnagCmdlet : ServiceCmdlet
{
    /// <summary>
    /// The connection to use instead of the runspace's current one (from Connect-Snag -PassThru), for thread jobs and
    /// ForEach-Object -Parallel.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public SnagConnection? Connection { get; set; }

    private protected override string ServiceName => "Snag";

    private protected override BadgeAdminConnection? GivenConnection => Connection;

    private protected override BadgeAdminConnection? RunspaceConnection => Connections.Snag;

    private protected SnagClient Client => Snag.Client;

    private protected Guid? DefaultOrganizationId => Snag.OrganizationId;

    private protected Guid? DefaultWebsiteId => Snag.WebsiteId;

    private SnagConnection Snag => (SnagConnection)ActiveConnection;
}
