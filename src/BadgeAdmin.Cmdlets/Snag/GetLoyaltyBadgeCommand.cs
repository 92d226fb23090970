using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Snag;

[Cmdlet(VerbsCommon.Get, "LoyaltyBadge", SupportsPaging = true, HelpUri = OnlineHelp.Pages + "Get-LoyaltyBadge.md")]
[OutputType(typeof(LoyaltyBadge))]
public sealed class GetLoyaltyBadgeCommand : SnagCmdlet
{
    private readonly List<Guid> _pendingIds = new();

    /// <summary>
    /// Badge ids to get (sent as badgeIds): piped ids by value, the Id of piped badges or CSV rows by name. Without it,
    /// every badge in scope is listed.
    /// </summary>
    [Parameter(Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LoyaltyBadgeIdCompleter))]
    public Guid[]? Id { get; set; }

    /// <summary>Website to list; defaults to the connection's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(LoyaltyWebsiteIdCompleter))]
    public Guid? WebsiteId { get; set; }

    /// <summary>A website from Get-LoyaltyWebsite, whose badges to list (Get-LoyaltyWebsite | Get-LoyaltyBadge).</summary>
    [Parameter(ValueFromPipeline = true)]
    public LoyaltyWebsite? Website { get; set; }

    /// <summary>Organization to list; defaults to the connection's.</summary>
    [Parameter]
    public Guid? OrganizationId { get; set; }

    /// <summary>Only badges these users hold (with only their user badges embedded).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LoyaltyUserIdCompleter))]
    public Guid[]? UserId { get; set; }

    /// <summary>Only badges the users with these wallets hold.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LoyaltyWalletAddressCompleter))]
    public string[]? WalletAddress { get; set; }

    /// <summary>Only badges the users of this user group hold (with only their user badges embedded).</summary>
    [Parameter]
    public Guid? UserGroupId { get; set; }

    /// <summary>Only badges the users of the user group with this external identifier hold.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? UserGroupExternalIdentifier { get; set; }

    /// <summary>Only badges with this name; wildcards allowed ('Gold*'), any casing. Applies to the listing.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [SupportsWildcards]
    public string? Name { get; set; }

    /// <summary>Include deleted badges.</summary>
    [Parameter]
    public SwitchParameter IncludeDeleted { get; set; }

    /// <summary>Badges per request (the API's limit, 1 to 1000).</summary>
    [Parameter]
    [ValidateRange(1, SnagRoutes.MaxPageSize)]
    public int PageSize { get; set; } = SnagRoutes.MaxPageSize;

    private protected override void OnRecord()
    {
        // A piped website also offers its Id by name, which is the website's, not a badge's: the website wins.
        if (Id is null || Website is not null)
        {
            var query = Query(null, OrganizationId ?? DefaultOrganizationId, Website?.Id ?? WebsiteId ?? DefaultWebsiteId, Name is null ? Output.ItemsWanted : null);
            ForItem("LoyaltyBadge list", ErrorIds.LoyaltyBadgeNotFound, () =>
            {
                var listed = Output.Write(Name is null
                    ? Seen.LoyaltyBadges(query, Client.ListBadgesAsync(query, Output.PageSizeFor(PageSize), CancelToken))
                    : new NameFilter(Name).Apply(Seen.LoyaltyBadges(query, Client.ListBadgesAsync(query, PageSize, CancelToken)), b => b.Name, CancelToken));

                // The API answers an unknown website with an empty list. Only then, one request of the organization's
                // websites tells "no badges" from "no such website".
                if (listed == 0 && query.WebsiteId is { } website && Website is null && !WebsiteExists(query.OrganizationId, website))
                {
                    WriteError(new CmdletError(
                        new KeyNotFoundException($"No loyalty website with id {website}{(query.OrganizationId is { } org ? $" in organization {org}" : string.Empty)}. Get-LoyaltyWebsite lists them."),
                        ErrorIds.LoyaltyWebsiteNotFound, ErrorCategory.ObjectNotFound, website));
                }
            });
            return;
        }

        // Ids given on the command line are all there is: progress can show the share fetched.
        if (!MyInvocation.ExpectingInput) ExpectItems(Id.Distinct().Count(), "fetched");
        _pendingIds.AddRange(Id);
        if (_pendingIds.Count >= SnagClient.BadgeIdsPerRequest) FetchPending();
    }

    private long? _found;

    private protected override void OnEnd()
    {
        FetchPending();
        Output.WriteTotalCountIfAsked(_found); // exact for -Id; the badge list reports no total
    }

    /// <summary>Fetches the ids gathered so far; with -Id only the scope given here applies, not the connection's defaults.</summary>
    private void FetchPending()
    {
        if (_pendingIds.Count == 0) return;
        var wanted = _pendingIds.Distinct().ToList();
        _pendingIds.Clear();
        var found = new Dictionary<Guid, LoyaltyBadge>();
        var query = Query(wanted, OrganizationId, WebsiteId);
        var answered = false;
        ForItem(wanted.Count == 1 ? wanted[0] : wanted, ErrorIds.LoyaltyBadgeNotFound, () =>
        {
            Stream(Seen.LoyaltyBadges(query, Client.ListBadgesAsync(query, PageSize, CancelToken)), badge => found[badge.Id] = badge);
            answered = true;
        });

        // A failed request was reported as what it was; without an answer, no id can be called missing.
        if (!answered) return;
        _found = (_found ?? 0) + found.Count;
        var missing = wanted.Where(id => !found.ContainsKey(id)).ToList();
        var notHeld = NotHeldByTheUsers(missing);
        if (notHeld is null) return;
        foreach (var id in wanted)
        {
            if (found.TryGetValue(id, out var badge))
            {
                Output.TryWrite(badge);
                continue;
            }

            if (notHeld.TryGetValue(id, out var existing))
            {
                // The filter left it out, as -WalletAddress leaves out a wallet's other badges: not an error.
                WriteVerbose($"Loyalty badge {existing.InMessages} is not held by {UserFilter()}: left out.");
                continue;
            }

            WriteError(new CmdletError(
                new KeyNotFoundException($"No loyalty badge with id {id}{(IncludeDeleted.IsPresent ? string.Empty : " (a deleted badge is shown only with -IncludeDeleted)")}."),
                ErrorIds.LoyaltyBadgeNotFound, ErrorCategory.ObjectNotFound, id));
        }
    }

    /// <summary>
    /// With a user filter, an id that did not come back may name a badge those users do not hold: one more request,
    /// without the filter and for those ids only, tells them from ids that name no badge. Null when it failed (the
    /// failure was reported, and no id can be called missing).
    /// </summary>
    private Dictionary<Guid, LoyaltyBadge>? NotHeldByTheUsers(IReadOnlyList<Guid> missing)
    {
        var existing = new Dictionary<Guid, LoyaltyBadge>();
        if (missing.Count == 0 || UserFilter() is null) return existing;
        var query = Query(missing, OrganizationId, WebsiteId, users: false);
        var answered = false;
        ForItem(missing.Count == 1 ? missing[0] : missing, ErrorIds.LoyaltyBadgeNotFound, () =>
        {
            Stream(Seen.LoyaltyBadges(query, Client.ListBadgesAsync(query, PageSize, CancelToken)), badge => existing[badge.Id] = badge);
            answered = true;
        });
        return answered ? existing : null;
    }

    /// <summary>The user filters given, as typed ("-UserGroupExternalIdentifier staff"), or null without any.</summary>
    private string? UserFilter()
    {
        var filters = new List<string>(4);
        if (UserId is { Length: > 0 }) filters.Add($"-UserId {string.Join(", ", UserId)}");
        if (WalletAddress is { Length: > 0 }) filters.Add($"-WalletAddress {string.Join(", ", WalletAddress)}");
        if (UserGroupId is { } group) filters.Add($"-UserGroupId {group}");
        if (UserGroupExternalIdentifier is { } external) filters.Add($"-UserGroupExternalIdentifier {external}");
        return filters.Count == 0 ? null : "the users of " + string.Join(" ", filters);
    }

    private bool WebsiteExists(Guid? organizationId, Guid websiteId) => Await(async token =>
    {
        await foreach (var site in Seen.Websites(organizationId, null, Client.ListWebsitesAsync(organizationId, null, SnagRoutes.MaxPageSize, token)).ConfigureAwait(false))
        {
            if (site.Id == websiteId) return true;
        }

        return false;
    });

    private LoyaltyBadgeQuery Query(IReadOnlyList<Guid>? ids, Guid? organizationId, Guid? websiteId, long? maxItems = null, bool users = true) => new()
    {
        MaxItems = maxItems,
        BadgeIds = ids,
        OrganizationId = organizationId,
        WebsiteId = websiteId,
        UserIds = users ? UserId : null,
        WalletAddresses = users ? WalletAddress : null,
        UserGroupId = users ? UserGroupId : null,
        UserGroupExternalIdentifier = users ? UserGroupExternalIdentifier : null,
        IncludeDeleted = IncludeDeleted.IsPresent,
    };
}
