using System.Diagnostics;
using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox;

namespace BadgeAdmin.Engine.Tests.Cmdlets;

/// <summary>
/// Tab completion of ids through TabExpansion2, as pressing Tab in pwsh does: offered from what the connection read
/// when it read the whole listing lately, else from the server first (within the 2 s budget); never an error, never a
/// hang.
/// </summary>
public sealed class CompletionTests : IClassFixture<OnePageCatalogFixture>
{
    private readonly OnePageCatalogFixture _sandbox;
    private readonly EngineSession _session;

    public CompletionTests(OnePageCatalogFixture sandbox)
    {
        _sandbox = sandbox;
        _session = sandbox.Reset(); // a fresh connection each test: nothing read yet
    }

    private static Guid Badge(int i) => StableId.For($"snag/badge/{i}");

    /// <summary>What Tab offers with the cursor at the end of <paramref name="input"/>.</summary>
    private IReadOnlyList<CompletionResult> Complete(string input)
    {
        var result = _session.Run("TabExpansion2 -inputScript $InputScript -cursorColumn $InputScript.Length", ("InputScript", input)).ThrowIfErrors();
        return ((CommandCompletion)Assert.Single(result.Output).BaseObject).CompletionMatches.ToList();
    }

    [Fact]
    public void Ids_already_read_are_offered_without_a_request_matching_name_or_id_prefix()
    {
        _session.Run("Get-PartnerEntry | Out-Null").ThrowIfErrors();
        _sandbox.Server.State.Requests.Clear();
        var acme = _sandbox.EntryIds[0];

        var byName = Complete("Get-PartnerBadge -EntryId acme");
        var byId = Complete("Get-PartnerBadge -EntryId '" + acme.ToString()[..6]);
        var all = Complete("Get-PartnerBadge -EntryId ");

        var only = Assert.Single(byName);
        Assert.Equal(acme.ToString(), only.CompletionText);
        Assert.Equal($"{acme} Acme Cloud", only.ListItemText); // starts with what Tab inserts (see IdCompleter)
        Assert.Equal(CompletionResultType.ParameterValue, only.ResultType);
        Assert.Contains(byId, c => c.CompletionText == acme.ToString());
        Assert.Equal(_sandbox.EntryIds.Select(id => id.ToString()).Order(), all.Select(c => c.CompletionText).Order());
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void A_deleted_badge_is_no_longer_offered()
    {
        var gone = _session.Run("Get-LoyaltyBadge -First 3 | Select-Object -Last 1").ThrowIfErrors().Output.Single().Property<Guid>("Id");
        Assert.Contains(Complete("Set-LoyaltyBadge -Id "), c => c.CompletionText == gone.ToString());

        _session.Run("Remove-LoyaltyBadge -Id $Gone -Confirm:$false", ("Gone", gone)).ThrowIfErrors();

        Assert.DoesNotContain(Complete("Set-LoyaltyBadge -Id "), c => c.CompletionText == gone.ToString());
    }

    [Fact]
    public void With_nothing_read_yet_the_listing_is_read_from_the_server_once_and_then_trusted()
    {
        var websites = Complete("Get-LoyaltyBadge -WebsiteId main");
        var badges = Complete("Set-LoyaltyBadge -Id Gold");
        var again = Complete("Set-LoyaltyBadge -Id Silver");

        Assert.Equal(_sandbox.MainWebsiteId.ToString(), Assert.Single(websites).CompletionText);
        Assert.Equal(90, badges.Count); // every Gold badge of the 900, not only those read so far
        Assert.All(badges, b => Assert.Contains("Gold", b.ToolTip));
        Assert.Equal(90, again.Count);
        var requests = _sandbox.Requests;
        // One for websites; the badges' one page; the second badge completion used what was read whole.
        Assert.Equal(2, requests.Count);
        Assert.All(requests.Skip(1), r => Assert.Contains("limit=1000", r.Query));
        Assert.All(requests.Skip(1), r => Assert.Contains($"websiteId={_sandbox.MainWebsiteId}", r.Query));
    }

    [Theory]
    [InlineData("Get-PartnerEntry -First 2", "Get-PartnerBadge -EntryId ", "Get-PartnerEntry")]
    [InlineData("Get-PartnerDirectory -First 1", "Get-PartnerDirectoryBadge -DirectoryId ", "Get-PartnerDirectory")]
    [InlineData("Get-PartnerDirectoryBadge -DirectoryId $d -First 2", "Remove-PartnerDirectoryBadge -DirectoryId $d -Id ", "Get-PartnerDirectoryBadge -DirectoryId $d")]
    [InlineData("Get-PartnerDirectoryBadge -DirectoryId $d -First 2", "New-PartnerBadge -EntryId $e -BadgeId ", "Get-PartnerDirectoryBadge")]
    [InlineData("Get-PartnerBadge -EntryId $e -First 1", "Set-PartnerBadge -EntryId $e -Id ", "Get-PartnerBadge -EntryId $e")]
    [InlineData("Get-PartnerEntry | Get-PartnerBadge -First 1", "Remove-PartnerBadge -Id ", "Get-PartnerEntry | Get-PartnerBadge | Sort-Object Id -Unique")]
    [InlineData("Get-LoyaltyBadge -First 2", "Set-LoyaltyBadge -Id ", "Get-LoyaltyBadge")]
    [InlineData("Get-LoyaltyWebsite -First 1", "Get-LoyaltyBadge -WebsiteId ", "Get-LoyaltyWebsite")]
    [InlineData("Get-LoyaltyWebsite -First 1", "Get-LoyaltyWebsite -Name ", "Get-LoyaltyWebsite")]
    [InlineData("Get-LoyaltyBadgeUser -BadgeId $b -First 1", "Revoke-LoyaltyBadge -BadgeId $b -UserId ", "Get-LoyaltyBadgeUser -BadgeId $b")]
    [InlineData("Get-LoyaltyBadgeUser -BadgeId $b -First 1", "Grant-LoyaltyBadge -BadgeId $b -WalletAddress ", "Get-LoyaltyBadgeUser -BadgeId $b")]
    public void After_a_partial_listing_every_completer_offers_all_the_server_has(string partial, string line, string everything)
    {
        var variables = new (string, object?)[] { ("d", BadgeAdmin.Sandbox.PartnerPage.PartnerPageData.PartnerDirectoryId), ("e", _sandbox.EntryIds[0]), ("b", Badge(899)) };
        var read = _session.Run($"@({partial}).Count", variables).ThrowIfErrors().Output.Single();
        var withValues = line.Replace("$d", variables[0].Item2!.ToString()).Replace("$e", variables[1].Item2!.ToString()).Replace("$b", variables[2].Item2!.ToString());

        var offered = Complete(withValues);
        var all = _session.Run($"@({everything}).Count", variables).ThrowIfErrors().Output.Single();

        Assert.True((int)read.BaseObject < (int)all.BaseObject, $"the partial listing read {read} of {all}");
        Assert.Equal((int)all.BaseObject, offered.Count);
    }

    [Fact]
    public async Task A_stalled_server_gives_no_candidates_within_the_budget_and_no_error()
    {
        await _sandbox.AddFaultAsync(new { path = "/api/websites", stall = true });
        var clock = Stopwatch.StartNew();

        var candidates = Complete("Get-LoyaltyBadge -WebsiteId "); // Complete fails the test on any error

        Assert.Empty(candidates);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3.5)); // the 2 s budget, plus the engine's own work
        Assert.Single(_sandbox.Requests);
    }

    [Fact]
    public void No_connection_or_a_closed_one_means_no_candidates()
    {
        // The closed connection had read every entry: only its being closed can keep them from being offered.
        _session.Run("""
            $closed = Connect-PartnerPage -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $Uri -PassThru
            Get-PartnerEntry | Out-Null
            Disconnect-PartnerPage
            """, ("Key", SandboxOptions.DefaultPartnerPageKey), ("Uri", _sandbox.BaseAddress)).ThrowIfErrors();
        _sandbox.Server.State.Requests.Clear();

        Assert.Empty(Complete("Get-PartnerBadge -EntryId a"));
        Assert.Empty(Complete("Get-PartnerBadge -Connection $closed -EntryId a"));
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void After_a_full_listing_every_badge_named_like_the_word_is_offered_once_under_its_latest_name()
    {
        _session.Run("Get-LoyaltyBadge | Out-Null").ThrowIfErrors();
        _session.Run("Set-LoyaltyBadge -Id $Id -Name Renamed; Get-LoyaltyBadge -Id $Id | Out-Null", ("Id", Badge(501))).ThrowIfErrors();
        var golds = _session.Run("@(Get-LoyaltyBadge | Where-Object Name -like '*Gold*').Count").ThrowIfErrors().Output.Single();
        _sandbox.Server.State.Requests.Clear();

        var gold = Complete("Set-LoyaltyBadge -Id Gold");
        var all = Complete("Set-LoyaltyBadge -Id ");
        var renamed = Complete("Set-LoyaltyBadge -Id Renamed");

        Assert.Equal(90, (int)golds.BaseObject);
        Assert.Equal(90, gold.Count);
        Assert.Equal(OnePageCatalogFixture.Badges, all.Count); // badge 501, read twice, offered once
        Assert.Equal("Renamed", Assert.Single(all, c => c.CompletionText == Badge(501).ToString()).ToolTip);
        Assert.Equal(Badge(501).ToString(), Assert.Single(renamed).CompletionText);
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void Every_match_is_offered_in_alphabetical_order_of_name()
    {
        _session.Run("Get-PartnerEntry | Out-Null; Get-LoyaltyBadge -First 600 | Out-Null").ThrowIfErrors();

        var entries = Complete("Get-PartnerBadge -EntryId ").Select(c => c.ToolTip).ToList();
        var streaks = Complete("Set-LoyaltyBadge -Id Streak"); // -First 600 read part of them: Tab reads the rest
        var expected = _session.Run("(Get-LoyaltyBadge | Where-Object Name -like '*Streak*').Count").ThrowIfErrors();

        Assert.Equal(entries.Order(StringComparer.OrdinalIgnoreCase), entries);
        Assert.Equal(_sandbox.EntryIds.Count, entries.Count);
        Assert.True(streaks.Count > 50, $"only {streaks.Count} offered");
        Assert.Equal((int)expected.Output.Single().BaseObject, streaks.Count);
        Assert.Equal(streaks.Select(c => c.ToolTip).Order(StringComparer.OrdinalIgnoreCase), streaks.Select(c => c.ToolTip));
    }

    [Fact]
    public void A_partner_badge_id_is_completed_from_the_typed_entrys_badges()
    {
        var acme = _sandbox.EntryIds[0];

        var offered = Complete($"Set-PartnerBadge -EntryId {acme} -Id ");
        var expected = _session.Run("Get-PartnerBadge -EntryId $Id | ForEach-Object { $_.Id.ToString() }", ("Id", acme)).ThrowIfErrors();

        Assert.Equal(expected.Output.Select(o => o.ToString()).Order(), offered.Select(c => c.CompletionText).Order());
        Assert.Equal(2, _sandbox.Requests.Count); // one to prime, one for the check above
        Assert.Contains($"/entries/partners/{acme}/badges", _sandbox.Requests[0].Path, StringComparison.Ordinal);
    }

    [Fact]
    public void Users_and_wallets_are_completed_from_the_typed_badges_holders()
    {
        var badge = Badge(899); // the newest: it has holders

        var wallets = Complete($"Grant-LoyaltyBadge -BadgeId {badge} -WalletAddress 0x");
        var users = Complete($"Revoke-LoyaltyBadge -BadgeId {badge} -UserId ");
        var asked = _sandbox.Requests;
        var holders = _session.Run("Get-LoyaltyBadgeUser -BadgeId $Id", ("Id", badge)).ThrowIfErrors().Output;

        // One listing of the badge's holders served both completions.
        Assert.Single(asked);
        Assert.Contains("badge_users", asked[0].Path, StringComparison.Ordinal);
        Assert.EndsWith("limit=1000", asked[0].Query, StringComparison.Ordinal);
        Assert.Equal(holders.Select(h => (string)h.Properties["WalletAddress"].Value).Order(), wallets.Select(c => c.CompletionText).Order());
        Assert.Equal(holders.Select(h => h.Properties["UserId"].Value.ToString()).Order(), users.Select(c => c.CompletionText).Order());
        Assert.All(users, u => Assert.Matches($"^{u.CompletionText} 0x", u.ListItemText));
    }

    [Fact]
    public void Names_match_from_their_start_and_each_listed_line_starts_with_what_Tab_inserts()
    {
        _session.Run("Get-PartnerEntry | Out-Null; Get-LoyaltyBadge | Out-Null").ThrowIfErrors();
        var acme = _sandbox.EntryIds[0];

        // PSReadLine shows matches by their start; "cloud" in the middle of "Acme Cloud" is no match, "*cloud" is.
        Assert.Empty(Complete("Get-PartnerBadge -EntryId cloud"));
        Assert.Equal(acme.ToString(), Assert.Single(Complete("Get-PartnerBadge -EntryId *cloud")).CompletionText);
        Assert.Equal(acme.ToString(), Assert.Single(Complete("Get-PartnerBadge -EntryId 'acme c")).CompletionText);
        var golds = Complete("Set-LoyaltyBadge -Id gold");
        Assert.Equal(90, golds.Count);
        // Of several, PSReadLine inserts the common prefix of their texts, else of their list lines: both are ids.
        Assert.All(golds, g => Assert.StartsWith(g.CompletionText + " Gold Badge ", g.ListItemText, StringComparison.Ordinal));
    }

    [Fact]
    public void Website_names_are_inserted_as_one_argument_that_binds()
    {
        Assert.Equal("'Main Website'", Assert.Single(Complete("Connect-Snag -WebsiteName ma")).CompletionText); // changing the default website
        var one = Complete("Get-LoyaltyWebsite -Name ma");
        var several = Complete("Get-LoyaltyWebsite -Name ");
        var openQuote = Complete("Get-LoyaltyWebsite -Name 'Main W");
        var escaped = Complete("Get-LoyaltyWebsite -Name Main` W");

        // The one match quoted; several escaped, so that their common prefix ("Main` W" of several "Main ..." names)
        // is still one argument on the line, which a quote left open would not be.
        Assert.Equal("'Main Website'", Assert.Single(one).CompletionText);
        Assert.Equal(["Beta` Website", "Main` Website"], several.Select(c => c.CompletionText));
        Assert.Equal(["Beta Website", "Main Website"], several.Select(c => c.ListItemText));
        Assert.Equal("'Main Website'", Assert.Single(openQuote).CompletionText);
        Assert.Equal("'Main Website'", Assert.Single(escaped).CompletionText);
        foreach (var text in new[] { one[0].CompletionText, several[1].CompletionText })
        {
            var bound = _session.Run($"(Get-LoyaltyWebsite -Name {text}).Id").ThrowIfErrors().Output;
            Assert.Equal(_sandbox.MainWebsiteId, (Guid)Assert.Single(bound).BaseObject);
        }
    }
}
