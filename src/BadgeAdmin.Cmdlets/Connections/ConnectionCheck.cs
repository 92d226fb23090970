using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Connections;

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
                RecommendedAction = $"Connect-{service} -ApiKey (Read-Host -AsSecureString), or set the API key environment variable and run Connect-{service}.",
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
}
