using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Snag;

/// <summary>
/// Base of the Snag cmdlets that call the API: the connection, from -Connection or the runspace, resolved once before
/// any item, with its default organization and website. Changing cmdlets add -ThrottleLimit and send through
/// <see cref="BadgeAdminCmdlet.Sender"/>.
/// </summary>
/// <remarks>Not generic over the connection type: exported types must not derive from BadgeAdmin.Core types (see ModuleLifecycle).</remarks>
public abstract class SnagCmdlet : BadgeAdminCmdlet
{
    private SnagConnection? _snag;

    /// <summary>
    /// The connection to use instead of the runspace's current one (from Connect-Snag -PassThru), for thread jobs and
    /// ForEach-Object -Parallel.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public SnagConnection? Connection { get; set; }

    private protected SnagClient Client => Snag.Client;

    private protected Guid? DefaultOrganizationId => Snag.OrganizationId;

    private protected Guid? DefaultWebsiteId => Snag.WebsiteId;

    /// <summary>The connection in use; valid from OnBegin on.</summary>
    private SnagConnection Snag => _snag ?? throw new InvalidOperationException("OnBegin has not run.");

    private protected override void OnBegin() => _snag = Use("Snag", Connection ?? Connections.Snag);
}
