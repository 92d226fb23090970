using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Cmdlets.PartnerPage;

[Cmdlet(VerbsCommon.Remove, "PartnerBadge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = OnlineHelp.Pages + "Remove-PartnerBadge.md")]
[OutputType(typeof(PartnerBadge))]
public sealed class RemovePartnerBadgeCommand : PartnerPageCmdlet
{
    /// <summary>The entry the badge is attached to (the first positional parameter).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PartnerEntryIdCompleter))]
    public Guid EntryId { get; set; }

    /// <summary>The badge to detach (the second positional parameter).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PartnerBadgeIdCompleter))]
    public Guid Id { get; set; }

    /// <summary>Writes the removed badge as it was (read just before the removal when the server's answer has no body).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    private protected override void OnRecord()
    {
        var target = Names.PartnerBadgeOfEntry(EntryId, Id);
        if (!Confirm.ShouldChange(target, "Remove badge from entry")) return;
        var (entryId, id, passThru) = (EntryId, Id, PassThru.IsPresent);
        Sender(ThrottleLimit).Send(id, ErrorIds.PartnerBadgeNotFound, async token =>
        {
            // The API answers a DELETE with no body [I]: with -PassThru, read the badge first so what is written is the
            // badge as it was (name, image, order), not a stub.
            var before = passThru ? Seen.Read(await Client.GetBadgeAsync(entryId, id, token).ConfigureAwait(false)) : null;
            var removed = Seen.Read(await Client.RemoveBadgeAsync(entryId, id, token).ConfigureAwait(false));
            Seen.Detached(entryId, id);
            return passThru ? removed ?? before : null;
        }, target);
    }
}
