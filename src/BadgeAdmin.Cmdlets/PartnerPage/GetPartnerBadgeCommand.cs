using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Cmdlets.PartnerPage;

[Cmdlet(VerbsCommon.Get, "PartnerBadge", SupportsPaging = true, HelpUri = OnlineHelp.Pages + "Get-PartnerBadge.md")]
[OutputType(typeof(PartnerBadge))]
public sealed class GetPartnerBadgeCommand : PartnerPageCmdlet
{
    /// <summary>
    /// The entry whose badges to get (the first positional parameter: Get-PartnerBadge $entryId). Takes entries from
    /// Get-PartnerEntry (and badges, by their EntryId) by value, and an EntryId property (a CSV column) by name.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [IdOfPiped(typeof(PartnerEntry))]
    [ArgumentCompleter(typeof(PartnerEntryIdCompleter))]
    public Guid EntryId { get; set; }

    /// <summary>One badge to get (the second positional parameter). Without it, every badge of the entry is listed.</summary>
    [Parameter(Position = 1)]
    [ArgumentCompleter(typeof(PartnerBadgeIdCompleter))]
    public Guid? Id { get; set; }

    private long _total;
    private bool _totalKnown = true;

    private protected override void OnRecord()
    {
        var entryId = EntryId;
        if (Id is { } badgeId)
        {
            _total++;
            ForItem(badgeId, ErrorIds.PartnerBadgeNotFound, () => Output.TryWrite(Seen.Read(Await(token => Client.GetBadgeAsync(entryId, badgeId, token)))),
                Names.PartnerBadgeOfEntry(entryId, badgeId));
            return;
        }

        var counted = false;
        ForItem(entryId, ErrorIds.PartnerEntryNotFound,
            () => Output.Write(Seen.Badges(entryId, Client.ListBadgesAsync(entryId, count => (_total, counted) = (_total + count, true), CancelToken))), Names.PartnerEntry(entryId));
        _totalKnown &= counted;
    }

    private protected override void OnEnd() => Output.WriteTotalCountIfAsked(_totalKnown ? _total : null);
}
