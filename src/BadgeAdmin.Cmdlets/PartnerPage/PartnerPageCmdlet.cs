using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.PartnerPage;

/// <summary>Base of the PartnerPage cmdlets that call the API: resolves the connection once, before any item.</summary>
public abstract class PartnerPageCmdlet : BadgeAdminCmdlet
{
    private PartnerPageConnection? _connection;

    /// <summary>
    /// The connection to use instead of the runspace's current one (from Connect-PartnerPage -PassThru), for thread
    /// jobs and ForEach-Object -Parallel.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public PartnerPageConnection? Connection { get; set; }

    private protected PartnerPageClient Client => (_connection ?? throw new InvalidOperationException("OnBegin has not run.")).Client;

    private protected override void OnBegin()
    {
        var connection = Connection ?? Runtime.Connections.PartnerPage;
        if (connection is null)
        {
            ThrowTerminating(new CmdletError(
                new InvalidOperationException("Not connected to PartnerPage. Run Connect-PartnerPage first (or pass -Connection)."),
                ErrorIds.NotConnected, ErrorCategory.ConnectionError, null)
            {
                RecommendedAction = "Connect-PartnerPage -ApiKey (Read-Host -AsSecureString), or set $env:PARTNERPAGE_API_KEY and run Connect-PartnerPage.",
            });
        }

        if (connection!.IsDisposed)
        {
            ThrowTerminating(new CmdletError(
                new ObjectDisposedException(nameof(PartnerPageConnection), "This PartnerPage connection was closed by Disconnect-PartnerPage. Run Connect-PartnerPage again."),
                ErrorIds.ConnectionClosed, ErrorCategory.ConnectionError, connection));
        }

        _connection = connection;
    }
}
