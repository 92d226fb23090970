using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Cmdlets.PartnerPage;

[Cmdlet(VerbsCommon.New, "PartnerBadge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Pages + "New-PartnerBadge.md")]
[OutputType(typeof(PartnerBadge))]
public sealed class NewPartnerBadgeCommand : PartnerPageCmdlet
{
    /// <summary>The entry to attach the badge to (the first positional parameter).</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PartnerEntryIdCompleter))]
    public Guid EntryId { get; set; }

    /// <summary>
    /// The directory badge to attach. Binds from an Id property: directory badges from Get-PartnerDirectoryBadge, or the
    /// badges of one entry, to copy them to another. The second positional parameter.
    /// </summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Id")]
    [ArgumentCompleter(typeof(PartnerDirectoryBadgeIdCompleter))]
    public Guid BadgeId { get; set; }

    /// <summary>Position of the badge on the entry (0 first); a piped badge without one is attached without one.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNonNegative]
    public int? Order { get; set; }

    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    private protected override void OnRecord()
    {
        var (entry, badge) = (Names.PartnerEntry(EntryId), Names.PartnerBadge(BadgeId));
        var action = Order is { } order ? $"Attach {badge} at order {order}" : $"Attach {badge}";
        if (!Confirm.ShouldChange(entry, action)) return;
        var (entryId, badgeId, position) = (EntryId, BadgeId, Order);
        Sender(ThrottleLimit).Send(badgeId, ErrorIds.PartnerEntryNotFound, async token => Seen.Read(await Client.AddBadgeAsync(entryId, badgeId, position, token).ConfigureAwait(false)),
            $"{badge} on {entry}");
    }
}
