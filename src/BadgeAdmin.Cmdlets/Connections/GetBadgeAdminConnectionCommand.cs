using System.Management.Automation;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Connections;

namespace BadgeAdmin.Cmdlets.Connections;

[Cmdlet(VerbsCommon.Get, "BadgeAdminConnection", HelpUri = OnlineHelp.Pages + "Get-BadgeAdminConnection.md")]
[OutputType(typeof(BadgeAdminConnection))]
public sealed class GetBadgeAdminConnectionCommand : BadgeAdminCmdlet
{
    /// <summary>Only these services.</summary>
    [Parameter(Position = 0)]
    [ValidateSet("PartnerPage", "Snag")]
    public string[]? Service { get; set; }

    private protected override void OnEnd()
    {
        var connections = Connections;
        foreach (var connection in new BadgeAdminConnection?[] { connections.PartnerPage, connections.Snag })
        {
            if (connection is null) continue;
            if (Service is not null && System.Array.IndexOf(Service, connection.Service) < 0) continue;
            WriteObject(connection);
        }
    }
}
