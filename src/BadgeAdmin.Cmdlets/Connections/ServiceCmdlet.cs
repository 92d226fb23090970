using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Naming;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Connections;

namespace BadgeAdmin.Cmdlets.Connections;

/// <summary>
/// Base of the cmdlets that call a service: resolves the connection once, before any item, from -Connection or the
/// runspace, and ends the pipeline with NotConnected / ConnectionClosed when there is none to use.
/// </summary>
/// <remarks>Not generic over the connection type: exported types must not derive from BadgeAdmin.Core types (see ModuleLifecycle).</remarks>
public abstract class ServiceCmdlet : BadgeAdminCmdlet
{
    private BadgeAdminConnection? _resolved;
    private ItemNames? _names;

    /// <summary>The connection in use; valid from OnBegin on.</summary>
    private protected BadgeAdminConnection ActiveConnection => _resolved ?? throw new InvalidOperationException("OnBegin has not run.");

    /// <summary>Names items as a person knows them, from what the connection in use has read; valid from OnBegin on.</summary>
    private protected ItemNames Names => _names ??= new ItemNames(ActiveConnection.Seen);

    private protected abstract string ServiceName { get; }

    /// <summary>The value of the cmdlet's -Connection parameter.</summary>
    private protected abstract BadgeAdminConnection? GivenConnection { get; }

    private protected abstract BadgeAdminConnection? RunspaceConnection { get; }

    private protected override Core.Pacing.SendRatePacer? Pacing => _resolved?.Pacer;

    private protected override void OnBegin()
    {
        var connection = GivenConnection ?? RunspaceConnection;
        if (ConnectionCheck.Problem(ServiceName, connection) is { } problem) ThrowTerminating(problem);
        _resolved = connection;
    }
}
