using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.PartnerPage;
using BadgeAdmin.Cmdlets.Snag;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Connections;

/// <summary>The errors a cmdlet ends with when the connection it needs is missing or closed; null when it can be used.</summary>
internal static class ConnectionCheck
{
    public static CmdletError? Problem(string service, BadgeAdminConnection? connection)
    {
        if (connection is null)
        {
            return new CmdletError(
                new InvalidOperationException($"Not connected to {service}. Run Connect-{service} first (or pass -Connection)."),
                ErrorIds.NotConnected, ErrorCategory.ConnectionError, null)
            {
                RecommendedAction = RecommendedConnect(service),
            };
        }

        if (connection.IsDisposed)
        {
            return new CmdletError(
                new InvalidOperationException($"This {service} connection was closed (by Disconnect-{service}, or Remove-Module BadgeAdmin). Run Connect-{service} again."),
                ErrorIds.ConnectionClosed, ErrorCategory.ConnectionError, connection);
        }

        return null;
    }

    /// <summary>How to connect, naming the environment variables Connect-* reads (a runbook sets those).</summary>
    private static string RecommendedConnect(string service)
    {
        var (key, address, otherwise) = service == "Snag"
            ? (ConnectSnagCommand.ApiKeyVariable, ConnectSnagCommand.BaseUriVariable, SnagRoutes.DefaultBaseUri.AbsoluteUri.TrimEnd('/'))
            : (ConnectPartnerPageCommand.ApiKeyVariable, ConnectPartnerPageCommand.BaseUriVariable, PartnerPageRoutes.ProductionBaseUri.AbsoluteUri.TrimEnd('/'));
        return $"Run Connect-{service} -ApiKey (Read-Host -AsSecureString); or set $env:{key} to the API key (and $env:{address} to the "
            + $"service's address, else {otherwise} is used) and run Connect-{service}.";
    }
}
