using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Sandbox.PartnerPage;

namespace BadgeAdmin.Engine.Tests.Module;

/// <summary>
/// Every cmdlet typed with its ids by position, as a first session does (Get-PartnerBadge $entryId): a parent comes
/// before what it holds (the entry before its badge), and the request that goes out shows what was bound. Scripts
/// that name their parameters, in any order, bind as they always did.
/// </summary>
public sealed class PositionalParameterTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private Guid Entry => Sandbox.EntryIds[0];

    /// <summary>A badge the first entry shows.</summary>
    private Guid Attached => Sandbox.Server.State.PartnerPage.BadgesOf(Entry)[0].BadgeId;

    /// <summary>A directory badge the first entry does not show.</summary>
    private Guid Free
    {
        get
        {
            var attached = Sandbox.Server.State.PartnerPage.BadgesOf(Entry).Select(b => b.BadgeId).ToHashSet();
            return Sandbox.Server.State.PartnerPage.DirectoryBadges.First(b => !attached.Contains(b.Id)).Id;
        }
    }

    private static Guid LoyaltyBadge => StableId.For("snag/badge/2499"); // one with holders

    [Theory]
    // Changed: the entry first, the badge second; New-PartnerBadge, the image URLs and the loyalty badge of a grant take positions too.
    [InlineData("Get-PartnerBadge $e", "GET", "/api/directory/private/v1alpha/entries/partners/{e}/badges/")]
    [InlineData("Get-PartnerBadge $e $attached", "GET", "/api/directory/private/v1alpha/entries/partners/{e}/badges/{attached}/")]
    [InlineData("Set-PartnerBadge $e $attached -Order 3", "PATCH", "/api/directory/private/v1alpha/entries/partners/{e}/badges/{attached}/")]
    [InlineData("Remove-PartnerBadge $e $attached -Confirm:$false", "DELETE", "/api/directory/private/v1alpha/entries/partners/{e}/badges/{attached}/")]
    [InlineData("New-PartnerBadge $e $free -Confirm:$false", "POST", "/api/directory/private/v1alpha/entries/partners/{e}/badges/")]
    [InlineData("New-PartnerDirectoryBadge 'Positional' https://images.example/p.png -DirectoryId $d -Confirm:$false", "POST", "/api/directory/private/v1alpha/badges/directory/{d}/")]
    [InlineData("New-LoyaltyBadge 'Positional' https://cdn.example/p.png -Condition @{ type = 'points'; amount = 1 } -Confirm:$false", "POST", "/api/loyalty/badges")]
    [InlineData("Grant-LoyaltyBadge $b -WalletAddress 0x00000000000000000000000000000000000000e1", "POST", "/api/loyalty/badges/{b}/reward")]
    [InlineData("Revoke-LoyaltyBadge $b -WalletAddress 0x00000000000000000000000000000000000000e1 -Confirm:$false", "POST", "/api/loyalty/badges/{b}/revoke")]
    // Named parameters keep working, in any order, beside a positional one.
    [InlineData("Get-PartnerBadge -EntryId $e $attached", "GET", "/api/directory/private/v1alpha/entries/partners/{e}/badges/{attached}/")]
    [InlineData("Set-PartnerBadge $attached -EntryId $e -Order 3", "PATCH", "/api/directory/private/v1alpha/entries/partners/{e}/badges/{attached}/")]
    [InlineData("Remove-PartnerBadge -Id $attached -EntryId $e -Confirm:$false", "DELETE", "/api/directory/private/v1alpha/entries/partners/{e}/badges/{attached}/")]
    [InlineData("New-PartnerBadge -BadgeId $free -EntryId $e -Confirm:$false", "POST", "/api/directory/private/v1alpha/entries/partners/{e}/badges/")]
    [InlineData("Grant-LoyaltyBadge -WalletAddress 0x00000000000000000000000000000000000000e1 -BadgeId $b", "POST", "/api/loyalty/badges/{b}/reward")]
    // Unchanged: one id first where there is no parent to give (or it defaults).
    [InlineData("Get-PartnerEntry $e", "GET", "/api/directory/private/v1alpha/entries/partners/{e}/")]
    [InlineData("Get-PartnerDirectory $d", "GET", "/api/directory/private/v1alpha/directories/{d}/")]
    [InlineData("Get-PartnerDirectoryBadge $free -DirectoryId $d", "GET", "/api/directory/private/v1alpha/badges/directory/{d}/{free}/")]
    [InlineData("Set-PartnerDirectoryBadge $free -Name 'Renamed' -DirectoryId $d -Confirm:$false", "PATCH", "/api/directory/private/v1alpha/badges/directory/{d}/{free}/")]
    [InlineData("Remove-PartnerDirectoryBadge $free -DirectoryId $d -Confirm:$false", "DELETE", "/api/directory/private/v1alpha/badges/directory/{d}/{free}/")]
    [InlineData("Get-LoyaltyBadge $b", "GET", "/api/loyalty/badges")]
    [InlineData("Set-LoyaltyBadge $b -Description x -Confirm:$false", "POST", "/api/loyalty/badges/{b}")]
    [InlineData("Remove-LoyaltyBadge $b -Confirm:$false", "DELETE", "/api/loyalty/badges/{b}")]
    [InlineData("Get-LoyaltyBadgeUser $b", "GET", "/api/loyalty/badge_users")]
    [InlineData("Get-LoyaltyWebsite 'Main Website'", "GET", "/api/websites")]
    public void Ids_typed_by_position_bind_where_a_user_expects(string script, string method, string path)
    {
        var (attached, free) = (Attached, Free);

        var result = Session.Run(script + " | Out-Null", ("e", Entry), ("attached", attached), ("free", free),
            ("d", PartnerPageData.PartnerDirectoryId), ("b", LoyaltyBadge)); // a revoke from a wallet that holds nothing is a 404: the request is what counts

        var expected = path.Replace("{e}", Entry.ToString()).Replace("{attached}", attached.ToString()).Replace("{free}", free.ToString())
            .Replace("{d}", PartnerPageData.PartnerDirectoryId.ToString()).Replace("{b}", LoyaltyBadge.ToString());
        var request = Assert.Single(Sandbox.Requests.ApiCalls());
        Assert.Equal((method, expected), (request.Method, request.Path));
        if (script.StartsWith("New-PartnerBadge", StringComparison.Ordinal)) Assert.Equal($"{{\"id\":\"{free}\"}}", request.Body);
        if (script.Contains("$b", StringComparison.Ordinal) && method == "GET" && path.EndsWith("badges", StringComparison.Ordinal))
        {
            Assert.Equal(LoyaltyBadge.ToString(), request.QueryValue("badgeIds"));
        }

        if (path.EndsWith("badge_users", StringComparison.Ordinal)) Assert.Equal(LoyaltyBadge.ToString(), request.QueryValue("loyaltyBadgeId"));
        Assert.Null(result.Terminating);
    }

    [Fact]
    public void The_positions_are_those_help_and_Get_Command_show()
    {
        var positions = Session.Run("""
            foreach ($name in 'Get-PartnerBadge', 'Set-PartnerBadge', 'Remove-PartnerBadge', 'New-PartnerBadge', 'Grant-LoyaltyBadge', 'Revoke-LoyaltyBadge') {
                $command = Get-Command $name
                $command.ParameterSets[0].Parameters | Where-Object Position -GE 0 | Sort-Object Position | ForEach-Object { "$name $($_.Position) $($_.Name)" }
            }
            """).ThrowIfErrors().Output.Select(o => o.ToString()).ToList();

        Assert.Equal([
            "Get-PartnerBadge 0 EntryId", "Get-PartnerBadge 1 Id",
            "Set-PartnerBadge 0 EntryId", "Set-PartnerBadge 1 Id",
            "Remove-PartnerBadge 0 EntryId", "Remove-PartnerBadge 1 Id",
            "New-PartnerBadge 0 EntryId", "New-PartnerBadge 1 BadgeId",
            "Grant-LoyaltyBadge 0 BadgeId", "Revoke-LoyaltyBadge 0 BadgeId"], positions);
    }
}
