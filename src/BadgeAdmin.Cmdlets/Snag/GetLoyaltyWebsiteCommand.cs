using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Snag;

[Cmdlet(VerbsCommon.Get, "LoyaltyWebsite", SupportsPaging = true, HelpUri = OnlineHelp.Pages + "Get-LoyaltyWebsite.md")]
[OutputType(typeof(LoyaltyWebsite))]
public sealed class GetLoyaltyWebsiteCommand : SnagCmdlet
{
    /// <summary>Only websites with this name; wildcards allowed ('Main*'), any casing.</summary>
    [Parameter(Position = 0)]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    [ArgumentCompleter(typeof(LoyaltyWebsiteNameCompleter))]
    public string? Name { get; set; }

    /// <summary>Defaults to the connection's.</summary>
    [Parameter]
    public Guid? OrganizationId { get; set; }

    /// <summary>Websites per request (the API's limit, 1 to 1000).</summary>
    [Parameter]
    [ValidateRange(1, SnagRoutes.MaxPageSize)]
    public int PageSize { get; set; } = SnagRoutes.MaxPageSize;

    private protected override void OnEnd() => Output.WriteTotalCountIfAsked(null); // the API reports no total

    private protected override void OnRecord()
    {
        // A plain name is the API's filter too; a pattern needs every page, so -First cannot shrink the page size.
        var name = new NameFilter(Name);
        var pageSize = name.IsPattern ? PageSize : Output.PageSizeFor(PageSize);
        ForItem(Name ?? "LoyaltyWebsite list", ErrorIds.LoyaltyWebsiteNotFound, () => Output.Write(
            name.Apply(Seen.Websites(OrganizationId ?? DefaultOrganizationId, name.ExactName, Client.ListWebsitesAsync(OrganizationId ?? DefaultOrganizationId, name.ExactName, pageSize, CancelToken)), w => w.Name, CancelToken)));
    }
}
