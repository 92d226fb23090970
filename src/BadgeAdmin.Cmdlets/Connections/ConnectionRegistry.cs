using System.Management.Automation.Runspaces;
using System.Runtime.CompilerServices;

namespace BadgeAdmin.Cmdlets.Connections;

/// <summary>
/// Connections kept per runspace, not in a process-wide static: two runspaces (thread jobs, ForEach-Object -Parallel,
/// hosted automation) never see or replace each other's connection. The table lets a closed runspace's entry go.
/// </summary>
internal static class ConnectionRegistry
{
    private static readonly ConditionalWeakTable<Runspace, RunspaceConnections> ByRunspace = new();

    // Only reached when a cmdlet runs with no default runspace, which a real engine does not do.
    private static readonly RunspaceConnections WithoutRunspace = new();

    public static RunspaceConnections ForCurrentRunspace()
    {
        var runspace = Runspace.DefaultRunspace;
        return runspace is null ? WithoutRunspace : ByRunspace.GetValue(runspace, static _ => new RunspaceConnections());
    }
}
