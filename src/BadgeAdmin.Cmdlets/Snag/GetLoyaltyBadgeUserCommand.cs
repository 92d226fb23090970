using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Naming;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Snag;

[Cmdlet(VerbsCommon.Get, "LoyaltyBadgeUser", SupportsPaging = true, HelpUri = OnlineHelp.Pages + "Get-LoyaltyBadgeUser.md")]
[OutputType(typeof(LoyaltyBadgeUser))]
public sealed class GetLoyaltyBadgeUserCommand : SnagCmdlet
{
    /// <summary>
    /// The badge whose users to list. Takes badges from Get-LoyaltyBadge by value, and a BadgeId or LoyaltyBadgeId
    /// property (a CSV column, a user badge) by name.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("LoyaltyBadgeId")]
    [IdOfPiped(typeof(LoyaltyBadge))]
    [ArgumentCompleter(typeof(LoyaltyBadgeIdCompleter))]
    public Guid BadgeId { get; set; }

    /// <summary>Only user badges in this status.</summary>
    [Parameter]
    [ValidateSet("active", "inactive", "revoked")]
    public string? Status { get; set; }

    /// <summary>Only the user badge of this wallet.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LoyaltyWalletAddressCompleter))]
    public string? WalletAddress { get; set; }

    /// <summary>User badges per request (the API's limit, 1 to 1000).</summary>
    [Parameter]
    [ValidateRange(1, SnagRoutes.MaxPageSize)]
    public int PageSize { get; set; } = SnagRoutes.MaxPageSize;

    private protected override void OnEnd() => Output.WriteTotalCountIfAsked(null); // the API reports no total

    private protected override void OnRecord()
    {
        var query = new LoyaltyBadgeUserQuery { BadgeId = BadgeId, Status = Status?.ToLowerInvariant(), WalletAddress = WalletAddress };
        var badge = Names.LoyaltyBadge(query.BadgeId);
        ForItem(query.BadgeId, ErrorIds.LoyaltyBadgeNotFound, () =>
        {
            // The API answers an unknown badge id with an empty list. Only then, one small request tells "no holders"
            // from "no such badge".
            if (Output.Write(Seen.Holders(query, Client.ListBadgeUsersAsync(query, Output.PageSizeFor(PageSize), CancelToken))) != 0 || BadgeExists(query.BadgeId)) return;
            WriteError(new CmdletError(
                new KeyNotFoundException($"{ItemNames.Subject(badge, InputRow)}: no such badge (a deleted badge has no holders to list)."),
                ErrorIds.LoyaltyBadgeNotFound, ErrorCategory.ObjectNotFound, query.BadgeId));
        }, badge);
    }

    private bool BadgeExists(Guid id) => Seen.Read(Await(token => Client.FindBadgeAsync(id, token))) is not null;
}
