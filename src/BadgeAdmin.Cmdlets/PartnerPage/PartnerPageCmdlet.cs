using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.PartnerPage;

/// <summary>Base of the PartnerPage cmdlets that call the API.</summary>
public abstract class PartnerPageCmdlet : ServiceCmdlet<PartnerPageConnection>
{
    private protected override string ServiceName => "PartnerPage";

    private protected override PartnerPageConnection? RunspaceConnection => Runtime.Connections.PartnerPage;

    private protected PartnerPageClient Client => ActiveConnection.Client;
}
