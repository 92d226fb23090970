using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Cmdlets.PartnerPage;

/// <summary>
/// <para type="synopsis">Gets PartnerPage partner entries: all of them (every page, streamed) or the ones named.</para>
/// </summary>
[Cmdlet(VerbsCommon.Get, "PartnerEntry")]
[OutputType(typeof(PartnerEntry))]
public sealed class GetPartnerEntryCommand : PartnerPageCmdlet
{
    /// <summary>Entry ids to get. Without it, every entry is listed.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true)]
    [ValidateNotNullOrEmpty]
    public Guid[]? Id { get; set; }

    private protected override void OnRecord()
    {
        if (Id is null)
        {
            ForItem("PartnerEntry list", ErrorIds.PartnerEntryNotFound,
                () => Stream(Client.ListEntriesAsync(CancelToken), entry => Runtime.WriteObject(entry)));
            return;
        }

        foreach (var id in Id)
        {
            ForItem(id, ErrorIds.PartnerEntryNotFound, () => Runtime.WriteObject(Await(token => Client.GetEntryAsync(id, token))));
        }
    }
}
