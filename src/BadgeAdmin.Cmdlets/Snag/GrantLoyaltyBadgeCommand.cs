using System.Management.Automation;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Snag;

[Cmdlet(VerbsSecurity.Grant, "LoyaltyBadge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Pages + "Grant-LoyaltyBadge.md")]
[OutputType(typeof(LoyaltyBadgeUserChange))]
public sealed class GrantLoyaltyBadgeCommand : UserBadgeChangeCmdlet
{
    /// <summary>The user badge's status; active by default.</summary>
    [Parameter]
    [ValidateSet("active", "inactive", "revoked")]
    public string? Status { get; set; }

    private protected override void OnRecord()
    {
        var user = CurrentUser();
        if (user is null) return;
        if (!Confirm.ShouldChange(UserLabel(user), $"Grant {Names.LoyaltyBadge(BadgeId)}" + (Status is null ? string.Empty : $" as {Status}"))) return;
        // ValidateSet accepts any casing; the API wants the lowercase status ('Active' is refused with a 400).
        var (badgeId, status) = (BadgeId, Status?.ToLowerInvariant());
        SendChange(user, ErrorIds.LoyaltyBadgeNotFound, async token => Seen.Read(await Client.GrantAsync(badgeId, user, status, token).ConfigureAwait(false)));
    }
}
