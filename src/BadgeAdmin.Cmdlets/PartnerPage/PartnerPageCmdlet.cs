using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Naming;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.PartnerPage;

/// <summary>
/// Base of the PartnerPage cmdlets that call the API: the connection, from -Connection or the runspace, resolved once
/// before any item. Changing cmdlets add -ThrottleLimit and send through <see cref="BadgeAdminCmdlet.Sender"/>.
/// </summary>
/// <remarks>Not generic over the connection type: exported types must not derive from BadgeAdmin.Core types (see ModuleLifecycle).</remarks>
public abstract class PartnerPageCmdlet : BadgeAdminCmdlet
{
    private PartnerPageConnection? _partnerPage;

    /// <summary>
    /// The connection to use instead of the runspace's current one (from Connect-PartnerPage -PassThru), for thread
    /// jobs and ForEach-Object -Parallel.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public PartnerPageConnection? Connection { get; set; }

    /// <summary>The connection in use; valid from OnBegin on.</summary>
    private PartnerPageConnection PartnerPage => _partnerPage ?? throw new InvalidOperationException("OnBegin has not run.");

    private protected PartnerPageClient Client => PartnerPage.Client;

    /// <summary>The connection's default directory (Connect-PartnerPage -DirectoryId), if any.</summary>
    private protected Guid? DefaultDirectoryId => PartnerPage.DirectoryId;

    private protected override void OnBegin() => _partnerPage = Use("PartnerPage", Connection ?? Connections.PartnerPage);

    /// <summary>
    /// The directory a directory-badge call works in: the one given (-DirectoryId, or a piped object's DirectoryId),
    /// else the connection's default. Without either it writes a DirectoryIdMissing error about
    /// <paramref name="target"/> (named by <paramref name="label"/>) and returns null, and the caller sends nothing for that item.
    /// </summary>
    private protected Guid? DirectoryFor(Guid? given, object target, string label)
    {
        var directory = given ?? DefaultDirectoryId;
        if (directory is null)
        {
            WriteError(new CmdletError(
                new ArgumentException($"{ItemNames.Subject(label, InputRow)}: no directory given: pass -DirectoryId, or set a default with Connect-PartnerPage -DirectoryId."),
                ErrorIds.DirectoryIdMissing, ErrorCategory.InvalidArgument, target)
            {
                RecommendedAction = "Get-PartnerDirectory lists the directories and their ids. Nothing was sent.",
            });
        }

        return directory;
    }
}
