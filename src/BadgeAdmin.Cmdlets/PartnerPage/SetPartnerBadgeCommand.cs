using System;
using System.Collections.Generic;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Cmdlets.PartnerPage;

[Cmdlet(VerbsCommon.Set, "PartnerBadge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Pages + "Set-PartnerBadge.md")]
[OutputType(typeof(PartnerBadge))]
public sealed class SetPartnerBadgeCommand : PartnerPageCmdlet
{
    /// <summary>The entry the badge is attached to (the first positional parameter).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PartnerEntryIdCompleter))]
    public Guid EntryId { get; set; }

    /// <summary>The badge to change (the second positional parameter).</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PartnerBadgeIdCompleter))]
    public Guid Id { get; set; }

    /// <summary>New position (0 first).</summary>
    [Parameter]
    [ValidateNonNegative]
    public int? Order { get; set; }

    /// <summary>The directory badge this entry badge should refer to (the PATCH body's id).</summary>
    [Parameter]
    [ArgumentCompleter(typeof(PartnerDirectoryBadgeIdCompleter))]
    public Guid? BadgeId { get; set; }

    /// <summary>Writes the badge as the server returns it after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    private protected override void OnBegin()
    {
        if (Order is null && BadgeId is null)
        {
            ThrowTerminating(new CmdletError(
                new ArgumentException("Nothing to change: give -Order, -BadgeId or both."),
                ErrorIds.NothingToChange, ErrorCategory.InvalidArgument, null));
        }

        base.OnBegin();
    }

    private protected override void OnRecord()
    {
        var change = new PartnerBadgeChange { Id = BadgeId, Order = Order };
        var target = Names.PartnerBadgeOfEntry(EntryId, Id);
        if (!Confirm.ShouldChange(target, Describe(change))) return;
        var (entryId, id, passThru) = (EntryId, Id, PassThru.IsPresent);
        Sender(ThrottleLimit).Send(id, ErrorIds.PartnerBadgeNotFound, async token =>
        {
            var updated = Seen.Read(await Client.UpdateBadgeAsync(entryId, id, change, token).ConfigureAwait(false));
            return passThru ? updated : null;
        }, target);
    }

    private string Describe(PartnerBadgeChange change)
    {
        var parts = new List<string>(2);
        if (change.Order is { } order) parts.Add($"order to {order}");
        if (change.Id is { } id) parts.Add($"directory badge to {Names.PartnerBadge(id)}");
        return "Set " + string.Join(" and ", parts);
    }
}
