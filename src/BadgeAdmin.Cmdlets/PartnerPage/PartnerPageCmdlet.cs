using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Naming;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.PartnerPage;

/// <summary>Base of the PartnerPage cmdlets that call the API.</summary>
public abstract class PartnerPageCmdlet : ServiceCmdlet
{
    /// <summary>
    /// The connection to use instead of the runspace's current one (from Connect-PartnerPage -PassThru), for thread
    /// jobs and ForEach-Object -Parallel.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    public PartnerPageConnection? Connection { get; set; }

    private protected override string ServiceName => "PartnerPage";

    private protected override BadgeAdminConnection? GivenConnection => Connection;

    private protected override BadgeAdminConnection? RunspaceConnection => Connections.PartnerPage;

    private protected PartnerPageClient Client => ((PartnerPageConnection)ActiveConnection).Client;

    /// <summary>The connection's default directory (Connect-PartnerPage -DirectoryId), if any.</summary>
    private protected Guid? DefaultDirectoryId => ((PartnerPageConnection)ActiveConnection).DirectoryId;

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
