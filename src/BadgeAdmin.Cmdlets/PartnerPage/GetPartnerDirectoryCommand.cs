using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Cmdlets.PartnerPage;

[Cmdlet(VerbsCommon.Get, "PartnerDirectory", SupportsPaging = true, HelpUri = OnlineHelp.Pages + "Get-PartnerDirectory.md")]
[OutputType(typeof(PartnerDirectory))]
public sealed class GetPartnerDirectoryCommand : PartnerPageCmdlet
{
    /// <summary>Directory ids to get: piped ids by value, the Id of piped directories or CSV rows by name. Without it, every directory is listed.</summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(PartnerDirectoryIdCompleter))]
    public Guid[]? Id { get; set; }

    /// <summary>Only directories with this name; wildcards allowed ('Partner*'), any casing. Applies to the listing.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? Name { get; set; }

    private long? _total;

    private protected override void OnRecord()
    {
        if (Id is null)
        {
            ForItem("PartnerDirectory list", ErrorIds.PartnerDirectoryNotFound,
                () => Output.Write(Name is null
                    ? Seen.Directories(Client.ListDirectoriesAsync(count => _total = count, CancelToken))
                    : new NameFilter(Name).Apply(Seen.Directories(Client.ListDirectoriesAsync(null, CancelToken)), d => d.Name, CancelToken)));
            return;
        }

        _total = (_total ?? 0) + Id.Length;
        foreach (var id in Id)
        {
            var more = true;
            ForItem(id, ErrorIds.PartnerDirectoryNotFound, () => more = Output.TryWrite(Seen.Read(Await(token => Client.GetDirectoryAsync(id, token)))), Names.PartnerDirectory(id));
            if (!more) break;
        }
    }

    private protected override void OnEnd() => Output.WriteTotalCountIfAsked(_total);
}
