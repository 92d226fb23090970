using System.Text.Json.Nodes;
using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox.Control;
using BadgeAdmin.Sandbox.PartnerPage;
using BadgeAdmin.Sandbox.Snag;
using static BadgeAdmin.Engine.Tests.Support.SnagSandbox;

namespace BadgeAdmin.Engine.Tests.Configuration;

/// <summary>
/// Export-, Compare- and Sync-BadgeConfiguration typed as in pwsh against the sandbox: export then compare is empty;
/// drift made on the server shows as the right change and a sync restores it; the exact requests each sends; -WhatIf,
/// -Prune and -AllowReplace guards; prune stays inside the file's scope; bad files are refused before any request.
/// </summary>
public sealed class BadgeConfigurationTests : IClassFixture<ConfigurationFixture>, IDisposable
{
    private readonly ConfigurationFixture _sandbox;
    private readonly EngineSession _session;
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"badgeadmin-config-{Guid.NewGuid():N}");

    public BadgeConfigurationTests(ConfigurationFixture sandbox)
    {
        _sandbox = sandbox;
        _session = sandbox.Reset();
        Directory.CreateDirectory(_folder);
        _session.Run("Set-Location -LiteralPath $Folder", ("Folder", _folder)).ThrowIfErrors();
    }

    public void Dispose()
    {
        _session.Run("Set-Location -LiteralPath $HOME");
        Directory.Delete(_folder, recursive: true);
    }

    private PartnerPageData PartnerPage => _sandbox.Server.State.PartnerPage;

    private SnagData Snag => _sandbox.Server.State.Snag;

    private string FilePath(string name) => Path.Combine(_folder, name);

    private EngineResult Run(string script, params (string Name, object? Value)[] variables) => _session.Run(script, variables);

    /// <summary>Exports, then forgets the export's requests: what a test asserts is what comes after.</summary>
    private void Export(string file, string parameters = "")
    {
        Run($"Export-BadgeConfiguration -Path {file} {parameters}").ThrowIfErrors();
        _sandbox.Server.State.Requests.Clear();
    }

    private IReadOnlyList<LoggedRequest> Requests => _sandbox.Requests;

    private IReadOnlyList<LoggedRequest> Writes => Requests.Where(r => r.Method != "GET").ToList();

    private void Edit(string file, Func<string, string> change) => File.WriteAllText(FilePath(file), change(File.ReadAllText(FilePath(file))));

    private Guid GoldPartner => PartnerPage.DirectoryBadges.Single(b => b.Name == "Gold Partner").Id;

    [Theory]
    [InlineData("badges.yaml")]
    [InlineData("badges.json")]
    public void An_export_compares_clean_reading_each_collection_once_and_a_second_export_is_byte_identical(string file)
    {
        Run($"Export-BadgeConfiguration -Path {file}").ThrowIfErrors();
        var first = File.ReadAllBytes(FilePath(file));
        _sandbox.Server.State.Requests.Clear();

        var compare = Run($"Compare-BadgeConfiguration -Path {file} -Prune").ThrowIfErrors();

        Assert.Empty(compare.Output);
        Assert.All(Requests, r => Assert.Equal("GET", r.Method));
        // Each collection once: directories, entries (3 pages of 5), the two directories' badges, each of the 12
        // entries' badges, the websites, and one page of the main website's 60 badges.
        Assert.Single(Requests, r => r.Path.EndsWith("/directories/", StringComparison.Ordinal));
        Assert.Equal(3 + 1, Requests.Count(r => r.Path.Contains("/badges/directory/", StringComparison.Ordinal))); // 14 badges in pages of 5, and none
        Assert.Equal(3, Requests.Count(r => r.Path.EndsWith("/entries/partners/", StringComparison.Ordinal)));
        var entryBadgeLists = Requests.Where(r => r.Path.EndsWith("/badges/", StringComparison.Ordinal) && r.Path.Contains("/entries/partners/", StringComparison.Ordinal)).ToList();
        Assert.Equal(12, entryBadgeLists.Select(r => r.Path).Distinct().Count());
        Assert.Equal(14, entryBadgeLists.Count); // two entries have 6 badges: a second page of 5
        Assert.Single(Requests, r => r.Path == "/api/websites");
        Assert.Single(Requests, r => r.Path == "/api/loyalty/badges");
        Assert.Equal(1 + 3 + 4 + 14 + 1 + 1, Requests.Count);

        Run($"Export-BadgeConfiguration -Path {file} -Force").ThrowIfErrors();
        Assert.Equal(first, File.ReadAllBytes(FilePath(file)));
        Assert.False(first.Take(3).SequenceEqual(new byte[] { 0xEF, 0xBB, 0xBF }), "no BOM");
        Assert.DoesNotContain((byte)'\r', first);
        Assert.Equal((byte)'\n', first[^1]);
    }

    [Fact]
    public void What_an_export_or_compare_read_names_items_afterwards_as_other_reads_do()
    {
        var held = Snag.UserBadges.First(u => u.Status == "active" && u.WebsiteId == _sandbox.MainWebsiteId).BadgeId;
        var name = Snag.Badges.Single(b => b.Id == held).Name;

        Export("loyalty.json", "-Service Snag");
        var holders = Run("Get-LoyaltyBadgeUser -BadgeId $Badge -First 1", ("Badge", held)).ThrowIfErrors();

        Assert.Equal(name, holders.Output.Single().Property<string>("LoyaltyBadgeName"));
        Assert.DoesNotContain(Requests, r => r.Path == "/api/loyalty/badges"); // named from what the export read, not read again

        var compared = _sandbox.Reset();
        compared.Run("Set-Location -LiteralPath $Folder", ("Folder", _folder)).ThrowIfErrors();
        compared.Run("Compare-BadgeConfiguration -Path loyalty.json").ThrowIfErrors();
        Assert.Equal(name, compared.Run("Get-LoyaltyBadgeUser -BadgeId $Badge -First 1", ("Badge", held)).ThrowIfErrors().Output.Single().Property<string>("LoyaltyBadgeName"));
    }

    [Fact]
    public void Tab_after_an_export_offers_what_it_read_whole_without_asking_again()
    {
        Export("badges.yaml");

        var entries = Run("(TabExpansion2 -inputScript 'Get-PartnerBadge -EntryId ' -cursorColumn 26).CompletionMatches.Count").ThrowIfErrors();

        Assert.Equal(PartnerPage.ListEntries(0, 1000).Total, Convert.ToInt32(entries.Output.Single().BaseObject, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Empty(Requests);
    }

    [Fact]
    public void An_existing_file_is_not_replaced_without_Force_and_nothing_is_sent()
    {
        File.WriteAllText(FilePath("badges.yaml"), "kept\n");
        _sandbox.Server.State.Requests.Clear();

        var result = Run("Export-BadgeConfiguration -Path badges.yaml");

        Assert.Equal("ConfigurationFileExists", result.TerminatingErrorId ?? result.ErrorIds.Single());
        Assert.Equal("kept\n", File.ReadAllText(FilePath("badges.yaml")));
        Assert.Empty(Requests);
    }

    [Fact]
    public void A_directory_badge_renamed_on_the_server_is_an_update_and_a_sync_renames_it_back()
    {
        Export("partners.yaml", "-Service PartnerPage");
        var gold = GoldPartner;
        Run("Set-PartnerDirectoryBadge -DirectoryId $Directory -Id $Badge -Name 'Gold Tier'", ("Directory", PartnerPageData.PartnerDirectoryId), ("Badge", gold)).ThrowIfErrors();
        _sandbox.Server.State.Requests.Clear();

        var plan = Run("Compare-BadgeConfiguration -Path partners.yaml").ThrowIfErrors().Output.Single();

        Assert.Equal(("PartnerPage", "DirectoryBadge", "Update"), (plan.Property<string>("Service"), plan.Property<string>("Kind"), plan.Property<string>("Action")));
        Assert.Equal("Sandbox Partner Directory / Gold Partner", plan.Property<string>("Target"));
        Assert.Equal(gold, plan.Property<Guid>("Id"));
        Assert.Equal("PATCH", plan.Property<string>("Method"));
        Assert.Equal($"/api/directory/private/v1alpha/badges/directory/{PartnerPageData.PartnerDirectoryId}/{gold}/", plan.Property<string>("Path"));
        var change = Assert.Single((IEnumerable<object>)plan.Property<object[]>("Changes"));
        Assert.Equal("name: 'Gold Tier' → 'Gold Partner'", change.ToString());
        Assert.All(Requests, r => Assert.Equal("GET", r.Method));

        _sandbox.Server.State.Requests.Clear();
        Run("Sync-BadgeConfiguration -Path partners.yaml").ThrowIfErrors();

        var patch = Assert.Single(Writes);
        Assert.Equal(("PATCH", plan.Property<string>("Path")), (patch.Method, patch.Path));
        Assert.Equal("{\"name\":\"Gold Partner\"}", patch.Body);
        Assert.Empty(Run("Compare-BadgeConfiguration -Path partners.yaml").ThrowIfErrors().Output);
    }

    [Fact]
    public void Reorders_and_detaches_made_on_the_server_are_planned_and_a_sync_restores_the_entry()
    {
        Export("partners.json", "-Service PartnerPage");
        var entry = _sandbox.EntryIds[4]; // 6 badges
        var before = PartnerPage.BadgesOf(entry);
        Run("""
            Remove-PartnerBadge -EntryId $Entry -Id $First -Confirm:$false
            Set-PartnerBadge -EntryId $Entry -Id $Last -Order 0
            """, ("Entry", entry), ("First", before[0].BadgeId), ("Last", before[^1].BadgeId)).ThrowIfErrors();
        _sandbox.Server.State.Requests.Clear();

        var plan = Run("Compare-BadgeConfiguration -Path partners.json").ThrowIfErrors().Output;

        Assert.Equal(new[] { "Attach", "Reorder" }, plan.Select(c => c.Property<string>("Action")).Order());
        Assert.All(plan, c => Assert.Equal(entry, c.Property<Guid>("EntryId")));
        _sandbox.Server.State.Requests.Clear();
        Run("Sync-BadgeConfiguration -Path partners.json").ThrowIfErrors();

        Assert.Equal(new[] { "POST", "PATCH" }, Writes.Select(r => r.Method)); // attaches before reorders
        Assert.Equal($"{{\"id\":\"{before[0].BadgeId}\",\"order\":{before[0].Order}}}", Writes[0].Body);
        Assert.Equal($"{{\"order\":{before[^1].Order}}}", Writes[1].Body);
        Assert.Equal(before, PartnerPage.BadgesOf(entry));
    }

    [Fact]
    public void A_directory_badge_deleted_on_the_server_is_created_before_the_entries_attach_it()
    {
        Export("partners.yaml", "-Service PartnerPage");
        var carriers = _sandbox.EntryIds.Where(e => PartnerPage.BadgesOf(e).Any(b => b.BadgeId == GoldPartner)).ToList();
        Run("Remove-PartnerDirectoryBadge -DirectoryId $Directory -Id $Badge -Confirm:$false", ("Directory", PartnerPageData.PartnerDirectoryId), ("Badge", GoldPartner)).ThrowIfErrors();
        _sandbox.Server.State.Requests.Clear();

        var result = Run("Sync-BadgeConfiguration -Path partners.yaml -ThrottleLimit 8 -PassThru").ThrowIfErrors();

        Assert.Equal("POST", Writes[0].Method);
        Assert.EndsWith($"/badges/directory/{PartnerPageData.PartnerDirectoryId}/", Writes[0].Path, StringComparison.Ordinal);
        var created = PartnerPage.DirectoryBadges.Single(b => b.Name == "Gold Partner").Id;
        Assert.Equal(carriers.Count, Writes.Skip(1).Count(r => r.Method == "POST" && r.Body!.Contains(created.ToString(), StringComparison.Ordinal)));
        Assert.Equal(created, result.Output.First().Property<Guid>("Id")); // -PassThru gives the new id
        Assert.All(carriers, e => Assert.Contains(PartnerPage.BadgesOf(e), b => b.BadgeId == created));
        Assert.Empty(Run("Compare-BadgeConfiguration -Path partners.yaml -Prune").ThrowIfErrors().Output);
    }

    [Fact]
    public void A_description_changed_on_the_server_is_an_update_sending_only_the_description()
    {
        Export("loyalty.yaml", "-Service Snag");
        var badge = SeedBadge(10);
        Run("Set-LoyaltyBadge -Id $Badge -Description 'Changed by hand'", ("Badge", badge)).ThrowIfErrors();
        _sandbox.Server.State.Requests.Clear();

        var plan = Run("Compare-BadgeConfiguration -Path loyalty.yaml").ThrowIfErrors().Output.Single();
        Assert.Equal(("Snag", "LoyaltyBadge", "Update", badge), (plan.Property<string>("Service"), plan.Property<string>("Kind"), plan.Property<string>("Action"), plan.Property<Guid>("Id")));
        Assert.Equal($"Main Website / {Name(badge)}", plan.Property<string>("Target"));
        Assert.Equal(("POST", $"/api/loyalty/badges/{badge}"), (plan.Property<string>("Method"), plan.Property<string>("Path")));

        _sandbox.Server.State.Requests.Clear();
        Run("Sync-BadgeConfiguration -Path loyalty.yaml").ThrowIfErrors();
        var update = Assert.Single(Writes);
        Assert.Equal(("POST", $"/api/loyalty/badges/{badge}"), (update.Method, update.Path));
        Assert.Equal("{\"description\":\"Awarded for gold achievements (#10).\"}", update.Body);
    }

    [Fact]
    public void A_badge_recreated_with_other_conditions_is_a_replace_refused_without_AllowReplace_and_done_with_it()
    {
        Export("loyalty.json", "-Service Snag");
        var old = SeedBadge(0); // held by nobody in the seed; a rule condition
        var name = Name(old);
        Run("""
            Remove-LoyaltyBadge -Id $Old -Confirm:$false
            New-LoyaltyBadge -Name $Name -ImageUrl https://images.sandbox.invalid/snag/0.png -Condition @{ type = 'level' } -Description 'Awarded for gold achievements (#0).' | Out-Null
            """, ("Old", old), ("Name", name)).ThrowIfErrors();
        Guid recreated;
        lock (Snag.Gate) recreated = Snag.Badges.First(b => b.Name == name && b.DeletedAt is null).Id;
        _sandbox.Server.State.Requests.Clear();

        var plan = Run("Compare-BadgeConfiguration -Path loyalty.json").ThrowIfErrors().Output.Single();
        Assert.Equal(("Replace", "-/+", recreated), (plan.Property<string>("Action"), plan.Property<string>("Symbol"), plan.Property<Guid>("Id")));
        Assert.Contains("holder", plan.Property<string>("Note"), StringComparison.Ordinal);

        var refused = Run("Sync-BadgeConfiguration -Path loyalty.json");
        Assert.Equal(new[] { "ReplaceNotAllowed" }, refused.ErrorIds);
        Assert.Contains("-AllowReplace", refused.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.Contains("holder", refused.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.Empty(Writes);

        Run("Sync-BadgeConfiguration -Path loyalty.json -AllowReplace -Confirm:$false").ThrowIfErrors();
        Assert.Equal(new[] { ("POST", "/api/loyalty/badges"), ("DELETE", $"/api/loyalty/badges/{recreated}") }, Writes.Select(r => (r.Method, r.Path)));
        Assert.Contains("\"conditions\":[{\"type\":\"rule\"", Writes[0].Body, StringComparison.Ordinal);
        Assert.Empty(Run("Compare-BadgeConfiguration -Path loyalty.json").ThrowIfErrors().Output);
    }

    [Fact]
    public async Task A_replace_whose_create_fails_leaves_the_old_badge_as_it_was_and_the_error_names_it()
    {
        Export("loyalty.json", "-Service Snag");
        var old = SeedBadge(7);
        var type = _sandbox.SnagBadge(old).Conditions.Single().Type;
        SetConditions("loyalty.json", old, """[{ "type": "level" }]""");
        await _sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges", status = 400, count = 1, body = "{\"message\":\"conditions: level is not enabled\"}" });
        _sandbox.Server.State.Requests.Clear();

        var failed = Run("Sync-BadgeConfiguration -Path loyalty.json -AllowReplace -Confirm:$false");

        Assert.Equal(new[] { "RequestRejected" }, failed.ErrorIds);
        var message = failed.Errors[0].ToString();
        Assert.Contains($"loyalty badge '{Name(old)}' ({old}) of website 'Main Website', file line ", message, StringComparison.Ordinal);
        Assert.Contains("the new badge was not created, so the badge is as it was", message, StringComparison.Ordinal);
        Assert.Contains("conditions: level is not enabled", message, StringComparison.Ordinal);
        Assert.Equal(new[] { ("POST", "/api/loyalty/badges") }, Writes.Select(r => (r.Method, r.Path))); // no delete after a failed create
        var kept = _sandbox.SnagBadge(old);
        Assert.Null(kept.DeletedAt);
        Assert.Equal(type, kept.Conditions.Single().Type);
        lock (Snag.Gate) Assert.Single(Snag.Badges, b => b.Name == kept.Name && b.DeletedAt is null);

        _sandbox.Server.State.Requests.Clear();
        Run("Sync-BadgeConfiguration -Path loyalty.json -AllowReplace -Confirm:$false").ThrowIfErrors();
        Assert.Equal(new[] { ("POST", "/api/loyalty/badges"), ("DELETE", $"/api/loyalty/badges/{old}") }, Writes.Select(r => (r.Method, r.Path)));
        Assert.Empty(Run("Compare-BadgeConfiguration -Path loyalty.json -Prune").ThrowIfErrors().Output);
    }

    [Fact]
    public async Task A_replace_whose_delete_fails_is_finished_by_a_rerun_that_sends_exactly_one_delete()
    {
        Export("loyalty.json", "-Service Snag");
        var old = SeedBadge(59); // the fixture's newest badge: held by users
        int holders;
        lock (Snag.Gate) holders = Snag.UserBadgesOf(old).Count(u => u.Status == "active");
        SetConditions("loyalty.json", old, """[{ "type": "api" }]""");
        await _sandbox.AddFaultAsync(new { method = "DELETE", path = $"/api/loyalty/badges/{old}", status = 403, count = 1, body = "{\"message\":\"Forbidden: badge is locked\"}" });
        _sandbox.Server.State.Requests.Clear();

        var failed = Run("Sync-BadgeConfiguration -Path loyalty.json -AllowReplace -Confirm:$false");

        Assert.Equal(new[] { "ReplaceIncomplete" }, failed.ErrorIds);
        Assert.Equal(new[] { ("POST", "/api/loyalty/badges"), ("DELETE", $"/api/loyalty/badges/{old}") }, Writes.Select(r => (r.Method, r.Path)));
        Guid made;
        lock (Snag.Gate) made = Snag.Badges.Single(b => b.Name == Name(old) && b.Id != old && b.DeletedAt is null).Id;
        var message = failed.Errors[0].ToString();
        Assert.All(new[] { old.ToString(), made.ToString(), "Forbidden: badge is locked", "-AllowReplace again" }, part => Assert.Contains(part, message, StringComparison.Ordinal));
        Assert.Equal("PermissionDenied", failed.Errors[0].CategoryInfo.Category.ToString());

        // The rerun's plan: only the old badge's delete, marked as finishing the replace; nothing is created again.
        _sandbox.Server.State.Requests.Clear();
        var plan = Run("Compare-BadgeConfiguration -Path loyalty.json -Prune").ThrowIfErrors().Output.Single();
        Assert.Equal(("Delete", "-", old, made), (plan.Property<string>("Action"), plan.Property<string>("Symbol"), plan.Property<Guid>("Id"), plan.Property<Guid>("ReplacedBy")));
        Assert.Contains("Finishes a replace", plan.Property<string>("Note"), StringComparison.Ordinal);
        Assert.True(holders > 0);
        Assert.Equal(holders, plan.Property<int>("Holders")); // they stay with the old badge
        Assert.Empty(Writes);

        var refused = Run("Sync-BadgeConfiguration -Path loyalty.json -Confirm:$false");
        Assert.Equal(new[] { "ReplaceNotAllowed" }, refused.ErrorIds);
        Assert.Contains(made.ToString(), refused.Errors[0].ToString(), StringComparison.Ordinal);
        Assert.Empty(Writes);

        Run("Sync-BadgeConfiguration -Path loyalty.json -Prune -AllowReplace -Confirm:$false").ThrowIfErrors();
        Assert.Equal(new[] { ("DELETE", $"/api/loyalty/badges/{old}") }, Writes.Select(r => (r.Method, r.Path)));
        Assert.NotNull(_sandbox.SnagBadge(old).DeletedAt);
        Assert.Null(_sandbox.SnagBadge(made).DeletedAt);
        Assert.Empty(Run("Compare-BadgeConfiguration -Path loyalty.json -Prune").ThrowIfErrors().Output);
    }

    [Fact]
    public void An_extra_badge_is_left_alone_without_Prune_and_deleted_with_it()
    {
        Export("loyalty.yaml", "-Service Snag");
        var extra = Run("New-LoyaltyBadge -Name 'Extra' -ImageUrl https://images.example.com/x.png -Condition @{ type = 'api' }").ThrowIfErrors().Output.Single().Property<Guid>("Id");
        _sandbox.Server.State.Requests.Clear();

        Assert.Empty(Run("Compare-BadgeConfiguration -Path loyalty.yaml").ThrowIfErrors().Output);
        Run("Sync-BadgeConfiguration -Path loyalty.yaml").ThrowIfErrors();
        Assert.Empty(Writes);

        var plan = Run("Compare-BadgeConfiguration -Path loyalty.yaml -Prune").ThrowIfErrors().Output.Single();
        Assert.Equal(("Delete", extra, "DELETE"), (plan.Property<string>("Action"), plan.Property<Guid>("Id"), plan.Property<string>("Method")));
        Run("Sync-BadgeConfiguration -Path loyalty.yaml -Prune -Confirm:$false").ThrowIfErrors();
        Assert.Equal(("DELETE", $"/api/loyalty/badges/{extra}"), (Assert.Single(Writes).Method, Writes[0].Path));
    }

    [Fact]
    public void Prune_stays_inside_the_websites_the_file_names()
    {
        var beta = Snag.BetaWebsite.Id;
        Export("beta.yaml", $"-Service Snag -WebsiteId {beta}");
        Run("New-LoyaltyBadge -Name 'Main only' -ImageUrl https://images.example.com/x.png -Condition @{ type = 'api' } | Out-Null").ThrowIfErrors();
        _sandbox.Server.State.Requests.Clear();

        Assert.Empty(Run("Compare-BadgeConfiguration -Path beta.yaml -Prune").ThrowIfErrors().Output);
        Assert.Equal("No changes: the services match beta.yaml.", Run("Sync-BadgeConfiguration -Path beta.yaml -Prune -WhatIf -InformationVariable notes; \"$notes\"").ThrowIfErrors().Output.Single().ToString());
        Run("Sync-BadgeConfiguration -Path beta.yaml -Prune -Confirm:$false").ThrowIfErrors();

        Assert.Empty(Writes);
        Assert.DoesNotContain(Requests, r => r.Query.Contains(_sandbox.MainWebsiteId.ToString(), StringComparison.Ordinal));
    }

    [Fact]
    public void WhatIf_sends_nothing_and_Confirm_asks_about_each_change_before_sending_any()
    {
        Export("all.yaml");
        Edit("all.yaml", text => RenameGoldPartner(text).Replace("hideInUi: false", "hideInUi: true", StringComparison.Ordinal));
        var planned = Run("Compare-BadgeConfiguration -Path all.yaml -Prune").ThrowIfErrors().Output.Count;
        _sandbox.Server.State.Requests.Clear();

        var whatIf = Run("Sync-BadgeConfiguration -Path all.yaml -Prune -AllowReplace -WhatIf -PassThru").ThrowIfErrors();
        Assert.Empty(whatIf.Output);
        Assert.Empty(Writes);

        var host = new ScriptedHost();
        for (var i = 0; i < planned; i++) host.Answers.Enqueue(i == 0);
        using var prompted = new EngineSession(host: host);
        prompted.Run("""
            Set-Location -LiteralPath $Folder
            Connect-PartnerPage -ApiKey (ConvertTo-SecureString 'sandbox-partnerpage' -AsPlainText -Force) -BaseUri $Uri
            Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri $Uri -OrganizationId $Org -WebsiteId $Site
            """, ("Folder", _folder), ("Uri", _sandbox.BaseAddress), ("Org", _sandbox.OrganizationId), ("Site", _sandbox.MainWebsiteId)).ThrowIfErrors();
        var confirmed = prompted.Run("Sync-BadgeConfiguration -Path all.yaml -Prune -Confirm -InformationVariable notes; \"$($notes[-1])\"").ThrowIfErrors();

        Assert.True(planned > 50, $"{planned} changes planned");
        Assert.Equal(planned, host.Prompts.Count);
        Assert.Single(Writes); // only the one answered yes, sent after every question
        Assert.Equal($"Applied 1 of {planned} change(s); {planned - 1} declined.", Assert.Single(confirmed.Output).ToString()); // no change object: no -PassThru
    }

    [Fact]
    public void A_declined_detach_keeps_the_badge_on_its_entry_so_the_badges_delete_is_not_sent()
    {
        Export("partners.yaml", "-Service PartnerPage");
        var entry = _sandbox.EntryIds[0];
        var extra = Run("""
            $badge = New-PartnerDirectoryBadge -Name 'Not in the file' -Image https://images.example.com/x.png -DirectoryId $Directory
            New-PartnerBadge -EntryId $Entry -BadgeId $badge.Id | Out-Null
            $badge.Id
            """, ("Directory", PartnerPageData.PartnerDirectoryId), ("Entry", entry)).ThrowIfErrors().Output.Single().BaseObject;
        var plan = Run("Compare-BadgeConfiguration -Path partners.yaml -Prune").ThrowIfErrors().Output;
        Assert.Equal(new[] { ("Delete", extra), ("Detach", extra) }, plan.Select(c => (c.Property<string>("Action"), (object)c.Property<Guid>("Id"))));
        _sandbox.Server.State.Requests.Clear();

        var host = new ScriptedHost();
        host.Answers.Enqueue(true); // delete the directory badge, which would detach it from the entry,
        host.Answers.Enqueue(false); // but keep it on the entry: asked in the plan's order, the delete first
        using var prompted = new EngineSession(host: host);
        prompted.Run("""
            Set-Location -LiteralPath $Folder
            Connect-PartnerPage -ApiKey (ConvertTo-SecureString 'sandbox-partnerpage' -AsPlainText -Force) -BaseUri $Uri -DirectoryId $Directory
            """, ("Folder", _folder), ("Uri", _sandbox.BaseAddress), ("Directory", PartnerPageData.PartnerDirectoryId)).ThrowIfErrors();
        var sync = prompted.Run("Sync-BadgeConfiguration -Path partners.yaml -Prune -Confirm -InformationVariable notes; \"$($notes[-1])\"");

        Assert.Equal(2, host.Prompts.Count);
        Assert.Empty(Writes);
        Assert.Equal("DependentChangeSkipped", Assert.Single(sync.ErrorIds));
        Assert.Contains("': not sent, because its detach 'Acme Cloud / Not in the file' was declined", sync.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.Equal("Applied 0 of 2 change(s); 1 declined, 1 not sent because a declined change keeps what it would remove (see the errors).", Assert.Single(sync.Output).ToString());
    }

    [Fact]
    public void Deletes_ask_first_and_a_session_that_cannot_answer_changes_nothing()
    {
        Export("loyalty.yaml", "-Service Snag");
        Run("New-LoyaltyBadge -Name 'Extra' -ImageUrl https://images.example.com/x.png -Condition @{ type = 'api' } | Out-Null").ThrowIfErrors();
        Run("Set-LoyaltyBadge -Id $Badge -Description 'drift'", ("Badge", SeedBadge(3))).ThrowIfErrors();
        _sandbox.Server.State.Requests.Clear();

        var result = Run(SessionScripts.StopOnTerminating("Sync-BadgeConfiguration -Path loyalty.yaml -Prune"));

        Assert.Equal("ConfirmationRequired", result.TerminatingErrorId);
        Assert.Empty(Writes); // the update was not sent either: every question comes first
    }

    [Fact]
    public async Task A_failed_change_is_one_error_the_rest_go_on_and_a_rerun_converges()
    {
        Export("loyalty.yaml", "-Service Snag");
        Edit("loyalty.yaml", text => text.Replace("hideInUi: false", "hideInUi: true", StringComparison.Ordinal));
        var changed = Run("Compare-BadgeConfiguration -Path loyalty.yaml").ThrowIfErrors().Output.Count;
        await _sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", status = 400, count = 1, body = "{\"message\":\"hideInUi: refused\"}" });
        _sandbox.Server.State.Requests.Clear();

        var first = Run("Sync-BadgeConfiguration -Path loyalty.yaml");
        Assert.Equal(new[] { "RequestRejected" }, first.ErrorIds);
        Assert.Equal(changed, Writes.Count);

        _sandbox.Server.State.Requests.Clear();
        Run("Sync-BadgeConfiguration -Path loyalty.yaml").ThrowIfErrors();
        Assert.Single(Writes);
        Assert.Empty(Run("Compare-BadgeConfiguration -Path loyalty.yaml").ThrowIfErrors().Output);
    }

    [Fact]
    public void A_name_that_matches_two_badges_is_an_error_naming_both_ids_and_nothing_changes_for_it()
    {
        File.WriteAllText(FilePath("twins.yaml"), """
            snag:
              websites:
                - name: Main Website
                  badges:
                    - name: Twin
                      imageUrl: https://images.example.com/twin.png
                      conditions:
                        - type: api
            """);
        var ids = Run("1..2 | ForEach-Object { New-LoyaltyBadge -Name 'Twin' -ImageUrl https://images.example.com/other.png -Condition @{ type = 'api' } }").ThrowIfErrors()
            .Output.Select(o => o.Property<Guid>("Id")).ToList();
        _sandbox.Server.State.Requests.Clear();

        var result = Run("Sync-BadgeConfiguration -Path twins.yaml -Prune -Confirm:$false");

        var error = Assert.Single(result.Errors);
        Assert.Equal("NameAmbiguous", result.ErrorIds.Single());
        Assert.All(ids, id => Assert.Contains(id.ToString(), error.ToString(), StringComparison.Ordinal));
        Assert.DoesNotContain(Writes, r => ids.Any(id => r.Path.Contains(id.ToString(), StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData("bad.json", "{ \"snag\": { \"websites\": [ }", "bad.json, line 1", "not valid JSON")]
    [InlineData("bad.yaml", "snag:\n  websites:\n    - name: Main Website\n      badges:\n        - name: X\n          imageURL: https://x.example/x.png\n          conditions: [{type: api}]\n", "bad.yaml, line 6, snag.websites[0].badges[0].imageURL", "unknown property")]
    [InlineData("bad.yaml", "snag:\n  websites:\n    - name: Main Website\n      badges:\n        - name: X\n          imageUrl: https://x.example/x.png\n          hideInUi: maybe\n          conditions: [{type: api}]\n", "line 7, snag.websites[0].badges[0].hideInUi", "expected true or false")]
    [InlineData("bad.yaml", "partnerPage:\n  directories:\n    - name: D\n      badges:\n        - {name: A, image: 'https://x.example/a.png'}\n        - {name: a, image: 'https://x.example/b.png'}\n", "line 6, partnerPage.directories[0].badges[1].name", "two badges named 'a'")]
    [InlineData("bad.yaml", "partnerPage:\n  directories:\n    - name: D\n      badges: []\n      entries:\n        - name: Acme Cloud\n          badges:\n            - badge: Gold Partner\n", "line 8, partnerPage.directories[0].entries[0].badges[0].badge", "is not a badge of directory 'D'")]
    [InlineData("bad.txt", "snag: {}", "bad.txt", "neither a JSON nor a YAML file")]
    public void A_bad_file_is_refused_before_any_request_naming_file_line_and_property(string file, string text, string where, string what)
    {
        File.WriteAllText(FilePath(file), text);
        _sandbox.Server.State.Requests.Clear();

        foreach (var command in new[] { "Compare-BadgeConfiguration", "Sync-BadgeConfiguration -Prune -AllowReplace -Confirm:$false" })
        {
            // One error for the file, not terminating: the next file piped in is still read.
            var result = Run($"{command} -Path {file}");
            var error = Assert.Single(result.Errors);
            Assert.Null(result.Terminating);
            Assert.Equal(file.EndsWith(".txt", StringComparison.Ordinal) ? "ConfigurationFileTypeUnknown" : "ConfigurationFileInvalid", result.ErrorIds.Single());
            Assert.Contains(where, error.Exception.Message, StringComparison.Ordinal); // every problem, one a line
            Assert.Contains(what, error.Exception.Message, StringComparison.Ordinal);
        }

        Assert.Empty(Requests);
    }

    [Fact]
    public void The_plan_reads_like_a_plan_and_its_summary_is_for_the_host_only()
    {
        Export("partners.yaml", "-Service PartnerPage");
        Edit("partners.yaml", RenameGoldPartner);

        var result = Run("""
            $plan = Compare-BadgeConfiguration -Path partners.yaml -InformationVariable note
            [pscustomobject]@{ Count = @($plan).Count; Text = ($plan | Out-String -Width 120); Note = "$note" }
            """).ThrowIfErrors();

        var shown = result.Output.Single();
        Assert.Equal(1, shown.Property<int>("Count"));
        Assert.Contains("~   DirectoryBadge Sandbox Partner Directory / Gold Partners", shown.Property<string>("Text"), StringComparison.Ordinal);
        Assert.Contains("name: 'Gold Partner' → 'Gold Partners'", shown.Property<string>("Text"), StringComparison.Ordinal);
        Assert.Equal("Plan: 0 to create, 1 to update, 0 to delete.", shown.Property<string>("Note"));
    }

    /// <summary>Renames the directory badge in the file, where it is defined and where entries name it.</summary>
    private static string RenameGoldPartner(string yaml) =>
        yaml.Replace("name: Gold Partner\n", "name: Gold Partners\n", StringComparison.Ordinal).Replace("badge: Gold Partner\n", "badge: Gold Partners\n", StringComparison.Ordinal);

    /// <summary>Gives the loyalty badge of that id other conditions in the JSON file (it keeps its id there).</summary>
    private void SetConditions(string file, Guid badge, string conditions)
    {
        var document = JsonNode.Parse(File.ReadAllText(FilePath(file)))!;
        var entry = document["snag"]!["websites"]!.AsArray().SelectMany(w => w!["badges"]!.AsArray()).Single(b => (string?)b!["id"] == badge.ToString())!;
        entry["conditions"] = JsonNode.Parse(conditions);
        File.WriteAllText(FilePath(file), document.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }));
    }

    private string Name(Guid badge)
    {
        lock (Snag.Gate) return Snag.FindBadge(badge, includeDeleted: true)!.Name;
    }
}
