using System.Text.Json.Nodes;
using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Module;

/// <summary>
/// Every pipeline README and the help examples show, bound by the engine itself. What bound is read from what the
/// cmdlets did with it: the requests the sandbox received (path and body) and the objects written.
/// </summary>
public sealed class PipelineBindingTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private const string Entries = "/api/directory/private/v1alpha/entries/partners/";
    private const string LoyaltyBadges = "/api/loyalty/badges";

    private static string EntryBadges(Guid entryId) => $"{Entries}{entryId}/badges/";

    private static string EntryBadge(Guid entryId, Guid badgeId) => $"{Entries}{entryId}/badges/{badgeId}/";

    /// <summary>The first seeded entry that has badges attached, and those badges in order.</summary>
    private (Guid Entry, IReadOnlyList<(Guid BadgeId, int Order)> Badges) EntryWithBadges()
    {
        var entry = Sandbox.EntryIds.First(id => Sandbox.Server.State.PartnerPage.BadgesOf(id).Count > 0);
        return (entry, Sandbox.Server.State.PartnerPage.BadgesOf(entry));
    }

    /// <summary>Runs a script after clearing the request log, so the requests seen are that script's alone.</summary>
    private (EngineResult Result, IReadOnlyList<BadgeAdmin.Sandbox.Control.LoggedRequest> Requests) RunLogged(string script, params (string, object?)[] variables)
    {
        Sandbox.Server.State.Requests.Clear();
        var result = Session.Run(script, variables).ThrowIfErrors();
        return (result, Sandbox.Requests.ApiCalls());
    }

    /// <summary>The Guids an expression yields in the session (ids of objects kept in variables).</summary>
    private IReadOnlyList<Guid> Ids(string expression) => Session.Run(expression).ThrowIfErrors().Output.Select(o => (Guid)o.BaseObject).ToList();

    [Fact]
    public void Get_PartnerEntry_piped_to_Get_PartnerBadge_lists_the_badges_of_every_entry()
    {
        var result = Session.Run("Get-PartnerEntry | Get-PartnerBadge").ThrowIfErrors();

        var expected = Sandbox.EntryIds.Sum(id => Sandbox.Server.State.PartnerPage.BadgesOf(id).Count);
        Assert.Equal(expected, result.Output.Count);
        Assert.Equal(Sandbox.EntryIds.ToHashSet(), result.Values("EntryId").Cast<Guid>().ToHashSet());
    }

    [Theory]
    [InlineData("-Order 3 -PassThru", 1)]
    [InlineData("-Order 3", 0)]
    public void A_badge_piped_to_Set_PartnerBadge_patches_that_badge_of_its_entry(string commandLine, int written)
    {
        var (entry, badges) = EntryWithBadges();
        Session.Run("$badge = Get-PartnerBadge -EntryId $Entry | Select-Object -First 1", ("Entry", entry)).ThrowIfErrors();

        var (result, requests) = RunLogged("$badge | Set-PartnerBadge " + commandLine);

        // EntryId and Id came from the piped badge by property name; -Order from the command line.
        var patch = Assert.Single(requests);
        Assert.Equal(("PATCH", EntryBadge(entry, badges[0].BadgeId)), (patch.Method, patch.Path));
        Assert.Equal(3, (int)patch.Json()["order"]!);
        Assert.Equal(new[] { "order" }, patch.Json().Keys());
        Assert.Equal(written, result.Output.Count);
    }

    [Fact]
    public void A_badge_piped_to_Remove_PartnerBadge_detaches_that_badge_of_its_entry()
    {
        var (entry, badges) = EntryWithBadges();
        Session.Run("$badge = Get-PartnerBadge -EntryId $Entry | Select-Object -First 1", ("Entry", entry)).ThrowIfErrors();

        var (result, requests) = RunLogged("$badge | Remove-PartnerBadge -Confirm:$false");

        var delete = Assert.Single(requests);
        Assert.Equal(("DELETE", EntryBadge(entry, badges[0].BadgeId)), (delete.Method, delete.Path));
        Assert.Empty(result.Output);
        Assert.DoesNotContain(Sandbox.Server.State.PartnerPage.BadgesOf(entry), b => b.BadgeId == badges[0].BadgeId);
    }

    [Fact]
    public void Badges_piped_to_New_PartnerBadge_for_another_entry_attach_the_same_badges_at_the_same_positions()
    {
        var (source, badges) = EntryWithBadges();
        var target = Sandbox.EntryIds.First(id => id != source &&
            !Sandbox.Server.State.PartnerPage.BadgesOf(id).Any(b => badges.Any(s => s.BadgeId == b.BadgeId)));

        var (result, requests) = RunLogged("Get-PartnerBadge -EntryId $Source | New-PartnerBadge -EntryId $Target -Confirm:$false",
            ("Source", source), ("Target", target));

        // The piped badge's Id binds -BadgeId (alias Id) and its Order -Order; -EntryId from the command line wins over
        // the badge's. The posts go out concurrently (-ThrottleLimit), so they are compared in no particular order.
        var posts = requests.To("POST", EntryBadges(target));
        Assert.Equal(badges.Select(b => (b.BadgeId, b.Order)).Order(), posts.Select(p => ((Guid)p.Json()["id"]!, (int)p.Json()["order"]!)).Order());
        Assert.Equal(badges.Count, result.Output.Count);
        Assert.All(result.Output, badge => Assert.Equal(target, badge.GuidOf("EntryId")));
    }

    [Fact]
    public void Exported_partner_badges_and_entries_pipe_back_in_from_csv()
    {
        // README: exported badges pipe straight back; exported entries go through Get-PartnerEntry (their Id column).
        var (entry, badges) = EntryWithBadges();
        var folder = Directory.CreateTempSubdirectory("badgeadmin-csv-").FullName;
        try
        {
            var (changed, changes) = RunLogged("""
                Get-PartnerBadge -EntryId $Entry | Export-Csv (Join-Path $Folder badges.csv)
                Import-Csv (Join-Path $Folder badges.csv) | Set-PartnerBadge -Order 0 -PassThru
                """, ("Entry", entry), ("Folder", folder));
            var listed = RunLogged("""
                Get-PartnerEntry | Export-Csv (Join-Path $Folder entries.csv)
                Import-Csv (Join-Path $Folder entries.csv) | Get-PartnerEntry | Get-PartnerBadge
                """, ("Folder", folder)).Result;

            Assert.Equal(badges.Select(b => EntryBadge(entry, b.BadgeId)).Order(), changes.Where(r => r.Method == "PATCH").Select(r => r.Path).Order());
            Assert.All(changed.Values("Order"), order => Assert.Equal(0, order));
            Assert.Equal(Sandbox.EntryIds.Sum(id => Sandbox.Server.State.PartnerPage.BadgesOf(id).Count), listed.Output.Count);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Objects_back_from_Import_Clixml_pipe_in_as_the_objects_they_were()
    {
        var folder = Directory.CreateTempSubdirectory("badgeadmin-clixml-").FullName;
        try
        {
            var result = Session.Run("""
                Get-PartnerEntry -First 2 | Export-Clixml (Join-Path $Folder entries.xml)
                (Import-Clixml (Join-Path $Folder entries.xml) | Get-PartnerBadge).Count -eq (Get-PartnerEntry -First 2 | Get-PartnerBadge).Count
                Get-LoyaltyBadge -First 1 | Export-Clixml (Join-Path $Folder badges.xml)
                (Import-Clixml (Join-Path $Folder badges.xml) | Get-LoyaltyBadgeUser).Count -eq (Get-LoyaltyBadge -First 1 | Get-LoyaltyBadgeUser).Count
                """, ("Folder", folder)).ThrowIfErrors();

            Assert.Equal([true, true], result.Output.Select(o => (bool)o.BaseObject));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Csv_rows_of_entry_and_badge_ids_piped_to_New_PartnerBadge_attach_each_row()
    {
        var entry = Sandbox.EntryIds[1];
        var attached = Sandbox.Server.State.PartnerPage.BadgesOf(entry).Select(b => b.BadgeId).ToHashSet();
        var badge = Sandbox.Server.State.PartnerPage.DirectoryBadgeIds.First(id => !attached.Contains(id));
        var csv = $"EntryId,BadgeId,Order\n{entry},{badge},4";

        var (result, requests) = RunLogged("$Csv | ConvertFrom-Csv | New-PartnerBadge -Confirm:$false", ("Csv", csv));

        // Import-Csv rows are PSCustomObjects of strings: every column binds by name and converts to Guid and int.
        var post = Assert.Single(requests);
        Assert.Equal(("POST", EntryBadges(entry)), (post.Method, post.Path));
        Assert.Equal((badge, 4), ((Guid)post.Json()["id"]!, (int)post.Json()["order"]!));
        Assert.Single(result.Output);
    }

    [Fact]
    public void A_badge_piped_to_Get_PartnerBadge_lists_its_entry_rather_than_fetching_the_badge_by_its_id()
    {
        var (entry, badges) = EntryWithBadges();
        Session.Run("$badge = Get-PartnerBadge -EntryId $Entry | Select-Object -First 1", ("Entry", entry)).ThrowIfErrors();

        var (result, requests) = RunLogged("$badge | Get-PartnerBadge");

        // The badge's EntryId binds by name; its Id must not bind -Id (positional only), which would fetch one badge.
        var list = Assert.Single(requests);
        Assert.Equal(("GET", EntryBadges(entry)), (list.Method, list.Path));
        Assert.Equal(badges.Select(b => b.BadgeId), result.Output.Select(b => b.GuidOf("Id")));
    }

    [Fact]
    public void Directory_badges_piped_to_New_PartnerBadge_attach_each_by_its_id_and_directories_piped_on_list_their_badges()
    {
        var directory = BadgeAdmin.Sandbox.PartnerPage.PartnerPageData.PartnerDirectoryId;
        var (entry, badges) = EntryWithBadges();
        var free = Sandbox.Server.State.PartnerPage.DirectoryBadges.First(b => b.DirectoryId == directory && badges.All(a => a.BadgeId != b.Id));

        var (result, requests) = RunLogged("Get-PartnerDirectory | Get-PartnerDirectoryBadge -Name $Name | New-PartnerBadge -EntryId $Entry -Confirm:$false",
            ("Name", free.Name), ("Entry", entry));

        // Get-PartnerDirectory's objects bind -Directory by value (not -Id by name); each directory badge's Id binds -BadgeId.
        Assert.Contains(requests, r => r.Method == "GET" && r.Path == $"/api/directory/private/v1alpha/badges/directory/{directory}/");
        var post = Assert.Single(requests.To("POST", EntryBadges(entry)));
        Assert.Equal(free.Id, (Guid)post.Json()["id"]!);
        Assert.Equal(new[] { "id" }, post.Json().Keys());
        Assert.Equal(entry, Assert.Single(result.Output).GuidOf("EntryId"));
    }

    [Fact]
    public void Loyalty_badges_piped_to_Set_LoyaltyBadge_update_each_badge_with_only_the_fields_given()
    {
        Session.Run("$badges = Get-LoyaltyBadge -First 3 | Select-Object -Skip 1").ThrowIfErrors();
        var ids = Ids("$badges.Id");

        var (result, requests) = RunLogged("$badges | Set-LoyaltyBadge -Description 'Top tier' -PassThru");

        // Changes go out concurrently (-ThrottleLimit), so the order of arrival is not the pipeline's.
        Assert.Equal(ids.Select(id => ("POST", $"{LoyaltyBadges}/{id}")).Order(), requests.Select(r => (r.Method, r.Path)).Order());
        Assert.All(requests, r => Assert.Equal("""{"description":"Top tier"}""", r.Json().ToJsonString()));
        Assert.Equal(new object?[] { "Top tier", "Top tier" }, result.Values("Description"));
    }

    [Theory]
    [InlineData("WalletAddress", "walletAddress")]
    [InlineData("WalletAddress,UserId", "userId")]
    [InlineData("UserId", "userId")]
    [InlineData("Name,WalletAddress,Email", "walletAddress")]
    [InlineData("UserId=,WalletAddress", "walletAddress")]
    public void Csv_rows_piped_to_Grant_LoyaltyBadge_award_the_badge_to_each_rows_user(string columns, string sentAs)
    {
        // Import-Csv wallets.csv | Grant-LoyaltyBadge -BadgeId $b. "UserId=" is a UserId column left empty, which must
        // count as absent (not fail to convert "" to a Guid).
        var snag = Sandbox.Server.State.Snag;
        var badge = snag.Badges.First(b => b.DeletedAt is null).Id;
        var user = snag.Users.First(u => snag.UserBadgesOf(badge).All(held => held.User.Id != u.Id));
        var cells = columns.Split(',').Select(c => c switch
        {
            "UserId" => ("UserId", user.Id.ToString()),
            "UserId=" => ("UserId", string.Empty),
            "WalletAddress" => ("WalletAddress", user.WalletAddress),
            _ => (c, c.ToLowerInvariant() + "-value"),
        }).ToList();
        var csv = string.Join(",", cells.Select(c => c.Item1)) + "\n" + string.Join(",", cells.Select(c => c.Item2));

        var (result, requests) = RunLogged("$Csv | ConvertFrom-Csv | Grant-LoyaltyBadge -BadgeId $Badge -Confirm:$false", ("Csv", csv), ("Badge", badge));

        var grant = Assert.Single(requests);
        Assert.Equal(("POST", $"{LoyaltyBadges}/{badge}/reward"), (grant.Method, grant.Path));
        Assert.Equal(new[] { sentAs }, grant.Json().Keys()); // with both columns filled, the user id wins
        Assert.Equal(sentAs == "userId" ? user.Id.ToString() : user.WalletAddress, (string)grant.Json()[sentAs]!);
        Assert.Single(result.Output);
    }

    [Fact]
    public void Badge_users_piped_to_Revoke_LoyaltyBadge_revoke_their_badge_from_their_user_not_by_their_own_id()
    {
        // Get-LoyaltyBadgeUser -BadgeId $b -Status active | Revoke-LoyaltyBadge -Confirm:$false
        var snag = Sandbox.Server.State.Snag;
        var badge = snag.Badges.First(b => snag.UserBadgesOf(b.Id).Any(u => u.Status == "active")).Id;
        var holders = snag.UserBadgesOf(badge).Where(u => u.Status == "active").ToList();
        Session.Run("$holders = Get-LoyaltyBadgeUser -BadgeId $Badge -Status active", ("Badge", badge)).ThrowIfErrors();

        var (result, requests) = RunLogged("$holders | Revoke-LoyaltyBadge -Confirm:$false");

        // LoyaltyBadgeId binds -BadgeId (alias); the user badge's own Id must not, or the path would name it.
        Assert.Equal(holders.Count, requests.Count);
        Assert.All(requests, r => Assert.Equal(("POST", $"{LoyaltyBadges}/{badge}/revoke"), (r.Method, r.Path)));
        Assert.Equal(holders.Select(h => h.User.Id).Order(), requests.Select(r => (Guid)r.Json()["userId"]!).Order());
        Assert.Equal(holders.Count, result.Output.Count);
        Assert.All(snag.UserBadgesOf(badge).Where(u => holders.Any(h => h.Id == u.Id)), u => Assert.Equal("revoked", u.Status));
    }

    [Fact]
    public void A_loyalty_badge_piped_to_Remove_LoyaltyBadge_deletes_that_badge()
    {
        Session.Run("$badge = Get-LoyaltyBadge -First 1").ThrowIfErrors();
        var id = Ids("$badge.Id").Single();

        var (result, requests) = RunLogged("$badge | Remove-LoyaltyBadge -Confirm:$false");

        var delete = Assert.Single(requests);
        Assert.Equal(("DELETE", $"{LoyaltyBadges}/{id}"), (delete.Method, delete.Path));
        Assert.Empty(result.Output);
        Assert.Null(Sandbox.Server.State.Snag.FindBadge(id));
    }

    [Fact]
    public void Loyalty_badges_piped_to_Get_LoyaltyBadgeUser_list_the_users_of_each_badge()
    {
        Session.Run("$badges = Get-LoyaltyBadge -First 2").ThrowIfErrors();
        var ids = Ids("$badges.Id");

        var (result, requests) = RunLogged("$badges | Get-LoyaltyBadgeUser");

        // The badge binds -BadgeId by value (as its Id), not by its Id property, which would not match -BadgeId.
        Assert.Equal(ids.Select(id => $"loyaltyBadgeId={id}"), requests.Select(r => r.Query.TrimStart('?').Split('&')[0]));
        Assert.All(requests, r => Assert.Equal(("GET", "/api/loyalty/badge_users"), (r.Method, r.Path)));
        Assert.Equal(ids.Sum(id => Sandbox.Server.State.Snag.UserBadgesOf(id).Count), result.Output.Count);
        Assert.Equal(ids.ToHashSet(), result.Output.Select(u => u.GuidOf("LoyaltyBadgeId")).ToHashSet());
    }

    [Fact]
    public void A_loyalty_badge_piped_to_New_LoyaltyBadge_copies_it_to_the_website_given()
    {
        var beta = Sandbox.Server.State.Snag.BetaWebsite.Id;
        Session.Run("$badge = Get-LoyaltyBadge -First 1").ThrowIfErrors();
        var source = Sandbox.Server.State.Snag.FindBadge(Ids("$badge.Id").Single())!;

        var (result, requests) = RunLogged("$badge | New-LoyaltyBadge -WebsiteId $Beta -Confirm:$false", ("Beta", beta));

        // Name, ImageUrl, Description, Conditions and Rewards bind from the badge by name; -WebsiteId from the command line.
        var create = Assert.Single(requests);
        Assert.Equal(("POST", LoyaltyBadges), (create.Method, create.Path));
        var body = create.Json();
        Assert.Equal((source.Name, source.ImageUrl, source.Description, beta.ToString()),
            ((string?)body["name"], (string?)body["imageUrl"], (string?)body["description"], (string?)body["websiteId"]));
        Assert.Equal(source.Conditions.Select(c => c.Type), body["conditions"]!.AsArray().Select(c => (string?)c!["type"]));
        Assert.Equal(source.Rewards.Count, (body["rewards"] as JsonArray)?.Count ?? 0);
        Assert.Equal(source.Name, Assert.Single(result.Output).Properties["Name"].Value);
    }
}
