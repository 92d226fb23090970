using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Cmdlets;

/// <summary>
/// Write-Progress on long bulk work, read from the Progress stream of a hosted PowerShell: counts, rate, retries and the
/// share done where the total is known; at most about four records a second; a Completed record at the end; nothing at
/// all when progress is off. A record written from any thread but the pipeline's would be an error here.
/// </summary>
public sealed class ProgressTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private Guid Badge => Sandbox.Server.State.Snag.Badges[0].Id;

    private static string[] Wallets(int count) => Enumerable.Range(1, count).Select(i => $"0x{i:x40}").ToArray();

    /// <summary>Progress records of one command: updates, then one Completed record, no more than ~4 a second.</summary>
    private static List<ProgressRecord> AssertOneBar(EngineResult result, string activity, TimeSpan took)
    {
        var records = result.Progress.Where(p => p.Activity == activity).ToList();
        Assert.True(records.Count >= 2, $"{records.Count} progress records");
        Assert.Equal(ProgressRecordType.Completed, records[^1].RecordType);
        Assert.All(records[..^1], r => Assert.Equal(ProgressRecordType.Processing, r.RecordType));
        Assert.Single(records.Select(r => r.ActivityId).Distinct());
        Assert.True(records.Count <= (took.TotalSeconds * 4) + 2, $"{records.Count} records in {took.TotalSeconds:0.0} s");
        return records;
    }

    [Fact]
    public async Task A_piped_grant_shows_how_many_are_done_and_their_rate_then_completes()
    {
        await Sandbox.SetAsync(new { latencyMs = 20 });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = Session.Run("""
            $Wallets | ForEach-Object { [pscustomobject]@{ WalletAddress = $_ } } | Grant-LoyaltyBadge -BadgeId $Badge -ThrottleLimit 2
            """, ("Wallets", Wallets(120)), ("Badge", Badge)).ThrowIfErrors();

        var records = AssertOneBar(result, "Grant-LoyaltyBadge", clock.Elapsed);
        Assert.All(records[..^1], r => Assert.Matches(@"^[\d,.]+ done, [\d,.]+/s$", r.StatusDescription));
        Assert.All(records, r => Assert.Equal(-1, r.PercentComplete)); // piped: the total is not known
        Assert.Equal("120 done", records[^1].StatusDescription.Split(',')[0]);
    }

    [Fact]
    public async Task Nothing_is_written_when_progress_is_off_as_runbooks_set_it()
    {
        await Sandbox.SetAsync(new { latencyMs = 20 });

        var preference = Session.Run("""
            $ProgressPreference = 'SilentlyContinue'
            $Wallets | ForEach-Object { [pscustomobject]@{ WalletAddress = $_ } } | Grant-LoyaltyBadge -BadgeId $Badge -ThrottleLimit 1
            $ProgressPreference = 'Continue'
            """, ("Wallets", Wallets(40)), ("Badge", Badge)).ThrowIfErrors();
        var parameter = Session.Run(
            "$Wallets | ForEach-Object { [pscustomobject]@{ WalletAddress = $_ } } | Grant-LoyaltyBadge -BadgeId $Badge -ThrottleLimit 1 -ProgressAction SilentlyContinue",
            ("Wallets", Wallets(40)), ("Badge", Badge)).ThrowIfErrors();

        Assert.Empty(preference.Progress);
        Assert.Empty(parameter.Progress);
    }

    [Fact]
    public async Task Work_done_within_half_a_second_shows_no_bar()
    {
        var result = Session.Run("Get-LoyaltyBadge -First 5").ThrowIfErrors();

        Assert.Equal(5, result.Output.Count);
        Assert.Empty(result.Progress);
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Fetching_a_list_of_ids_shows_the_share_done()
    {
        List<Guid> ids;
        lock (Sandbox.Server.State.Snag.Gate) ids = Sandbox.Server.State.Snag.Badges.Take(600).Select(b => b.Id).ToList();
        await Sandbox.SetAsync(new { latencyMs = 150 });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = Session.Run("Get-LoyaltyBadge -Id $Ids", ("Ids", ids.ToArray())).ThrowIfErrors();

        Assert.Equal(600, result.Output.Count);
        var records = AssertOneBar(result, "Get-LoyaltyBadge", clock.Elapsed);
        var shares = records[..^1].Select(r => r.PercentComplete).ToList();
        Assert.All(shares, p => Assert.InRange(p, 0, 100));
        Assert.Equal(shares.Order(), shares);
        Assert.All(records[..^1], r => Assert.Matches(@"^[\d,.]+ of 600 fetched, ", r.StatusDescription));
    }

    [Fact]
    public async Task A_long_listing_shows_how_many_are_listed()
    {
        await Sandbox.SetAsync(new { latencyMs = 60 });
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var result = Session.Run("$count = 0; Get-LoyaltyBadge -PageSize 100 | ForEach-Object { $count++ }; $count").ThrowIfErrors();

        var records = AssertOneBar(result, "Get-LoyaltyBadge", clock.Elapsed);
        Assert.All(records[..^1], r => Assert.Matches(@"^[\d,.]+ listed, [\d,.]+/s$", r.StatusDescription));
        Assert.Equal(result.Output[0].BaseObject.ToString(), records[^1].StatusDescription.Split(' ')[0].Replace(",", "", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_wait_for_a_rate_limit_keeps_the_bar_moving_and_says_so()
    {
        List<Guid> ids;
        lock (Sandbox.Server.State.Snag.Gate) ids = Sandbox.Server.State.Snag.Badges.Take(3).Select(b => b.Id).ToList();
        await Sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", status = 429, retryAfter = "2" });

        var result = Session.Run("$Ids | Set-LoyaltyBadge -Description Waited -ThrottleLimit 1 -WarningAction SilentlyContinue", ("Ids", ids.ToArray())).ThrowIfErrors();

        var waiting = result.Progress.Where(p => p.RecordType == ProgressRecordType.Processing).ToList();
        Assert.NotEmpty(waiting); // written while nothing was done yet: the pipeline thread was waiting out the 429
        Assert.Contains(waiting, p => p.StatusDescription.StartsWith("0 done", StringComparison.Ordinal) && p.StatusDescription.EndsWith("; 1 retried", StringComparison.Ordinal));
        Assert.Equal(ProgressRecordType.Completed, result.Progress[^1].RecordType);
    }
}
