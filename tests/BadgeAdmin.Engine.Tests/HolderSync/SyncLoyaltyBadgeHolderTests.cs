using System.Diagnostics;
using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Sandbox.Control;
using BadgeAdmin.Sandbox.Snag;
using static BadgeAdmin.Engine.Tests.Support.SnagSandbox;

namespace BadgeAdmin.Engine.Tests.HolderSync;

/// <summary>
/// Sync-LoyaltyBadgeHolder typed as in pwsh against the sandbox: the exact requests it sends (the holder pages, then
/// only the missing grants and, with -Prune, the revokes), what it writes, reruns after failures and Ctrl+C,
/// -WhatIf, -Confirm and the -Prune question, and the inputs people pipe in (CSV columns by their usual names, plain
/// strings, user badges).
/// </summary>
public sealed class SyncLoyaltyBadgeHolderTests : SandboxEngineTest, IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"badgeadmin-holders-{Guid.NewGuid():N}");

    public SyncLoyaltyBadgeHolderTests(SandboxEngineFixture sandbox)
        : base(sandbox)
    {
        Directory.CreateDirectory(_folder);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private SnagData Data => Sandbox.Server.State.Snag;

    /// <summary>A badge with no holders in the seed.</summary>
    private static Guid EmptyBadge => SeedBadge(100);

    private static string W(int i) => $"0x{i:x40}";

    /// <summary>A checksummed-looking form of a 0x address: the same wallet, other letters' case.</summary>
    private static string Shouting(string wallet) => "0x" + wallet[2..].ToUpperInvariant();

    private List<SnagUserBadge> Holders(Guid badge, string? status = null)
    {
        lock (Data.Gate) return Data.UserBadgesOf(badge).Where(u => status is null || u.Status == status).ToList();
    }

    private string Csv(string name, params string[] lines)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private void MakeHolders(Guid badge, IEnumerable<string> wallets, string status = "active")
    {
        lock (Data.Gate) Data.AddHolders(badge, wallets, status);
        Sandbox.Server.State.Requests.Clear();
    }

    /// <summary>A second session whose host answers prompts from a script and records what it shows, connected to Snag.</summary>
    private EngineSession PromptingSession(out ScriptedHost host)
    {
        host = new ScriptedHost();
        var session = new EngineSession(host: host);
        session.Run("Connect-Snag -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $Uri", ("Key", SandboxOptions.DefaultSnagKey), ("Uri", Sandbox.BaseAddress)).ThrowIfErrors();
        return session;
    }

    private static T Summary<T>(EngineResult result, string property) => Assert.Single(result.Output).Property<T>(property);

    private static string HolderPage(Guid badge) => $"?loyaltyBadgeId={badge}&limit=1000";

    [Theory]
    [InlineData("WalletAddress")]
    [InlineData("Wallet")]
    [InlineData("Address")]
    public void A_csv_grants_only_the_missing_and_makes_an_inactive_holder_active_again(string column)
    {
        var active = Holders(HeldBadge, "active");
        var inactive = Holders(HeldBadge, "inactive")[0];
        var newWallet = W(0xa1);
        // The first active holder written in capitals is the same wallet; the new wallet comes twice in two cases.
        var csv = Csv("wanted.csv", $"Name,{column}", $"Ada,{Shouting(active[0].User.WalletAddress)}", $"Grace,{inactive.User.WalletAddress}",
            $"Linus,{newWallet}", $"Linus again,{Shouting(newWallet)}");

        var result = Session.Run("Import-Csv $Csv | Sync-LoyaltyBadgeHolder -BadgeId $Badge", ("Csv", csv), ("Badge", HeldBadge)).ThrowIfErrors();

        var requests = Sandbox.Requests;
        Assert.Equal(("GET", "/api/loyalty/badge_users", HolderPage(HeldBadge)), (requests[0].Method, requests[0].Path, requests[0].Query));
        Assert.Equal(3, requests.Count);
        Assert.All(requests.Skip(1), r => Assert.Equal(("POST", $"/api/loyalty/badges/{HeldBadge}/reward", 200), (r.Method, r.Path, r.Status)));
        Assert.Equal(new[] { $"{{\"userId\":\"{inactive.User.Id}\",\"status\":\"active\"}}", $"{{\"walletAddress\":\"{newWallet}\"}}" }.Order(),
            requests.Skip(1).Select(r => r.Body!).Order());

        Assert.Equal((2, 1, 1, 0, 0), (Summary<int>(result, "Granted"), Summary<int>(result, "Reactivated"), Summary<int>(result, "AlreadyHeld"), Summary<int>(result, "Failed"), Summary<int>(result, "Revoked")));
        Assert.Equal((3, active.Count - 1, 1, 0), (Summary<int>(result, "Wanted"), Summary<int>(result, "Unlisted"), Summary<int>(result, "Duplicates"), Summary<int>(result, "InvalidInput")));
        Assert.Equal(HeldBadge, Summary<Guid>(result, "BadgeId"));
        Assert.Equal("BadgeAdmin.Core.HolderSync.HolderSyncResult", result.Output[0].TypeNames[0]);
        Assert.Equal(active.Count + 2, Holders(HeldBadge, "active").Count);
    }

    [Fact]
    public void Plain_strings_are_user_ids_when_they_are_GUIDs_and_wallets_otherwise_and_a_rerun_sends_only_the_listing()
    {
        Guid user;
        lock (Data.Gate) user = Data.FindUser(SeedUser(42))!.Id;
        const string solana = "So11111111111111111111111111111111111111112";

        var first = Session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge",
            ("Wanted", new[] { user.ToString(), W(0xb1), solana }), ("Badge", EmptyBadge)).ThrowIfErrors();

        // An empty listing is checked with one small read: is there such a badge?
        var requests = Sandbox.Requests;
        Assert.Equal(new[] { ("GET", "/api/loyalty/badge_users"), ("GET", "/api/loyalty/badges") }, requests.Take(2).Select(r => (r.Method, r.Path)));
        Assert.Equal(new[] { $"{{\"userId\":\"{user}\"}}", $"{{\"walletAddress\":\"{W(0xb1)}\"}}", $"{{\"walletAddress\":\"{solana}\"}}" }.Order(),
            requests.Skip(2).Select(r => r.Body!).Order());
        Assert.Equal(3, Summary<int>(first, "Granted"));
        Assert.Equal(Data.Badges.Single(b => b.Id == EmptyBadge).Name, Summary<string>(first, "BadgeName"));

        Sandbox.Server.State.Requests.Clear();
        var again = Session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge", ("Wanted", new[] { user.ToString(), Shouting(W(0xb1)), solana })).ThrowIfErrors();

        Assert.Equal(("GET", "/api/loyalty/badge_users"), (Assert.Single(Sandbox.Requests).Method, Sandbox.Requests[0].Path));
        Assert.Equal((0, 3), (Summary<int>(again, "Granted"), Summary<int>(again, "AlreadyHeld")));
    }

    [Fact]
    public void Another_case_of_a_non_0x_address_is_another_wallet()
    {
        MakeHolders(EmptyBadge, new[] { "So11111111111111111111111111111111111111112" });

        var result = Session.Run("'sO11111111111111111111111111111111111111112' | Sync-LoyaltyBadgeHolder -BadgeId $Badge", ("Badge", EmptyBadge)).ThrowIfErrors();

        Assert.Equal("{\"walletAddress\":\"sO11111111111111111111111111111111111111112\"}", Sandbox.Requests.Single(r => r.Method == "POST").Body);
        Assert.Equal((1, 0, 1), (Summary<int>(result, "Granted"), Summary<int>(result, "AlreadyHeld"), Summary<int>(result, "Unlisted")));
    }

    [Fact]
    public void Active_holders_of_one_badge_piped_in_become_exactly_the_active_holders_of_another()
    {
        var source = Holders(HeldBadge, "active");
        var target = SeedBadge(2498);
        var before = Holders(target);
        var keptActive = before.Where(u => u.Status == "active" && source.Any(s => s.User.Id == u.User.Id)).ToList();
        var extra = before.Where(u => u.Status == "active" && source.All(s => s.User.Id != u.User.Id)).ToList();
        Assert.NotEmpty(extra);

        var result = Session.Run("Get-LoyaltyBadgeUser -BadgeId $Source -Status active | Sync-LoyaltyBadgeHolder -BadgeId $Target -Prune -Confirm:$false",
            ("Source", HeldBadge), ("Target", target)).ThrowIfErrors();

        var posts = Sandbox.Requests.Where(r => r.Method == "POST").ToList();
        Assert.Equal(extra.Select(u => $"{{\"userId\":\"{u.User.Id}\"}}").Order(), posts.Where(r => r.Path.EndsWith("/revoke", StringComparison.Ordinal)).Select(r => r.Body!).Order());
        Assert.All(posts.Where(r => r.Path.EndsWith("/reward", StringComparison.Ordinal)), r => Assert.StartsWith("{\"userId\":", r.Body, StringComparison.Ordinal));
        Assert.Equal(source.Select(u => u.User.Id).Order(), Holders(target, "active").Select(u => u.User.Id).Order());
        Assert.Equal((extra.Count, keptActive.Count, source.Count - keptActive.Count), (Summary<int>(result, "Revoked"), Summary<int>(result, "AlreadyHeld"), Summary<int>(result, "Granted")));
        // Inactive and revoked user badges of users not listed are left as they were.
        Assert.All(before.Where(u => u.Status != "active" && source.All(s => s.User.Id != u.User.Id)), u => Assert.Contains(Holders(target), now => now.Id == u.Id && now.Status == u.Status));
    }

    [Fact]
    public void WhatIf_reads_and_shows_each_change_naming_badge_and_wallet_with_their_ids_and_sends_nothing_else()
    {
        using var session = PromptingSession(out var host);
        var active = Holders(HeldBadge, "active");
        var name = Data.Badges.Single(b => b.Id == HeldBadge).Name;

        var result = session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -Prune -WhatIf",
            ("Wanted", new[] { active[0].User.WalletAddress, W(0xc1) }), ("Badge", HeldBadge)).ThrowIfErrors();

        Assert.Empty(result.Output);
        Assert.All(Sandbox.Requests, r => Assert.Equal("GET", r.Method));
        Assert.Equal(new[] { "/api/loyalty/badge_users", "/api/loyalty/badges" }, Sandbox.Requests.Select(r => r.Path));
        var badge = $"loyalty badge '{name}' ({HeldBadge})";
        var expected = new List<string> { $"What if: Performing the operation \"Grant {badge}\" on target \"wallet {W(0xc1)}\"." };
        expected.AddRange(active.Skip(1).Select(u =>
            $"What if: Performing the operation \"Revoke {badge} (not in the input)\" on target \"wallet {u.User.WalletAddress} (user {u.User.Id})\"."));
        expected.Add($"What if: Sync the holders of {badge}: 1 to grant (0 of them again), {active.Count - 1} to revoke, 1 already hold it, {active.Count - 1} not in the input.");
        Assert.Equal(expected, host.Lines.Where(l => l.StartsWith("What if:", StringComparison.Ordinal)));
        Assert.Empty(host.Prompts); // -WhatIf never asks
        Assert.Equal(active.Count, Holders(HeldBadge, "active").Count);
    }

    [Fact]
    public void Prune_asks_once_before_anything_is_sent_and_a_no_keeps_the_holders_but_still_grants()
    {
        using var session = PromptingSession(out var host);
        var active = Holders(HeldBadge, "active");
        host.Answers.Enqueue(false);

        var declined = session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -Prune", ("Wanted", new[] { W(0xd1) }), ("Badge", HeldBadge)).ThrowIfErrors();

        var question = Assert.Single(host.Prompts);
        Assert.Contains($"Revoke loyalty badge '{Data.Badges.Single(b => b.Id == HeldBadge).Name}' ({HeldBadge}) from {active.Count} active holder(s) the input does not name", question, StringComparison.Ordinal);
        Assert.All(active, u => Assert.Contains($"wallet {u.User.WalletAddress} (user {u.User.Id})", question, StringComparison.Ordinal));
        Assert.Equal(($"/api/loyalty/badges/{HeldBadge}/reward", $"{{\"walletAddress\":\"{W(0xd1)}\"}}"), (Sandbox.Requests.Single(r => r.Method == "POST").Path, Sandbox.Requests.Single(r => r.Method == "POST").Body));
        Assert.Equal((1, 0, active.Count), (Summary<int>(declined, "Granted"), Summary<int>(declined, "Revoked"), Summary<int>(declined, "Unlisted")));

        Sandbox.Server.State.Requests.Clear();
        host.Answers.Enqueue(true);
        var agreed = session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -Prune", ("Wanted", new[] { W(0xd1) }), ("Badge", HeldBadge)).ThrowIfErrors();

        Assert.Equal(2, host.Prompts.Count);
        Assert.Equal(active.Select(u => $"{{\"userId\":\"{u.User.Id}\"}}").Order(), Sandbox.Requests.Where(r => r.Method == "POST").Select(r => r.Body!).Order());
        Assert.Equal(active.Count, Summary<int>(agreed, "Revoked"));
        Assert.Equal(W(0xd1), Assert.Single(Holders(HeldBadge, "active")).User.WalletAddress);
    }

    [Fact]
    public void Prune_where_nobody_can_answer_ends_with_ConfirmationRequired_having_sent_no_change()
    {
        var result = Session.Run("try { $Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -Prune } catch { throw }", ("Wanted", new[] { W(0xe1) }), ("Badge", HeldBadge));

        var error = result.TerminatingError();
        Assert.Equal("ConfirmationRequired", error.FullyQualifiedErrorId.Split(',')[0]);
        Assert.Contains("-Confirm:$false", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.All(Sandbox.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public void Confirm_asks_before_each_change_in_order_and_a_no_skips_that_one()
    {
        using var session = PromptingSession(out var host);
        foreach (var answer in new[] { true, false, true }) host.Answers.Enqueue(answer);

        var result = session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -Confirm", ("Wanted", new[] { W(0xf1), W(0xf2), W(0xf3) }), ("Badge", EmptyBadge)).ThrowIfErrors();

        Assert.Equal(new[] { W(0xf1), W(0xf2), W(0xf3) }.Select(w => $"wallet {w}\"."), host.Prompts.Select(p => p[(p.LastIndexOf("target \"", StringComparison.Ordinal) + 8)..]));
        Assert.Equal(new[] { W(0xf1), W(0xf3) }.Select(w => $"{{\"walletAddress\":\"{w}\"}}").Order(), Sandbox.Requests.Where(r => r.Method == "POST").Select(r => r.Body!).Order());
        Assert.Equal(2, Summary<int>(result, "Granted"));
    }

    [Fact]
    public async Task A_rerun_after_part_of_the_grants_failed_sends_only_the_failed_ones()
    {
        var wallets = Enumerable.Range(0x100, 30).Select(W).ToArray();
        await Sandbox.AddFaultAsync(new { method = "POST", path = $"/api/loyalty/badges/{EmptyBadge}/reward", status = 503, every = 3, count = 10 });

        var first = Session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -ThrottleLimit 8", ("Wanted", wallets), ("Badge", EmptyBadge));

        Assert.Equal(Enumerable.Repeat("ServiceError", 10), first.ErrorIds);
        var failedWallets = first.Errors.Select(e => (string)e.TargetObject).ToList();
        var faulted = Sandbox.Requests.Where(r => r.Faulted).Select(r => r.Json()["walletAddress"]!.GetValue<string>()).ToList();
        Assert.Equal(faulted.Order(), failedWallets.Order());
        Assert.Equal((20, 10), (Summary<int>(first, "Granted"), Summary<int>(first, "Failed")));

        Sandbox.Server.State.Requests.Clear();
        var rerun = Session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -ThrottleLimit 8", ("Wanted", wallets)).ThrowIfErrors();

        var requests = Sandbox.Requests;
        Assert.Equal(("GET", HolderPage(EmptyBadge)), (requests[0].Method, requests[0].Query));
        Assert.Equal(faulted.Select(w => $"{{\"walletAddress\":\"{w}\"}}").Order(), requests.Skip(1).Select(r => r.Body!).Order());
        Assert.Equal((10, 20, 0), (Summary<int>(rerun, "Granted"), Summary<int>(rerun, "AlreadyHeld"), Summary<int>(rerun, "Failed")));
        Assert.Equal(wallets.Order(), Holders(EmptyBadge, "active").Select(u => u.User.WalletAddress).Order());
    }

    [Fact]
    public async Task Ctrl_C_stops_within_a_second_and_a_rerun_sends_only_what_is_left()
    {
        var wallets = Enumerable.Range(0x200, 60).Select(W).ToArray();
        Session.Run("$null", ("Wanted", wallets), ("Badge", EmptyBadge)).ThrowIfErrors();
        await Sandbox.SetAsync(new { latencyMs = 25 });

        var (shell, pending) = Session.Begin("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -ThrottleLimit 2");
        using (shell)
        {
            var wait = Stopwatch.StartNew();
            while (Sandbox.Requests.Count(r => r.Method == "POST") < 10 && wait.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(5);
            Assert.False(pending.IsCompleted, "the sync ended before it could be stopped");

            var clock = Stopwatch.StartNew();
            shell.Stop();
            Assert.ThrowsAny<PipelineStoppedException>(() => shell.EndInvoke(pending));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
        }

        await Sandbox.SetAsync(new { latencyMs = 0 });
        // Every request cut off by the stop has been answered or dropped before the holders are counted.
        var settle = Stopwatch.StartNew();
        while (Sandbox.Requests.Any(r => r.Status == 0) && settle.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20);
        var heldAfterStop = Holders(EmptyBadge, "active").Select(u => u.User.WalletAddress).ToHashSet();
        Assert.InRange(heldAfterStop.Count, 1, wallets.Length - 1);
        Sandbox.Server.State.Requests.Clear();

        var rerun = Session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -ThrottleLimit 2").ThrowIfErrors();

        var grants = Sandbox.Requests.Where(r => r.Method == "POST").Select(r => r.Json()["walletAddress"]!.GetValue<string>()).ToList();
        Assert.Equal(wallets.Where(w => !heldAfterStop.Contains(w)).Order(), grants.Order());
        Assert.Equal((grants.Count, heldAfterStop.Count), (Summary<int>(rerun, "Granted"), Summary<int>(rerun, "AlreadyHeld")));
        Assert.Equal(wallets.Order(), Holders(EmptyBadge, "active").Select(u => u.User.WalletAddress).Order());
    }

    [Fact]
    public void Rows_without_a_user_are_errors_naming_their_csv_row_and_then_Prune_revokes_nobody()
    {
        var active = Holders(HeldBadge, "active");
        var csv = Csv("broken.csv", "Name,Wallet,UserId", $"Ada,{W(0x301)},", "Nobody,,", "Typo,,not-a-guid", $"Grace,{W(0x302)},");

        var result = Session.Run("Import-Csv $Csv | Sync-LoyaltyBadgeHolder -BadgeId $Badge -Prune -Confirm:$false", ("Csv", csv), ("Badge", HeldBadge));

        Assert.Equal(new[] { "UserNotSpecified", "InvalidUserId", "PruneSkipped" }, result.ErrorIds);
        Assert.Equal("Input row 2: No user: its UserId and Wallet cells are empty, so nothing is sent for it. Fill in a wallet address or a user id.", result.Errors[0].Exception.Message);
        Assert.Equal("Nobody", ((PSObject)result.Errors[0].TargetObject).Properties["Name"].Value);
        Assert.StartsWith("Input row 3: UserId 'not-a-guid' is not a GUID", result.Errors[1].Exception.Message, StringComparison.Ordinal);
        Assert.Contains("2 input item(s) were refused (input rows 2 and 3), and a holder", result.Errors[2].Exception.Message, StringComparison.Ordinal);
        Assert.Equal((ErrorCategory.InvalidData, (object)HeldBadge), (result.Errors[2].CategoryInfo.Category, result.Errors[2].TargetObject));
        Assert.Equal(new[] { W(0x301), W(0x302) }.Select(w => $"{{\"walletAddress\":\"{w}\"}}").Order(), Sandbox.Requests.Where(r => r.Method == "POST").Select(r => r.Body!).Order());
        Assert.Equal((2, 0, active.Count, 2), (Summary<int>(result, "Granted"), Summary<int>(result, "Revoked"), Summary<int>(result, "Unlisted"), Summary<int>(result, "InvalidInput")));
    }

    [Fact]
    public void Items_from_elsewhere_are_named_by_their_place_in_the_input()
    {
        var piped = Session.Run("@([pscustomobject]@{ Name = 'x' }) | Sync-LoyaltyBadgeHolder -BadgeId $Badge", ("Badge", EmptyBadge));
        var given = Session.Run("Sync-LoyaltyBadgeHolder -BadgeId $Badge -InputObject @($W, '  ')", ("Badge", EmptyBadge), ("W", W(0x401)));

        // Worded as every cmdlet words an input row (ItemNames), whatever feeds the pipeline.
        Assert.StartsWith("Input row 1: No user: give it a UserId or a WalletAddress", Assert.Single(piped.Errors).Exception.Message, StringComparison.Ordinal);
        Assert.Contains("(this row has: Name)", piped.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.StartsWith("Item 2 of -InputObject: No user: ", Assert.Single(given.Errors).Exception.Message, StringComparison.Ordinal);
        Assert.Equal(1, Summary<int>(given, "Granted"));
    }

    [Fact]
    public void A_row_whose_wallet_columns_disagree_is_WalletAddressAmbiguous_and_Prune_then_revokes_nobody()
    {
        var active = Holders(HeldBadge, "active");
        var csv = Csv("two-columns.csv", "Wallet,Address", $"{W(0x3a1)},{W(0x3a1).ToUpperInvariant().Replace("0X", "0x")}", $"{W(0x312)},{W(0x313)}");

        var result = Session.Run("Import-Csv $Csv | Sync-LoyaltyBadgeHolder -BadgeId $Badge -Prune -Confirm:$false", ("Csv", csv), ("Badge", HeldBadge));

        // Row 1 names one wallet in two spellings; row 2 two wallets, and the binder would have taken one of them.
        Assert.Equal(new[] { "WalletAddressAmbiguous", "PruneSkipped" }, result.ErrorIds);
        Assert.Equal($"Input row 2: its Wallet cell ({W(0x312)}) and Address cell ({W(0x313)}) name different wallets, so nothing is sent for it. Keep one wallet column, or make them agree.",
            result.Errors[0].Exception.Message);
        Assert.Equal(ErrorCategory.InvalidArgument, result.Errors[0].CategoryInfo.Category);
        Assert.Contains("(input row 2)", result.Errors[1].Exception.Message, StringComparison.Ordinal);
        Assert.Equal(new[] { $"{{\"walletAddress\":\"{W(0x3a1)}\"}}" }, Sandbox.Requests.Where(r => r.Method == "POST").Select(r => r.Body!));
        Assert.Equal((1, 0, 1), (Summary<int>(result, "Granted"), Summary<int>(result, "Revoked"), Summary<int>(result, "InvalidInput")));
        Assert.Equal(active.Count, Holders(HeldBadge, "active").Count - 1);
    }

    [Fact]
    public void WhatIf_with_nothing_to_change_still_names_the_badge()
    {
        using var session = PromptingSession(out var host);
        var active = Holders(HeldBadge, "active");
        var name = Data.Badges.Single(b => b.Id == HeldBadge).Name;

        var wallets = active.Select(u => u.User.WalletAddress).Where(w => w is not null).ToArray();

        session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -WhatIf", ("Wanted", wallets), ("Badge", HeldBadge)).ThrowIfErrors();

        // The holders' listing does not name the badge: -WhatIf asks for its name, though nothing would change.
        Assert.NotEmpty(wallets);
        Assert.StartsWith($"What if: Sync the holders of loyalty badge '{name}' ({HeldBadge}): 0 to grant (0 of them again), 0 to revoke, {wallets.Length} already hold it",
            Assert.Single(host.Lines, l => l.StartsWith("What if:", StringComparison.Ordinal)), StringComparison.Ordinal);
        Assert.All(Sandbox.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public void An_empty_list_with_Prune_revokes_nobody()
    {
        var result = Session.Run("@() | Sync-LoyaltyBadgeHolder -BadgeId $Badge -Prune -Confirm:$false", ("Badge", HeldBadge));

        Assert.Equal("PruneSkipped", Assert.Single(result.ErrorIds));
        Assert.Contains($"-Prune would revoke the badge from all {Holders(HeldBadge, "active").Count} active holder(s)", result.Errors[0].Exception.Message, StringComparison.Ordinal);
        Assert.All(Sandbox.Requests, r => Assert.Equal("GET", r.Method));
    }

    [Fact]
    public void An_unknown_badge_is_LoyaltyBadgeNotFound_before_any_change()
    {
        var missing = Guid.NewGuid();

        var result = Session.Run("try { $Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge } catch { throw }", ("Wanted", new[] { W(0x501) }), ("Badge", missing));

        var error = result.TerminatingError();
        Assert.Equal(("LoyaltyBadgeNotFound", ErrorCategory.ObjectNotFound, (object)missing), (error.FullyQualifiedErrorId.Split(',')[0], error.CategoryInfo.Category, error.TargetObject));
        Assert.Equal(new[] { ("GET", "/api/loyalty/badge_users"), ("GET", "/api/loyalty/badges") }, Sandbox.Requests.Select(r => (r.Method, r.Path)));
    }

    [Fact]
    public void An_unknown_user_id_fails_alone_as_LoyaltyUserNotFound_about_that_user()
    {
        var unknown = Guid.NewGuid();

        var result = Session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -ThrottleLimit 1", ("Wanted", new[] { unknown.ToString(), W(0x601) }), ("Badge", EmptyBadge));

        Assert.Equal("LoyaltyUserNotFound", Assert.Single(result.ErrorIds));
        Assert.Equal(unknown.ToString(), result.Errors[0].TargetObject);
        Assert.Equal((1, 1), (Summary<int>(result, "Granted"), Summary<int>(result, "Failed")));
    }

    [Fact]
    public void Ten_thousand_wanted_of_whom_nine_thousand_hold_it_send_the_holder_pages_and_a_thousand_grants()
    {
        var wanted = Enumerable.Range(0x10000, 10_000).Select(W).ToArray();
        MakeHolders(EmptyBadge, wanted.Take(9000));

        var result = Session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -ThrottleLimit 16", ("Wanted", wanted), ("Badge", EmptyBadge)).ThrowIfErrors();

        var requests = Sandbox.Requests;
        var pages = requests.Where(r => r.Method == "GET").ToList();
        Assert.Equal(9, pages.Count);
        Assert.All(pages, p => Assert.Equal("/api/loyalty/badge_users", p.Path));
        Assert.Equal(wanted.Skip(9000).Select(w => $"{{\"walletAddress\":\"{w}\"}}").Order(), requests.Where(r => r.Method == "POST").Select(r => r.Body!).Order());
        Assert.Equal(9 + 1000, requests.Count);
        Assert.Equal((1000, 9000, 0, 0), (Summary<int>(result, "Granted"), Summary<int>(result, "AlreadyHeld"), Summary<int>(result, "Unlisted"), Summary<int>(result, "Failed")));
    }

    [Fact]
    public async Task A_long_run_shows_progress_and_completes_it()
    {
        using var session = PromptingSession(out var host);
        await Sandbox.SetAsync(new { latencyMs = 20 }); // 60 grants one at a time: over a second

        var clock = Stopwatch.StartNew();
        session.Run("$Wanted | Sync-LoyaltyBadgeHolder -BadgeId $Badge -ThrottleLimit 1", ("Wanted", Enumerable.Range(0x700, 60).Select(W).ToArray()), ("Badge", EmptyBadge)).ThrowIfErrors();
        var took = clock.Elapsed.TotalSeconds;

        var records = host.ProgressRecords.Where(r => r.Activity.StartsWith("Syncing the holders of loyalty badge", StringComparison.Ordinal)).ToList();
        Assert.Contains(records, r => r.StatusDescription.EndsWith("of 60 grants and revokes done", StringComparison.Ordinal) && r.PercentComplete is > 0 and < 100);
        Assert.InRange(records.Count, 2, 2 + (int)(took * 4)); // at most four a second, not one per grant
        Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
    }
}
