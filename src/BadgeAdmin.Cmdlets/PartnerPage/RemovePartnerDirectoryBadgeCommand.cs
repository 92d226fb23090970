using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Cmdlets.PartnerPage;

[Cmdlet(VerbsCommon.Remove, "PartnerDirectoryBadge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = OnlineHelp.Pages + "Remove-PartnerDirectoryBadge.md")]
[OutputType(typeof(PartnerDirectoryBadge))]
public sealed class RemovePartnerDirectoryBadgeCommand : PartnerPageCmdlet
{
    /// <summary>The directory badge to delete: ids by value, badges by their Id property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PartnerDirectoryBadgeIdCompleter))]
    public Guid Id { get; set; }

    /// <summary>The badge's directory; defaults to the connection's. Binds from a piped badge's DirectoryId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PartnerDirectoryIdCompleter))]
    public Guid? DirectoryId { get; set; }

    /// <summary>Writes the deleted badge as it was (read just before the deletion when the server's answer has no body).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    private protected override void OnRecord()
    {
        if (DirectoryFor(DirectoryId, Id, Names.PartnerBadge(Id)) is not { } directoryId) return;
        var target = Names.PartnerDirectoryBadge(directoryId, Id);
        if (!Confirm.ShouldChange(target, "Delete directory badge")) return;
        var (id, passThru) = (Id, PassThru.IsPresent);
        Sender(ThrottleLimit).Send(id, ErrorIds.PartnerDirectoryBadgeNotFound, async token =>
        {
            // As Remove-PartnerBadge: a DELETE may answer with no body [I], so -PassThru reads the badge first.
            var before = passThru ? Seen.Read(await Client.GetDirectoryBadgeAsync(directoryId, id, token).ConfigureAwait(false)) : null;
            var deleted = Seen.Read(await Client.DeleteDirectoryBadgeAsync(directoryId, id, token).ConfigureAwait(false));
            Seen.DirectoryBadgeDeleted(id);
            return passThru ? deleted ?? before : null;
        }, target);
    }
}
