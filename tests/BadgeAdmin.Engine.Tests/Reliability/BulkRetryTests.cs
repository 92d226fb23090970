using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Reliability;

/// <summary>
/// 1,000 badge updates piped into Set-LoyaltyBadge while the sandbox answers about 10 % of them 429 or 503, with the
/// module's real retry waits: every update succeeds, and the request log proves no change was sent again once it
/// had succeeded.
/// </summary>
public sealed class BulkRetryTests : IClassFixture<SandboxEngineFixture>
{
    private readonly SandboxEngineFixture _sandbox;
    private readonly EngineSession _session;

    public BulkRetryTests(SandboxEngineFixture sandbox)
    {
        _sandbox = sandbox;
        _session = sandbox.Reset();
    }

    [Fact]
    public async Task A_thousand_updates_through_429s_and_503s_all_succeed_and_none_is_sent_twice()
    {
        _session.Run("""
            Connect-Snag -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $Uri -MaxRetries 3
            $badges = Get-LoyaltyBadge -WebsiteId $WebsiteId -PageSize 1000 -First 1000
            """, ("Key", _sandbox.Server.State.Options.SnagKey), ("Uri", _sandbox.BaseAddress), ("WebsiteId", _sandbox.MainWebsiteId)).ThrowIfErrors();
        var badges = _session.Run("$badges.Id").ThrowIfErrors().Output.Select(o => (Guid)o.BaseObject).ToList();
        await _sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", status = 429, every = 20, count = 100000, retryAfter = "0" });
        await _sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", status = 503, every = 19, count = 100000 }); // no Retry-After: the module's own backoff
        _sandbox.Server.State.Requests.Clear();

        var run = _session.Run("$badges | Set-LoyaltyBadge -Description Bulk -PassThru");

        Assert.Equal(1000, badges.Distinct().Count());
        run.ThrowIfErrors();
        Assert.Equal(badges.Cast<object>(), run.Values("Id"));
        Assert.All(run.Values("Description"), d => Assert.Equal("Bulk", d));

        var log = _sandbox.Requests;
        var faulted = log.Where(r => r.Faulted).ToList();
        Assert.InRange(faulted.Count, 90, 115); // about 10 % of the requests
        Assert.Contains(faulted, r => r.Status == 429);
        Assert.Contains(faulted, r => r.Status == 503);
        var succeeded = log.Where(r => r.Status == 200).GroupBy(r => r.Path).ToList();
        Assert.Equal(badges.Select(id => $"/api/loyalty/badges/{id}").Order(), succeeded.Select(g => g.Key).Order());
        Assert.All(succeeded, g => Assert.Single(g)); // never sent again after it succeeded
        Assert.Equal(1000 + faulted.Count, log.Count);
        Assert.Equal(faulted.Count, run.Warnings.Count); // one warning per retry
        lock (_sandbox.Server.State.Snag.Gate) Assert.Equal(1000, _sandbox.Server.State.Snag.Badges.Count(b => b.Description == "Bulk"));
    }
}
