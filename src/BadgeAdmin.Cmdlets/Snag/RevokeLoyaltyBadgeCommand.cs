using System.Management.Automation;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Snag;

[Cmdlet(VerbsSecurity.Revoke, "LoyaltyBadge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High, HelpUri = OnlineHelp.Pages + "Revoke-LoyaltyBadge.md")]
[OutputType(typeof(LoyaltyBadgeUserChange))]
public sealed class RevokeLoyaltyBadgeCommand : UserBadgeChangeCmdlet
{
    private protected override void OnRecord()
    {
        var user = CurrentUser();
        if (user is null) return;
        if (!Confirm.ShouldChange(UserLabel(user), $"Revoke {Names.LoyaltyBadge(BadgeId)}")) return;
        var badgeId = BadgeId;
        SendChange(user, ErrorIds.LoyaltyUserBadgeNotFound, async token => Seen.Read(await Client.RevokeAsync(badgeId, user, token).ConfigureAwait(false)));
    }
}
