using System.Management.Automation;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Snag;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Sandbox.Snag;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Snag;

/// <summary>
/// The Snag cmdlets driven as the engine drives them, against the sandbox over real HTTP, including the pipelines
/// of the Snag issue bound item by item (their binding is proven in ModuleMetadataTests).
/// </summary>
public sealed class SnagCmdletTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture _sandbox;
    private readonly SnagConnection _connection;

    public SnagCmdletTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _connection = new SnagConnection(sandbox.SnagSettings(), "test", sandbox.Snag.OrganizationId);
    }

    public void Dispose() => _connection.Dispose();

    private SnagData Data => _sandbox.Snag;

    private Guid MainWebsite => Data.MainWebsite.Id;

    private static Guid SeedBadge(int i) => StableId.For($"snag/badge/{i}");

    private Guid HeldBadge => SeedBadge(SnagData.DefaultMainWebsiteBadges - 1);

    private RecordingRuntime Connected(SnagConnection? connection = null)
    {
        var runtime = new RecordingRuntime();
        runtime.Connections.SetSnag(connection ?? _connection);
        return runtime;
    }

    [Fact]
    public void Connect_Snag_reads_key_and_base_uri_from_the_environment_and_keeps_the_defaults()
    {
        var runtime = new RecordingRuntime();
        runtime.Environment["SNAG_API_KEY"] = SandboxOptions.DefaultSnagKey;
        runtime.Environment["SNAG_BASE_URI"] = _sandbox.BaseAddress.ToString();

        CmdletRunner.Run(new ConnectSnagCommand { OrganizationId = Data.OrganizationId, WebsiteId = MainWebsite, PassThruRequested = true }, runtime);

        var connection = Assert.IsType<SnagConnection>(Assert.Single(runtime.Objects));
        Assert.Same(connection, runtime.Connections.Snag);
        Assert.Equal((_sandbox.BaseAddress, "$env:SNAG_API_KEY", (Guid?)MainWebsite), (connection.BaseUri, connection.ApiKeySource, connection.WebsiteId));
        Assert.Empty(_sandbox.Requests);

        CmdletRunner.Run(new GetLoyaltyWebsiteCommand(), runtime);
        Assert.Equal("valid", _sandbox.Requests.Single().Auth);
    }

    [Fact]
    public void Connect_Snag_defaults_to_the_production_host()
    {
        var runtime = new RecordingRuntime();
        runtime.Environment["SNAG_API_KEY"] = "k-0123456789";

        CmdletRunner.Run(new ConnectSnagCommand(), runtime);

        Assert.Equal(new Uri("https://admin.snagsolutions.io/"), runtime.Connections.Snag!.BaseUri);
    }

    [Theory]
    [InlineData("not a uri")]
    [InlineData("http://loyalty.example.com/")]
    public void Connect_Snag_refuses_a_bad_base_uri_from_the_environment(string value)
    {
        var runtime = new RecordingRuntime();
        runtime.Environment["SNAG_API_KEY"] = "k-0123456789";
        runtime.Environment["SNAG_BASE_URI"] = value;

        var ex = Assert.Throws<TerminatingErrorException>(() => CmdletRunner.Run(new ConnectSnagCommand(), runtime));

        Assert.Equal(ErrorIds.InvalidBaseUri, ex.Error.ErrorId);
        Assert.Contains("SNAG_BASE_URI", ex.Error.Exception.Message);
    }

    [Fact]
    public void Connect_Snag_without_a_key_is_ApiKeyMissing_naming_the_variable()
    {
        var ex = Assert.Throws<TerminatingErrorException>(() => CmdletRunner.Run(new ConnectSnagCommand()));

        Assert.Equal(ErrorIds.ApiKeyMissing, ex.Error.ErrorId);
        Assert.Contains("SNAG_API_KEY", ex.Error.Exception.Message);
    }

    [Fact]
    public void Snag_cmdlets_without_a_connection_end_with_NotConnected()
    {
        var ex = Assert.Throws<TerminatingErrorException>(() => CmdletRunner.Run(new GetLoyaltyBadgeCommand()));

        Assert.Equal(ErrorIds.NotConnected, ex.Error.ErrorId);
        Assert.Contains("Connect-Snag", ex.Error.Exception.Message);
    }

    [Fact]
    public void Get_LoyaltyBadge_streams_every_badge_of_the_website()
    {
        var runtime = CmdletRunner.Run(new GetLoyaltyBadgeCommand { WebsiteId = MainWebsite }, Connected());

        Assert.Equal(SnagData.DefaultMainWebsiteBadges, runtime.Objects.Count);
        Assert.Equal(3, _sandbox.Requests.Count);
        Assert.Equal(3, runtime.Verbose.Count);
        Assert.Empty(runtime.OffThreadCalls);
    }

    [Fact]
    public void Get_LoyaltyBadge_piped_to_Select_First_3_requests_one_page()
    {
        var runtime = Connected();
        runtime.StopAfterObjects = 3;

        Assert.Throws<PipelineStoppedException>(() => CmdletRunner.Run(new GetLoyaltyBadgeCommand { WebsiteId = MainWebsite }, runtime));

        Assert.Single(_sandbox.Requests);
    }

    [Fact]
    public void Get_LoyaltyBadge_uses_the_connections_website_when_none_is_given()
    {
        using var scoped = new SnagConnection(_sandbox.SnagSettings(), "test", Data.OrganizationId, Data.BetaWebsite.Id);

        var runtime = CmdletRunner.Run(new GetLoyaltyBadgeCommand(), Connected(scoped));

        Assert.Equal(SnagData.BetaWebsiteBadges, runtime.Objects.Count);
        Assert.Contains($"websiteId={Data.BetaWebsite.Id}", _sandbox.Requests.Single().Query);
    }

    [Fact]
    public void Get_LoyaltyBadge_by_id_reports_each_missing_id()
    {
        var missing = Guid.NewGuid();

        var runtime = CmdletRunner.Run(new GetLoyaltyBadgeCommand { Id = new[] { HeldBadge, missing } }, Connected());

        Assert.Equal(HeldBadge, Assert.IsType<LoyaltyBadge>(Assert.Single(runtime.Objects)).Id);
        var error = Assert.Single(runtime.Errors);
        Assert.Equal((ErrorIds.LoyaltyBadgeNotFound, ErrorCategory.ObjectNotFound, (object?)missing), (error.ErrorId, error.Category, error.TargetObject));
        Assert.Contains(missing.ToString(), error.Exception.Message);
        var request = _sandbox.Requests.Single();
        Assert.Contains($"badgeIds={HeldBadge}&badgeIds={missing}", request.Query);
        Assert.DoesNotContain("organizationId", request.Query); // by id, only an explicit scope applies
    }

    [Fact]
    public void Ids_piped_one_by_one_are_fetched_together()
    {
        var ids = Enumerable.Range(0, 5).Select(SeedBadge).ToList();

        var runtime = CmdletRunner.RunPipeline(new GetLoyaltyBadgeCommand(), ids, (c, id) => ((GetLoyaltyBadgeCommand)c).Id = new[] { id }, Connected());

        Assert.Equal(ids, runtime.Objects.Cast<LoyaltyBadge>().Select(b => b.Id));
        Assert.Single(_sandbox.Requests);
    }

    [Fact]
    public void Gold_badges_of_a_website_get_a_description_through_the_pipeline()
    {
        // Get-LoyaltyBadge -WebsiteId $w | Where-Object Name -like 'Gold*' | Set-LoyaltyBadge -Description 'Top tier' -PassThru
        var gold = CmdletRunner.Run(new GetLoyaltyBadgeCommand { WebsiteId = MainWebsite }, Connected())
            .Objects.Cast<LoyaltyBadge>().Where(b => b.Name!.StartsWith("Gold", StringComparison.OrdinalIgnoreCase)).ToList();
        _sandbox.Server.State.Requests.Clear();

        var runtime = CmdletRunner.RunPipeline(new SetLoyaltyBadgeCommand { Description = "Top tier", PassThruRequested = true }, gold,
            (c, b) => ((SetLoyaltyBadgeCommand)c).Id = b.Id, Connected());

        Assert.Equal(250, gold.Count);
        Assert.Equal(gold.Select(b => b.Id), runtime.Objects.Cast<LoyaltyBadge>().Select(b => b.Id));
        Assert.All(runtime.Objects.Cast<LoyaltyBadge>(), b => Assert.Equal("Top tier", b.Description));
        Assert.All(_sandbox.Requests, r => Assert.Equal(("POST", "{\"description\":\"Top tier\"}"), (r.Method, r.Body)));
        Assert.Equal($"loyalty badge {gold[0].Id}", runtime.ShouldProcessCalls[0].Target);
        Assert.Equal("Set description to 'Top tier'", runtime.ShouldProcessCalls[0].Action);
    }

    [Fact]
    public void Set_LoyaltyBadge_with_nothing_to_change_ends_before_any_request()
    {
        var ex = Assert.Throws<TerminatingErrorException>(() => CmdletRunner.Run(new SetLoyaltyBadgeCommand { Id = HeldBadge }, Connected()));

        Assert.Equal(ErrorIds.NothingToChange, ex.Error.ErrorId);
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void A_csv_of_wallets_piped_to_Grant_awards_each_row()
    {
        // Import-Csv wallets.csv | Grant-LoyaltyBadge -BadgeId $b
        var wallets = Enumerable.Range(0, 4).Select(i => SnagData.WalletFor($"csv/{i}")).ToList();
        var badge = SeedBadge(10);

        var runtime = CmdletRunner.RunPipeline(new GrantLoyaltyBadgeCommand { BadgeId = badge }, wallets,
            (c, w) => ((GrantLoyaltyBadgeCommand)c).WalletAddress = w, Connected());

        var results = runtime.Objects.Cast<LoyaltyBadgeUserChange>().ToList();
        Assert.Equal(wallets, results.Select(r => r.WalletAddress));
        Assert.All(results, r => Assert.Equal(("Granted", "active", badge), (r.Action, r.Status, r.LoyaltyBadgeId)));
        Assert.Equal(wallets.Select(w => $"{{\"walletAddress\":\"{w}\"}}").Order(), _sandbox.Requests.Select(r => r.Body!).Order()); // concurrent: any order
        lock (Data.Gate) Assert.Equal(4, Data.UserBadgesOf(badge).Count(u => u.Status == "active"));
    }

    [Fact]
    public void A_csv_with_user_ids_too_sends_the_user_id_and_an_empty_cell_counts_as_absent()
    {
        var known = Data.FindUser(StableId.For("snag/user/8"))!;
        var rows = new (string UserId, string Wallet)[] { (known.Id.ToString(), known.WalletAddress), ("", SnagData.WalletFor("csv/empty-user-id")) };
        var badge = SeedBadge(11);

        var runtime = CmdletRunner.RunPipeline(new GrantLoyaltyBadgeCommand { BadgeId = badge }, rows, (c, row) =>
        {
            var grant = (GrantLoyaltyBadgeCommand)c;
            grant.UserId = EmptyStringAsNullAttribute.Apply(row.UserId) is string id ? Guid.Parse(id) : null; // what binding does with the cell
            grant.WalletAddress = row.Wallet;
        }, Connected());

        Assert.Equal(2, runtime.Objects.Count);
        Assert.Empty(runtime.Errors);
        Assert.Contains(_sandbox.Requests, r => r.Body == $"{{\"userId\":\"{known.Id}\"}}");
        Assert.Contains(_sandbox.Requests, r => r.Body == $"{{\"walletAddress\":\"{rows[1].Wallet}\"}}");
    }

    [Fact]
    public void Grant_without_a_user_is_a_per_item_error_and_with_both_given_a_terminating_one()
    {
        var none = CmdletRunner.Run(new GrantLoyaltyBadgeCommand { BadgeId = HeldBadge }, Connected());
        Assert.Equal((ErrorIds.UserNotSpecified, ErrorCategory.InvalidArgument), (none.Errors.Single().ErrorId, none.Errors.Single().Category));

        var both = Assert.Throws<TerminatingErrorException>(() =>
            CmdletRunner.Run(new GrantLoyaltyBadgeCommand { BadgeId = HeldBadge, UserId = Guid.NewGuid(), WalletAddress = "0xab" }, Connected()));
        Assert.Equal(ErrorIds.UserIdAndWalletAddress, both.Error.ErrorId);
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void Grant_WhatIf_sends_nothing()
    {
        var runtime = Connected();
        runtime.ShouldProcessAnswer = false;

        CmdletRunner.Run(new GrantLoyaltyBadgeCommand { BadgeId = HeldBadge, WalletAddress = SnagData.WalletFor("x"), Status = "inactive" }, runtime);

        Assert.Equal(($"user {SnagData.WalletFor("x")}", $"Grant loyalty badge {HeldBadge} as inactive"), Assert.Single(runtime.ShouldProcessCalls));
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void Active_holders_piped_to_Revoke_lose_the_badge()
    {
        // Get-LoyaltyBadgeUser -BadgeId $b -Status active | Revoke-LoyaltyBadge -Confirm:$false
        var active = CmdletRunner.Run(new GetLoyaltyBadgeUserCommand { BadgeId = HeldBadge, Status = "active" }, Connected()).Objects.Cast<LoyaltyBadgeUser>().ToList();
        Assert.NotEmpty(active);

        var runtime = CmdletRunner.RunPipeline(new RevokeLoyaltyBadgeCommand(), active, (c, u) =>
        {
            var revoke = (RevokeLoyaltyBadgeCommand)c;
            revoke.BadgeId = u.LoyaltyBadgeId;
            revoke.UserId = u.UserId;
            revoke.WalletAddress = u.WalletAddress;
        }, Connected());

        Assert.Equal(active.Count, runtime.Objects.Count);
        Assert.All(runtime.Objects.Cast<LoyaltyBadgeUserChange>(), r => Assert.Equal("revoked", r.Status));
        Assert.Empty(CmdletRunner.Run(new GetLoyaltyBadgeUserCommand { BadgeId = HeldBadge, Status = "active" }, Connected()).Objects);
    }

    [Fact]
    public void Revoking_from_a_non_holder_is_LoyaltyUserBadgeNotFound()
    {
        var runtime = CmdletRunner.Run(new RevokeLoyaltyBadgeCommand { BadgeId = SeedBadge(3), WalletAddress = Data.FindUser(StableId.For("snag/user/1"))!.WalletAddress }, Connected());

        var error = Assert.Single(runtime.Errors);
        Assert.Equal((ErrorIds.LoyaltyUserBadgeNotFound, ErrorCategory.ObjectNotFound), (error.ErrorId, error.Category));
        Assert.StartsWith("User badge not found", error.DetailsMessage);
    }

    [Fact]
    public void Remove_LoyaltyBadge_WhatIf_sends_nothing_and_without_it_deletes()
    {
        var badge = CmdletRunner.Run(new GetLoyaltyBadgeCommand { Id = new[] { HeldBadge } }, Connected()).Objects.Cast<LoyaltyBadge>().Single();
        _sandbox.Server.State.Requests.Clear();
        var whatIf = Connected();
        whatIf.ShouldProcessAnswer = false;

        CmdletRunner.Run(new RemoveLoyaltyBadgeCommand { Id = badge.Id }, whatIf);
        Assert.Empty(_sandbox.Requests);

        var runtime = CmdletRunner.Run(new RemoveLoyaltyBadgeCommand { Id = badge.Id, PassThruRequested = true }, Connected());
        Assert.NotNull(Assert.IsType<LoyaltyBadge>(Assert.Single(runtime.Objects)).DeletedAt);
        Assert.Equal("DELETE", _sandbox.Requests.Single().Method);
    }

    [Fact]
    public void New_LoyaltyBadge_creates_on_the_connections_website()
    {
        using var scoped = new SnagConnection(_sandbox.SnagSettings(), "test", Data.OrganizationId, MainWebsite);

        var runtime = CmdletRunner.Run(new NewLoyaltyBadgeCommand
        {
            Name = "Gold Member", ImageUrl = "https://cdn.example/gold.png", HideInUiRequested = true,
            Condition = new[] { new LoyaltyCondition { Type = "points", Amount = 1000, LoyaltyCurrencyIds = new[] { Guid.NewGuid() } } },
            Reward = new[] { new LoyaltyReward { RewardType = "multiplier", Multiplier = 1.5 } },
        }, Connected(scoped));

        var badge = Assert.IsType<LoyaltyBadge>(Assert.Single(runtime.Objects));
        Assert.Equal(("Gold Member", true), (badge.Name, badge.HideInUi!.Value));
        Assert.Equal(($"website {MainWebsite}", "Create badge 'Gold Member' with 1 condition(s) and 1 reward(s)"), Assert.Single(runtime.ShouldProcessCalls));
        Assert.Contains("\"hideInUi\":true", _sandbox.Requests.Single().Body);
    }

    [Fact]
    public void New_LoyaltyBadge_refuses_an_unknown_type_or_a_missing_website_before_any_request()
    {
        var runtime = CmdletRunner.Run(new NewLoyaltyBadgeCommand
        {
            Name = "X", ImageUrl = "https://cdn.example/x.png", Condition = new[] { new LoyaltyCondition { Type = "ruel" } },
        }, Connected());

        var error = Assert.Single(runtime.Errors);
        Assert.Equal((ErrorIds.InvalidLoyaltyBadge, ErrorCategory.InvalidArgument), (error.ErrorId, error.Category));
        Assert.Contains("WebsiteId: required", error.Exception.Message);
        Assert.Contains("use one of rule, rules, points, section, level, api, badge, badges, csv", error.Exception.Message);
        Assert.Empty(runtime.ShouldProcessCalls);
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void A_badge_piped_to_New_LoyaltyBadge_is_copied_to_another_website()
    {
        var source = CmdletRunner.Run(new GetLoyaltyBadgeCommand { Id = new[] { SeedBadge(3) } }, Connected()).Objects.Cast<LoyaltyBadge>().Single();

        var runtime = CmdletRunner.RunPipeline(new NewLoyaltyBadgeCommand { WebsiteId = Data.BetaWebsite.Id }, new[] { source }, (c, b) =>
        {
            var copy = (NewLoyaltyBadgeCommand)c;
            copy.Name = b.Name!;
            copy.ImageUrl = b.ImageUrl!;
            copy.Description = b.Description;
            copy.Condition = b.Conditions!.ToArray();
            copy.Reward = b.Rewards?.ToArray();
        }, Connected());

        var copy = Assert.IsType<LoyaltyBadge>(Assert.Single(runtime.Objects));
        Assert.NotEqual(source.Id, copy.Id);
        Assert.Equal((source.Name, source.Description), (copy.Name, copy.Description));
        Assert.Equal(source.Conditions!.Select(c => c.Type), copy.Conditions!.Select(c => c.Type));
        Assert.Equal(source.Rewards!.Select(r => (r.RewardType, r.Amount)), copy.Rewards!.Select(r => (r.RewardType, r.Amount)));
    }

    [Fact]
    public void Get_LoyaltyWebsite_finds_a_website_by_name()
    {
        var runtime = CmdletRunner.Run(new GetLoyaltyWebsiteCommand { Name = "Main Website" }, Connected());

        Assert.Equal(MainWebsite, Assert.IsType<LoyaltyWebsite>(Assert.Single(runtime.Objects)).Id);
        Assert.Contains($"organizationId={Data.OrganizationId}", _sandbox.Requests.Single().Query);
    }

    [Fact]
    public void Get_LoyaltyBadgeUser_from_a_piped_badge()
    {
        var badge = CmdletRunner.Run(new GetLoyaltyBadgeCommand { Id = new[] { HeldBadge } }, Connected()).Objects.Cast<LoyaltyBadge>().Single();

        var runtime = CmdletRunner.RunPipeline(new GetLoyaltyBadgeUserCommand(), new[] { badge }, (c, b) => ((GetLoyaltyBadgeUserCommand)c).Badge = b, Connected());

        Assert.Equal(badge.UserBadges!.Select(u => u.Id).ToHashSet(), runtime.Objects.Cast<LoyaltyBadgeUser>().Select(u => u.Id).ToHashSet());
    }

    [Fact]
    public void Parameter_attributes_turn_empty_cells_into_null_and_refuse_bad_image_urls()
    {
        Assert.Null(EmptyStringAsNullAttribute.Apply(""));
        Assert.Null(EmptyStringAsNullAttribute.Apply("  "));
        Assert.Equal("0xab", EmptyStringAsNullAttribute.Apply("0xab"));
        Assert.Null(ValidateHttpUrlAttribute.Problem("https://cdn.example/a.png"));
        Assert.Contains("not an absolute http", ValidateHttpUrlAttribute.Problem("cdn.example/a.png"));
        Assert.NotNull(ValidateHttpUrlAttribute.Problem("ftp://cdn.example/a.png"));
    }
}
