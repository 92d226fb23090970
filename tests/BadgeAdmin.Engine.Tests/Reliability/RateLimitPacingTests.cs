using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Reliability;

/// <summary>
/// Bulk work against a server with a rate limit (the sandbox's token bucket): the connection learns the rate the
/// server accepts and paces itself, so few requests meet a 429, none fails, and every wallet is granted once. The
/// full-size figures (20,000 grants at 250/s) are benchmarks/Measure-RateLimit.ps1's; this checks the behaviour.
/// </summary>
public sealed class RateLimitPacingTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    [Fact]
    public async Task Grants_at_a_rate_limit_are_paced_each_wallet_granted_once_without_an_error()
    {
        const int Wallets = 600;
        var badge = Sandbox.Server.State.Snag.Badges[0].Id;
        var rows = Enumerable.Range(1, Wallets).Select(i => $"0x{i:x40}").ToArray();
        await Sandbox.SetAsync(new { rateLimitPerSecond = 100, latencyMs = 10 });
        Sandbox.Server.State.Requests.Clear();

        var run = Session.Run("""
            $Wallets | ForEach-Object { [pscustomobject]@{ WalletAddress = $_ } } |
                Grant-LoyaltyBadge -BadgeId $Badge -ThrottleLimit 16 -WarningAction SilentlyContinue
            (Get-BadgeAdminConnection -Service Snag).SendRateLimit
            """, ("Wallets", rows), ("Badge", badge)).ThrowIfErrors();

        var log = Sandbox.Requests;
        var granted = log.Where(r => r.Status == 200).Select(r => r.Json()["walletAddress"]!.GetValue<string>()).ToList();
        Assert.Equal(rows.Order(), granted.Order()); // each wallet once
        var limited = log.Count(r => r.RateLimited);
        Assert.Equal(Wallets + limited, log.Count);
        Assert.True(limited <= Wallets / 10, $"{limited} of {log.Count} requests were answered 429");
        var paced = Assert.IsType<double>(run.Output[^1].BaseObject);
        Assert.InRange(paced, 50, 200); // learned near the server's 100 requests a second
        Assert.Contains(run.Progress, p => p.StatusDescription.Contains("/s (rate limit)", StringComparison.Ordinal));
    }
}
