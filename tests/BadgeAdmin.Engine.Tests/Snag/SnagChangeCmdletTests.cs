using System.Text.Json.Nodes;
using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox.Snag;
using static BadgeAdmin.Engine.Tests.Support.SnagSandbox;

namespace BadgeAdmin.Engine.Tests.Snag;

/// <summary>
/// The Snag cmdlets that change something (New-, Set-, Remove-, Grant-, Revoke-LoyaltyBadge) typed as in pwsh,
/// mostly fed by a pipeline: the exact requests the sandbox received, what was written, -WhatIf and -Confirm.
/// </summary>
public sealed class SnagChangeCmdletTests : SandboxEngineTest, IDisposable
{
    private const string PerformingPrefix = "Performing the operation ";

    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"badgeadmin-snag-{Guid.NewGuid():N}");

    public SnagChangeCmdletTests(SandboxEngineFixture sandbox)
        : base(sandbox)
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SnagData Data => Sandbox.Server.State.Snag;

    private SnagBadge Badge(Guid id)
    {
        lock (Data.Gate) return Data.FindBadge(id, includeDeleted: true) ?? throw new InvalidOperationException($"No badge {id} in the sandbox.");
    }

    /// <summary>A CSV file as a user would have it, for Import-Csv.</summary>
    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    /// <summary>ShouldProcess's own -Verbose line: how the engine shows a change's target and action.</summary>
    private static string Performing(string action, string target) => $"{PerformingPrefix}\"{action}\" on target \"{target}\".";

    [Fact]
    public void Gold_badges_of_a_website_get_a_description_through_the_pipeline()
    {
        var result = Session.Run(
            "Get-LoyaltyBadge -WebsiteId $WebsiteId | Where-Object Name -like 'Gold*' | Set-LoyaltyBadge -Description 'Top tier' -PassThru -Verbose",
            ("WebsiteId", Sandbox.MainWebsiteId)).ThrowIfErrors();

        List<(Guid Id, string Name)> golden;
        lock (Data.Gate) golden = Data.Badges.Where(b => b.WebsiteId == Sandbox.MainWebsiteId && b.Name.StartsWith("Gold", StringComparison.Ordinal)).Select(b => (b.Id, b.Name)).ToList();
        var gold = golden.Select(b => b.Id).ToList();
        Assert.Equal(250, gold.Count);
        Assert.Equal(gold, result.Values("Id").Cast<Guid>()); // written in input order although sent concurrently
        Assert.All(result.Values("Description"), d => Assert.Equal("Top tier", d));
        // Each badge by the name it was listed with, its id beside it.
        Assert.Equal(golden.Select(b => Performing("Set description to 'Top tier'", $"loyalty badge '{b.Name}' ({b.Id})")),
            result.Verbose.Where(v => v.StartsWith(PerformingPrefix, StringComparison.Ordinal)));

        var posts = Sandbox.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(gold.Select(id => $"/api/loyalty/badges/{id}").Order(), posts.Select(r => r.Path).Order());
        Assert.All(posts, r => Assert.Equal(("{\"description\":\"Top tier\"}", 200), (r.Body, r.Status)));
        Assert.All(gold, id => Assert.Equal("Top tier", Badge(id).Description));
    }

    [Fact]
    public void Set_LoyaltyBadge_with_nothing_to_change_ends_before_any_request()
    {
        var result = Session.Run("try { Set-LoyaltyBadge -Id $Held } catch { throw }", ("Held", HeldBadge));

        Assert.Equal("NothingToChange", result.TerminatingErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord.CategoryInfo.Category);
        Assert.Empty(Sandbox.Requests);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ids_piped_to_Set_LoyaltyBadge_change_each_badge(bool asStrings)
    {
        var ids = new[] { SeedBadge(20), SeedBadge(21), SeedBadge(22) };

        var result = Session.Run("$Ids | Set-LoyaltyBadge -Description 'x'",
            ("Ids", asStrings ? ids.Select(id => id.ToString()).ToArray() : ids)).ThrowIfErrors();

        Assert.Empty(result.Output); // no -PassThru
        var requests = Sandbox.Requests;
        Assert.Equal(ids.Select(id => $"/api/loyalty/badges/{id}").Order(), requests.Select(r => r.Path).Order());
        Assert.All(requests, r => Assert.Equal(("POST", "{\"description\":\"x\"}", 200), (r.Method, r.Body, r.Status)));
        Assert.All(ids, id => Assert.Equal("x", Badge(id).Description));
    }

    [Fact]
    public void Exported_badges_imported_from_csv_are_changed_by_their_Id_column()
    {
        var csv = Path.Combine(_folder, "badges.csv");

        var result = Session.Run("""
            Get-LoyaltyBadge -First 3 | Export-Csv -Path $Csv
            Import-Csv -Path $Csv | Set-LoyaltyBadge -Description 'From CSV' -PassThru
            """, ("Csv", csv)).ThrowIfErrors();

        // The rows' other columns (Name, ImageUrl, HideInUi…) bind to nothing: only the description is sent.
        var newest = new[] { HeldBadge, SeedBadge(2498), SeedBadge(2497) };
        Assert.Equal(newest, result.Values("Id").Cast<Guid>());
        Assert.All(result.Values("Description"), d => Assert.Equal("From CSV", d));
        var posts = Sandbox.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(newest.Select(id => $"/api/loyalty/badges/{id}").Order(), posts.Select(r => r.Path).Order());
        Assert.All(posts, r => Assert.Equal("{\"description\":\"From CSV\"}", r.Body));
    }

    [Fact]
    public void Set_LoyaltyBadge_refuses_an_image_url_that_is_not_absolute_http_in_binding()
    {
        var result = Session.Run("""
            Set-LoyaltyBadge -Id $Held -ImageUrl 'cdn.example/a.png'
            Set-LoyaltyBadge -Id $Held -ImageUrl 'ftp://cdn.example/a.png'
            Set-LoyaltyBadge -Id $Held -ImageUrl 'https://cdn.example/a.png'
            """, ("Held", HeldBadge));

        Assert.Equal(new[] { "ParameterArgumentValidationError", "ParameterArgumentValidationError" }, result.ErrorIds);
        Assert.Contains("'cdn.example/a.png' is not an absolute http:// or https:// URL", result.Errors[0].Exception.Message);
        Assert.Contains("'ftp://cdn.example/a.png' is not an absolute http:// or https:// URL", result.Errors[1].Exception.Message);
        var request = Assert.Single(Sandbox.Requests); // only the https URL was sent
        Assert.Equal("{\"imageUrl\":\"https://cdn.example/a.png\"}", request.Body);
    }

    [Fact]
    public void A_csv_of_wallets_piped_to_Grant_awards_each_row()
    {
        var wallets = Enumerable.Range(0, 4).Select(i => SnagData.WalletFor($"csv/{i}")).ToList();
        var csv = Csv("wallets.csv", wallets.Select((w, i) => $"Member {i},{w}").Prepend("Name,WalletAddress").ToArray());
        var badge = SeedBadge(10);

        var result = Session.Run("Import-Csv $Csv | Grant-LoyaltyBadge -BadgeId $Badge", ("Csv", csv), ("Badge", badge)).ThrowIfErrors();

        Assert.Equal(wallets, result.Values("WalletAddress"));
        Assert.All(result.Output, r => Assert.Equal(("Granted", "active", (object)badge),
            ((string)r.Properties["Action"].Value, (string)r.Properties["Status"].Value, r.Properties["LoyaltyBadgeId"].Value)));
        var requests = Sandbox.Requests;
        Assert.All(requests, r => Assert.Equal(("POST", $"/api/loyalty/badges/{badge}/reward"), (r.Method, r.Path)));
        Assert.Equal(wallets.Select(w => $"{{\"walletAddress\":\"{w}\"}}").Order(), requests.Select(r => r.Body!).Order()); // concurrent: any order
        lock (Data.Gate) Assert.Equal(4, Data.UserBadgesOf(badge).Count(u => u.Status == "active"));
    }

    [Fact]
    public void A_csv_with_user_ids_too_sends_the_user_id_and_an_empty_cell_counts_as_absent()
    {
        SnagUser known;
        lock (Data.Gate) known = Data.FindUser(SeedUser(8))!;
        var newWallet = SnagData.WalletFor("csv/empty-user-id");
        // The first row's wallet is someone else's: the user id wins, and the result must not name that wallet.
        var otherWallet = SnagData.WalletFor("csv/not-this-user");
        var csv = Csv("users.csv", "UserId,WalletAddress", $"{known.Id},{otherWallet}", $",{newWallet}");
        var badge = SeedBadge(11);

        var result = Session.Run("Import-Csv $Csv | Grant-LoyaltyBadge -BadgeId $Badge", ("Csv", csv), ("Badge", badge)).ThrowIfErrors();

        Assert.Equal(2, result.Output.Count);
        Assert.Equal(known.Id, result.Values("UserId")[0]);
        Assert.Null(result.Values("WalletAddress")[0]);
        Assert.Equal(newWallet, result.Values("WalletAddress")[1]);
        Assert.Equal(new[] { $"{{\"userId\":\"{known.Id}\"}}", $"{{\"walletAddress\":\"{newWallet}\"}}" }.Order(), Sandbox.Requests.Select(r => r.Body!).Order());
    }

    [Fact]
    public void Grant_without_a_user_is_a_per_item_error_and_with_both_given_a_terminating_one()
    {
        var none = Session.Run("try { Grant-LoyaltyBadge -BadgeId $Held } catch { throw }", ("Held", HeldBadge));
        Assert.Null(none.Terminating);
        Assert.Equal("UserNotSpecified", Assert.Single(none.ErrorIds));
        Assert.Equal((ErrorCategory.InvalidArgument, (object)HeldBadge), (none.Errors[0].CategoryInfo.Category, none.Errors[0].TargetObject));

        var both = Session.Run("try { Grant-LoyaltyBadge -BadgeId $Held -UserId (New-Guid) -WalletAddress '0xab' } catch { throw }", ("Held", HeldBadge));
        Assert.Equal("UserIdAndWalletAddress", both.TerminatingErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, Assert.IsAssignableFrom<IContainsErrorRecord>(both.Terminating).ErrorRecord.CategoryInfo.Category);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void Grant_with_an_empty_user_id_uses_the_wallet_and_with_a_blank_wallet_has_no_user()
    {
        var wallet = SnagData.WalletFor("blank-cells");

        var result = Session.Run("""
            Grant-LoyaltyBadge -BadgeId $Held -UserId '' -WalletAddress $Wallet
            Grant-LoyaltyBadge -BadgeId $Held -WalletAddress '  '
            """, ("Held", HeldBadge), ("Wallet", wallet));

        // '' is no user id rather than a failed Guid conversion; '  ' is no wallet.
        Assert.Equal(wallet, Assert.Single(result.Values("WalletAddress")));
        Assert.Equal("UserNotSpecified", Assert.Single(result.ErrorIds));
        Assert.Equal($"{{\"walletAddress\":\"{wallet}\"}}", Assert.Single(Sandbox.Requests).Body);
    }

    [Fact]
    public void Grant_WhatIf_sends_nothing()
    {
        var result = Session.Run("Grant-LoyaltyBadge -BadgeId $Held -WalletAddress $Wallet -Status inactive -WhatIf",
            ("Held", HeldBadge), ("Wallet", SnagData.WalletFor("x"))).ThrowIfErrors();

        Assert.Empty(result.Output);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void Grant_with_a_status_names_badge_status_and_user_and_sends_the_status()
    {
        var wallet = SnagData.WalletFor("x");

        var result = Session.Run("Grant-LoyaltyBadge -BadgeId $Held -WalletAddress $Wallet -Status inactive -Verbose",
            ("Held", HeldBadge), ("Wallet", wallet)).ThrowIfErrors();

        Assert.Equal(Performing($"Grant loyalty badge {HeldBadge} as inactive", $"wallet {wallet}"), result.Verbose[0]);
        Assert.Equal("inactive", Assert.Single(result.Values("Status")));
        Assert.Equal($"{{\"walletAddress\":\"{wallet}\",\"status\":\"inactive\"}}", Assert.Single(Sandbox.Requests).Body);
    }

    [Fact]
    public void A_new_badge_piped_to_Grant_is_awarded_to_the_wallet()
    {
        var wallet = SnagData.WalletFor("new-badge");

        var result = Session.Run(
            "New-LoyaltyBadge -Name 'Launch Day' -ImageUrl 'https://cdn.example/launch.png' -Condition @{ type = 'points'; amount = 10 } | Grant-LoyaltyBadge -WalletAddress $Wallet",
            ("Wallet", wallet)).ThrowIfErrors();

        Guid created;
        lock (Data.Gate) created = Data.Badges.Single(b => b.Name == "Launch Day").Id;
        var grant = Assert.Single(result.Output);
        Assert.Equal(("Granted", (object)created, wallet), ((string)grant.Properties["Action"].Value, grant.Properties["LoyaltyBadgeId"].Value, (string)grant.Properties["WalletAddress"].Value));
        Assert.Equal(new[] { ("POST", "/api/loyalty/badges"), ("POST", $"/api/loyalty/badges/{created}/reward") }, Sandbox.Requests.Select(r => (r.Method, r.Path)));
        Assert.Equal($"{{\"walletAddress\":\"{wallet}\"}}", Sandbox.Requests[1].Body);
    }

    [Fact]
    public void Active_holders_piped_to_Revoke_lose_the_badge()
    {
        List<SnagUserBadge> active;
        lock (Data.Gate) active = Data.UserBadgesOf(HeldBadge).Where(u => u.Status == "active").ToList();
        Assert.NotEmpty(active);

        var result = Session.Run("Get-LoyaltyBadgeUser -BadgeId $Held -Status active | Revoke-LoyaltyBadge -Confirm:$false", ("Held", HeldBadge)).ThrowIfErrors();

        Assert.Equal(active.Select(u => (object?)u.User.Id), result.Values("UserId"));
        Assert.All(result.Output, r => Assert.Equal(("Revoked", "revoked"), ((string)r.Properties["Action"].Value, (string)r.Properties["Status"].Value)));
        // The user badge offers both UserId and WalletAddress by name; the user id is what is sent.
        var revokes = Sandbox.Requests.Where(r => r.Method == "POST").ToList();
        Assert.All(revokes, r => Assert.Equal($"/api/loyalty/badges/{HeldBadge}/revoke", r.Path));
        Assert.Equal(active.Select(u => $"{{\"userId\":\"{u.User.Id}\"}}").Order(), revokes.Select(r => r.Body!).Order());

        var after = Session.Run("Get-LoyaltyBadgeUser -BadgeId $Held -Status active", ("Held", HeldBadge)).ThrowIfErrors();
        Assert.Empty(after.Output);
    }

    [Fact]
    public void Revoking_from_a_non_holder_is_LoyaltyUserBadgeNotFound_about_the_user()
    {
        string wallet;
        lock (Data.Gate) wallet = Data.FindUser(SeedUser(1))!.WalletAddress;

        var result = Session.Run("Revoke-LoyaltyBadge -BadgeId $Badge -WalletAddress $Wallet -Confirm:$false", ("Badge", SeedBadge(3)), ("Wallet", wallet));

        Assert.Empty(result.Output);
        Assert.Equal("LoyaltyUserBadgeNotFound", Assert.Single(result.ErrorIds));
        Assert.Equal((ErrorCategory.ObjectNotFound, (object)wallet), (result.Errors[0].CategoryInfo.Category, result.Errors[0].TargetObject));
        Assert.StartsWith($"Wallet {wallet}, loyalty badge {SeedBadge(3)}: User badge not found (POST ", result.Errors[0].ErrorDetails.Message);
        Assert.Equal(404, Assert.Single(Sandbox.Requests).Status);
    }

    [Theory]
    [InlineData("Grant-LoyaltyBadge")]
    [InlineData("Revoke-LoyaltyBadge")]
    public void A_missing_badge_is_LoyaltyBadgeNotFound_about_the_badge(string cmdlet)
    {
        var missing = Guid.NewGuid();
        string wallet;
        lock (Data.Gate) wallet = Data.FindUser(SeedUser(1))!.WalletAddress;

        var result = Session.Run(cmdlet + " -BadgeId $Badge -WalletAddress $Wallet -Confirm:$false", ("Badge", missing), ("Wallet", wallet));

        Assert.Empty(result.Output);
        Assert.Equal("LoyaltyBadgeNotFound", Assert.Single(result.ErrorIds));
        Assert.Equal((ErrorCategory.ObjectNotFound, (object)missing), (result.Errors[0].CategoryInfo.Category, result.Errors[0].TargetObject));
        Assert.StartsWith($"Wallet {wallet}, loyalty badge {missing}: Badge not found (POST ", result.Errors[0].ErrorDetails.Message);
        Assert.Equal(404, Assert.Single(Sandbox.Requests).Status);
    }

    [Theory]
    [InlineData("Grant-LoyaltyBadge")]
    [InlineData("Revoke-LoyaltyBadge")]
    public void An_unknown_user_of_an_existing_badge_is_LoyaltyUserNotFound_about_the_user(string cmdlet)
    {
        const string unknownUser = "00000000-0000-0000-0000-000000000001";

        var result = Session.Run(cmdlet + " -BadgeId $Badge -UserId $User -Confirm:$false", ("Badge", SeedBadge(3)), ("User", unknownUser));

        Assert.Empty(result.Output);
        Assert.Equal("LoyaltyUserNotFound", Assert.Single(result.ErrorIds));
        Assert.Equal((ErrorCategory.ObjectNotFound, (object)unknownUser), (result.Errors[0].CategoryInfo.Category, result.Errors[0].TargetObject));
        Assert.StartsWith($"User {unknownUser}, loyalty badge {SeedBadge(3)}: User not found (POST ", result.Errors[0].ErrorDetails.Message);
        Assert.Equal(404, Assert.Single(Sandbox.Requests).Status);
    }

    [Theory]
    [InlineData("Grant-LoyaltyBadge", "LoyaltyBadgeNotFound")]
    [InlineData("Revoke-LoyaltyBadge", "LoyaltyUserBadgeNotFound")]
    public async Task A_404_whose_message_names_neither_badge_nor_user_gets_the_cmdlets_default(string cmdlet, string errorId)
    {
        string wallet;
        lock (Data.Gate) wallet = Data.FindUser(SeedUser(1))!.WalletAddress;
        await Sandbox.AddFaultAsync(new { path = $"/api/loyalty/badges/{HeldBadge}/*", status = 404, body = "{\"message\":\"Not Found\"}" });

        var result = Session.Run(cmdlet + " -BadgeId $Badge -WalletAddress $Wallet -Confirm:$false", ("Badge", HeldBadge), ("Wallet", wallet));

        Assert.Empty(result.Output);
        Assert.Equal(errorId, Assert.Single(result.ErrorIds));
        var target = errorId == "LoyaltyBadgeNotFound" ? (object)HeldBadge : wallet;
        Assert.Equal((ErrorCategory.ObjectNotFound, target), (result.Errors[0].CategoryInfo.Category, result.Errors[0].TargetObject));
        Assert.True(Assert.Single(Sandbox.Requests).Faulted);
    }

    [Fact]
    public void Remove_LoyaltyBadge_WhatIf_sends_nothing_and_without_it_deletes()
    {
        Session.Run("$badge = Get-LoyaltyBadge -Id $Held", ("Held", HeldBadge)).ThrowIfErrors();
        Sandbox.Server.State.Requests.Clear();

        var whatIf = Session.Run("$badge | Remove-LoyaltyBadge -WhatIf").ThrowIfErrors();
        Assert.Empty(whatIf.Output);
        Assert.Empty(Sandbox.Requests);
        Assert.Null(Badge(HeldBadge).DeletedAt);

        var removed = Session.Run("$badge | Remove-LoyaltyBadge -Confirm:$false -PassThru").ThrowIfErrors();
        Assert.NotNull(Assert.Single(removed.Values("DeletedAt")));
        var request = Assert.Single(Sandbox.Requests);
        Assert.Equal(("DELETE", $"/api/loyalty/badges/{HeldBadge}"), (request.Method, request.Path));
        Assert.NotNull(Badge(HeldBadge).DeletedAt);
    }

    [Theory]
    [InlineData("Remove-LoyaltyBadge -Id $Held", "Delete badge")]
    [InlineData("Revoke-LoyaltyBadge -BadgeId $Held -WalletAddress 0x00000000000000000000000000000000000000b9", "Revoke loyalty badge")]
    [InlineData("Get-LoyaltyBadge -Id $Held | Remove-LoyaltyBadge", "Delete badge")]
    public void A_change_that_confirms_by_default_ends_with_ConfirmationRequired_where_nobody_can_answer(string script, string action)
    {
        // ConfirmImpact High: without -Confirm:$false the engine would prompt, which a runbook (or this host) cannot answer.
        var result = Session.Run("try { " + script + " } catch { throw }", ("Held", HeldBadge));

        var error = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.Equal("ConfirmationRequired", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("-Confirm:$false", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        // The message itself says what was to be done, to what, that nothing was, and how to go ahead.
        Assert.Contains($"\"{action}", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed. Add -Confirm:$false", error.Exception.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(Sandbox.Requests, r => r.Method is "DELETE" or "POST");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Ids_piped_to_Remove_LoyaltyBadge_delete_each_badge(bool asStrings)
    {
        var ids = new[] { SeedBadge(30), SeedBadge(31), SeedBadge(32) };

        var result = Session.Run("$Ids | Remove-LoyaltyBadge -Confirm:$false",
            ("Ids", asStrings ? ids.Select(id => id.ToString()).ToArray() : ids)).ThrowIfErrors();

        Assert.Empty(result.Output); // no -PassThru
        var requests = Sandbox.Requests;
        Assert.All(requests, r => Assert.Equal(("DELETE", 200), (r.Method, r.Status)));
        Assert.Equal(ids.Select(id => $"/api/loyalty/badges/{id}").Order(), requests.Select(r => r.Path).Order());
        Assert.All(ids, id => Assert.NotNull(Badge(id).DeletedAt));
    }

    [Fact]
    public void New_LoyaltyBadge_creates_on_the_connections_website()
    {
        var currency = Guid.NewGuid();

        var result = Session.Run("""
            New-LoyaltyBadge -Name 'Gold Member' -ImageUrl 'https://cdn.example/gold.png' -HideInUi -Verbose `
                -Condition @{ type = 'points'; amount = 1000; loyaltyCurrencyIds = @($Currency) } `
                -Reward @{ rewardType = 'multiplier'; multiplier = 1.5 }
            """, ("Currency", currency)).ThrowIfErrors();

        var badge = Assert.Single(result.Output);
        Assert.Equal(("Gold Member", (object?)true), ((string)badge.Properties["Name"].Value, badge.Properties["HideInUi"].Value));
        Assert.Equal(Performing("Create badge 'Gold Member' with 1 condition(s) and 1 reward(s)", $"website {Sandbox.MainWebsiteId}"), result.Verbose[0]);

        var request = Assert.Single(Sandbox.Requests);
        Assert.Equal(("POST", "/api/loyalty/badges"), (request.Method, request.Path));
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal((Sandbox.OrganizationId.ToString(), Sandbox.MainWebsiteId.ToString(), true),
            ((string?)body["organizationId"], (string?)body["websiteId"], (bool?)body["hideInUi"]));
        Assert.Equal(("points", 1000.0, currency.ToString()),
            ((string?)body["conditions"]![0]!["type"], (double?)body["conditions"]![0]!["amount"], (string?)body["conditions"]![0]!["loyaltyCurrencyIds"]![0]));
        Assert.Equal(("multiplier", 1.5), ((string?)body["rewards"]![0]!["rewardType"], (double?)body["rewards"]![0]!["multiplier"]));
    }

    [Fact]
    public void New_LoyaltyBadge_refuses_an_unknown_type_or_a_missing_website_before_any_request()
    {
        Sandbox.ConnectSnag("-OrganizationId $OrgId"); // no default website

        var result = Session.Run("New-LoyaltyBadge -Name 'X' -ImageUrl 'https://cdn.example/x.png' -Condition @{ type = 'ruel' } -Verbose");

        Assert.Empty(result.Output);
        Assert.Equal("InvalidLoyaltyBadge", Assert.Single(result.ErrorIds));
        var error = result.Errors[0];
        Assert.Equal((ErrorCategory.InvalidArgument, (object)"X"), (error.CategoryInfo.Category, error.TargetObject));
        Assert.Contains("WebsiteId: required", error.Exception.Message);
        Assert.Contains("use one of rule, rules, points, section, level, api, badge, badges, csv", error.Exception.Message);
        Assert.DoesNotContain(result.Verbose, v => v.StartsWith(PerformingPrefix, StringComparison.Ordinal)); // refused before ShouldProcess
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void A_badge_piped_to_New_LoyaltyBadge_is_copied_to_another_website()
    {
        var beta = Data.BetaWebsite.Id;

        var result = Session.Run("Get-LoyaltyBadge -Id $Source | New-LoyaltyBadge -WebsiteId $Beta", ("Source", SeedBadge(3)), ("Beta", beta)).ThrowIfErrors();

        var source = Badge(SeedBadge(3));
        var copyId = (Guid)Assert.Single(result.Values("Id"))!;
        Assert.NotEqual(source.Id, copyId);
        var copy = Badge(copyId);
        Assert.Equal((beta, source.Name, source.Description, source.ImageUrl), (copy.WebsiteId, copy.Name, copy.Description, copy.ImageUrl));
        Assert.Equal(source.Conditions.Select(c => (c.Type, c.Amount)), copy.Conditions.Select(c => (c.Type, c.Amount)));
        Assert.NotEmpty(source.Rewards);
        Assert.Equal(source.Rewards.Select(r => (r.RewardType, r.Amount)), copy.Rewards.Select(r => (r.RewardType, r.Amount)));
        var create = Sandbox.Requests.Single(r => r.Method == "POST");
        Assert.Equal(beta.ToString(), (string?)JsonNode.Parse(create.Body!)!["websiteId"]);
    }
}
