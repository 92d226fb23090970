using BadgeAdmin.Cmdlets.Snag;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Reliability;

/// <summary>
/// 1,000 badge updates through Set-LoyaltyBadge while the sandbox answers about 10 % of them 429 or 503: every update
/// succeeds, and the request log proves no change was sent again once it had succeeded.
/// </summary>
public sealed class BulkRetryTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public BulkRetryTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public async Task A_thousand_updates_through_429s_and_503s_all_succeed_and_none_is_sent_twice()
    {
        using var connection = new SnagConnection(_sandbox.SnagSettings(maxRetries: 3), "test");
        var runtime = new RecordingRuntime();
        runtime.Connections.SetSnag(connection);
        var badges = CmdletRunner.Run(new GetLoyaltyBadgeCommand { WebsiteId = _sandbox.Snag.MainWebsite.Id, PageSize = 1000 }, runtime)
            .Objects.Cast<LoyaltyBadge>().Take(1000).ToList();
        await _sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", status = 429, every = 20, count = 100000, retryAfter = "0" });
        await _sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", status = 503, every = 19, count = 100000 });
        _sandbox.Server.State.Requests.Clear();
        var run = new RecordingRuntime();
        run.Connections.SetSnag(connection);

        CmdletRunner.RunPipeline(new SetLoyaltyBadgeCommand { Description = "Bulk", PassThruRequested = true }, badges,
            (c, b) => ((SetLoyaltyBadgeCommand)c).Id = b.Id, run);

        Assert.Empty(run.Errors);
        Assert.Equal(badges.Select(b => b.Id), run.Objects.Cast<LoyaltyBadge>().Select(b => b.Id));
        Assert.All(run.Objects.Cast<LoyaltyBadge>(), b => Assert.Equal("Bulk", b.Description));

        var log = _sandbox.Requests;
        var faulted = log.Where(r => r.Faulted).ToList();
        Assert.InRange(faulted.Count, 90, 115); // about 10 % of the requests
        Assert.Contains(faulted, r => r.Status == 429);
        Assert.Contains(faulted, r => r.Status == 503);
        var succeeded = log.Where(r => r.Status == 200).GroupBy(r => r.Path).ToList();
        Assert.Equal(1000, succeeded.Count);
        Assert.All(succeeded, g => Assert.Single(g)); // never sent again after it succeeded
        Assert.Equal(1000 + faulted.Count, log.Count);
        Assert.Equal(faulted.Count, run.Warnings.Count); // one warning per retry
        lock (_sandbox.Snag.Gate) Assert.Equal(1000, _sandbox.Snag.Badges.Count(b => b.Description == "Bulk"));
    }
}
