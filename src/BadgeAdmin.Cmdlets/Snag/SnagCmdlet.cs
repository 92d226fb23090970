using System;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Snag;

/// <summary>Base of the Snag cmdlets that call the API; knows the connection's default organization and website.</summary>
public abstract class SnagCmdlet : ServiceCmdlet<SnagConnection>
{
    private protected override string ServiceName => "Snag";

    private protected override SnagConnection? RunspaceConnection => Runtime.Connections.Snag;

    private protected SnagClient Client => ActiveConnection.Client;

    private protected Guid? DefaultOrganizationId => ActiveConnection.OrganizationId;

    private protected Guid? DefaultWebsiteId => ActiveConnection.WebsiteId;
}
