using System.Diagnostics;
using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Reliability;

/// <summary>
/// 1,000 badge updates piped into Set-LoyaltyBadge with default settings while the sandbox answers 10 % of the
/// requests 429 and 10 % 503, each asking for a wait, with the module's real waits: every update is applied exactly
/// once, no error, and the whole run takes no longer than 1.5 times the sum of the waits the server asked for.
/// </summary>
public sealed class BulkRetryTests : IClassFixture<SandboxEngineFixture>
{
    private const int AskedWaitMs = 200;
    private readonly SandboxEngineFixture _sandbox;
    private readonly EngineSession _session;

    public BulkRetryTests(SandboxEngineFixture sandbox)
    {
        _sandbox = sandbox;
        _session = sandbox.Reset();
    }

    [Fact]
    public async Task A_thousand_updates_through_429s_and_503s_with_default_settings_are_each_applied_once_in_time()
    {
        _session.Run("""
            Connect-Snag -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $Uri
            $badges = Get-LoyaltyBadge -WebsiteId $WebsiteId -PageSize 1000 -First 1000
            """, ("Key", _sandbox.Server.State.Options.SnagKey), ("Uri", _sandbox.BaseAddress), ("WebsiteId", _sandbox.MainWebsiteId)).ThrowIfErrors();
        var badges = _session.Run("$badges.Id").ThrowIfErrors().Output.Select(o => (Guid)o.BaseObject).ToList();
        var wait = AskedWaitMs.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Every 10th request is rate limited; every 9th of the rest (10 % of all) is a 503.
        await _sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", status = 429, every = 10, count = 100000, retryAfterMs = wait });
        await _sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", status = 503, every = 9, count = 100000, retryAfterMs = wait });
        _sandbox.Server.State.Requests.Clear();

        var clock = Stopwatch.StartNew();
        var run = _session.Run("$badges | Set-LoyaltyBadge -Description Bulk -PassThru");
        var took = clock.Elapsed;

        Assert.Equal(1000, badges.Distinct().Count());
        run.ThrowIfErrors();
        Assert.Equal(badges.Cast<object>(), run.Values("Id"));

        var log = _sandbox.Requests;
        var faulted = log.Where(r => r.Faulted).ToList();
        Assert.InRange(faulted.Count(r => r.Status == 429), 100, 130); // 10 % of the requests
        Assert.InRange(faulted.Count(r => r.Status == 503), 100, 130);
        var succeeded = log.Where(r => r.Status == 200).GroupBy(r => r.Path).ToList();
        Assert.Equal(badges.Select(id => $"/api/loyalty/badges/{id}").Order(), succeeded.Select(g => g.Key).Order());
        Assert.All(succeeded, g => Assert.Single(g)); // applied once: never sent again after it succeeded
        Assert.Equal(1000 + faulted.Count, log.Count);
        Assert.Equal(faulted.Count, run.Warnings.Count); // one warning per retry
        lock (_sandbox.Server.State.Snag.Gate) Assert.Equal(1000, _sandbox.Server.State.Snag.Badges.Count(b => b.Description == "Bulk"));

        var asked = TimeSpan.FromMilliseconds(AskedWaitMs * faulted.Count);
        Assert.True(took <= asked * 1.5, $"took {took.TotalSeconds:0.0} s; the server asked for {asked.TotalSeconds:0.0} s of waits in all");
        Console.WriteLine($"1,000 updates, {faulted.Count(r => r.Status == 429)} × 429 + {faulted.Count(r => r.Status == 503)} × 503: {took.TotalSeconds:0.0} s; waits asked {asked.TotalSeconds:0.0} s ({took / asked:0.00}×)");
    }
}
