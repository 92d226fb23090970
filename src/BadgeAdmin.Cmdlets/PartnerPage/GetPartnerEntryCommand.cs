using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Cmdlets.PartnerPage;

[Cmdlet(VerbsCommon.Get, "PartnerEntry", SupportsPaging = true, HelpUri = OnlineHelp.Pages + "Get-PartnerEntry.md")]
[OutputType(typeof(PartnerEntry))]
public sealed class GetPartnerEntryCommand : PartnerPageCmdlet
{
    /// <summary>Entry ids to get: piped ids by value, the Id of piped entries or CSV rows by name. Without it, every entry is listed.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PartnerEntryIdCompleter))]
    public Guid[]? Id { get; set; }

    /// <summary>Only entries with this name; wildcards allowed ('Acme*'), any casing. Applies to the listing.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? Name { get; set; }

    private long? _total;

    private protected override void OnRecord()
    {
        if (Id is null)
        {
            ForItem("PartnerEntry list", ErrorIds.PartnerEntryNotFound,
                () => Output.Write(Name is null
                    ? Seen.Entries(Client.ListEntriesAsync(count => _total = count, CancelToken))
                    : new NameFilter(Name).Apply(Seen.Entries(Client.ListEntriesAsync(null, CancelToken)), e => e.Name, CancelToken)));
            return;
        }

        _total = (_total ?? 0) + Id.Length;
        foreach (var id in Id)
        {
            var more = true;
            ForItem(id, ErrorIds.PartnerEntryNotFound, () => more = Output.TryWrite(Seen.Read(Await(token => Client.GetEntryAsync(id, token)))), Names.PartnerEntry(id));
            if (!more) break;
        }
    }

    private protected override void OnEnd() => Output.WriteTotalCountIfAsked(_total);
}
