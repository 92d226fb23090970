using System.Diagnostics;
using BadgeAdmin.Engine.Tests.Support;
using static BadgeAdmin.Engine.Tests.Support.SessionScripts;

namespace BadgeAdmin.Engine.Tests.Reliability;

/// <summary>
/// 1,000 badge updates piped into Set-LoyaltyBadge with default settings while the sandbox answers 10 % of the
/// requests 429 and 10 % 503, each asking for a wait, with the module's real waits: every update is applied exactly
/// once, no error, every retry waits at least what was asked, and the whole run takes no longer than twice the
/// waits really taken (as the warnings state them) shared among the -ThrottleLimit requests in flight, plus 10 s: an item
/// waiting out a retry holds up none of the others, and 429s that come whatever the rate do not slow the connection.
/// </summary>
public sealed class BulkRetryTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private const int DefaultThrottleLimit = 4;
    private const int AskedWaitMs = 200;

    [Fact]
    public async Task A_thousand_updates_through_429s_and_503s_with_default_settings_are_each_applied_once_in_time()
    {
        Session.Run("""
            Connect-Snag -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $Uri
            $badges = Get-LoyaltyBadge -WebsiteId $WebsiteId -PageSize 1000 -First 1000
            """, ("Key", Sandbox.Server.State.Options.SnagKey), ("Uri", Sandbox.BaseAddress), ("WebsiteId", Sandbox.MainWebsiteId)).ThrowIfErrors();
        var badges = Session.Run("$badges.Id").ThrowIfErrors().Output.Select(o => (Guid)o.BaseObject).ToList();
        var wait = AskedWaitMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Every 10th request is rate limited; every 9th of the rest (10 % of all) is a 503.
        await Sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", status = 429, every = 10, count = 100000, retryAfterMs = wait });
        await Sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", status = 503, every = 9, count = 100000, retryAfterMs = wait });
        Sandbox.Server.State.Requests.Clear();

        var clock = Stopwatch.StartNew();
        var run = Session.Run("$badges | Set-LoyaltyBadge -Description Bulk -PassThru");
        var took = clock.Elapsed;

        Assert.Equal(1000, badges.Distinct().Count());
        run.ThrowIfErrors();
        Assert.Equal(badges.Cast<object>(), run.Values("Id"));

        var log = Sandbox.Requests;
        var faulted = log.Where(r => r.Faulted).ToList();
        Assert.InRange(faulted.Count(r => r.Status == 429), 100, 130); // 10 % of the requests
        Assert.InRange(faulted.Count(r => r.Status == 503), 100, 130);
        var succeeded = log.Where(r => r.Status == 200).GroupBy(r => r.Path).ToList();
        Assert.Equal(badges.Select(id => $"/api/loyalty/badges/{id}").Order(), succeeded.Select(g => g.Key).Order());
        Assert.All(succeeded, g => Assert.Single(g)); // applied once: never sent again after it succeeded
        Assert.Equal(1000 + faulted.Count, log.Count);
        Assert.Equal(faulted.Count, run.Warnings.Count); // one warning per retry
        lock (Sandbox.Server.State.Snag.Gate) Assert.Equal(1000, Sandbox.Server.State.Snag.Badges.Count(b => b.Description == "Bulk"));

        var waits = run.AnnouncedWaits();
        Assert.All(waits, w => Assert.True(w >= AskedWaitMs / 1000.0, $"waited {w} s"));
        var waited = TimeSpan.FromSeconds(waits.Sum());
        // The pacer's runs of cuts before it gives up on such 429s, and the requests themselves, take the rest (1.7× here).
        var bound = (waited / DefaultThrottleLimit * 2) + TimeSpan.FromSeconds(10);
        Assert.True(took <= bound, $"took {took.TotalSeconds:0.0} s; {waited.TotalSeconds:0.0} s of waits were taken in all, {bound.TotalSeconds:0.0} s allowed");
        Console.WriteLine($"1,000 updates, {faulted.Count(r => r.Status == 429)} × 429 + {faulted.Count(r => r.Status == 503)} × 503: {took.TotalSeconds:0.0} s; waits taken {waited.TotalSeconds:0.0} s ({took / (waited / DefaultThrottleLimit):0.00}× a quarter of them)");
    }
}
