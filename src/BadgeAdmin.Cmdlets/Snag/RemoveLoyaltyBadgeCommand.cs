using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Snag;

[Cmdlet(VerbsCommon.Remove, "LoyaltyBadge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = OnlineHelp.Pages + "Remove-LoyaltyBadge.md")]
[OutputType(typeof(LoyaltyBadge))]
public sealed class RemoveLoyaltyBadgeCommand : SnagCmdlet
{
    /// <summary>The badge to delete: ids by value ($ids | Remove-LoyaltyBadge), badges by their Id property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(LoyaltyBadgeIdCompleter))]
    public Guid Id { get; set; }

    /// <summary>Writes the deleted badge as the server returns it.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    private protected override void OnRecord()
    {
        var target = Names.LoyaltyBadge(Id);
        if (!Confirm.ShouldChange(target, "Delete badge")) return;
        var (id, passThru) = (Id, PassThru.IsPresent);
        Sender(ThrottleLimit).Send(id, ErrorIds.LoyaltyBadgeNotFound, async token =>
        {
            var deleted = await Client.DeleteBadgeAsync(id, token).ConfigureAwait(false);
            Seen.LoyaltyBadgeDeleted(id);
            return passThru ? deleted : null;
        }, target);
    }
}
