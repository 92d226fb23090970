using System.Diagnostics;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.PartnerPage;
using BadgeAdmin.Cmdlets.Snag;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Reliability;

/// <summary>Ctrl+C (StopProcessing) ends a stalled request or a retry wait within a second, with real waits.</summary>
public sealed class CancellationTests : IClassFixture<SandboxFixture>
{
    private const string EntryPath = "/api/directory/private/v1alpha/entries/partners/*";
    private readonly SandboxFixture _sandbox;

    public CancellationTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    /// <summary>Runs the cmdlet, stops it 200 ms after its first request reached the sandbox; returns how long the stop took.</summary>
    private async Task<TimeSpan> StopDuringAsync(BadgeAdmin.Cmdlets.Runtime.BadgeAdminCmdlet cmdlet, RecordingRuntime runtime)
    {
        cmdlet.Runtime = runtime;
        var clock = Stopwatch.StartNew();
        var stopper = Task.Run(async () =>
        {
            while (_sandbox.Requests.Count == 0 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
            await Task.Delay(200);
            cmdlet.InvokeStop();
            return clock.Elapsed;
        });

        cmdlet.InvokeBegin();
        Assert.Throws<PipelineStoppedException>(() => cmdlet.InvokeRecord());
        var returnedAt = clock.Elapsed;
        return returnedAt - await stopper;
    }

    [Fact]
    public async Task Stopping_ends_a_stalled_request_within_a_second()
    {
        await _sandbox.AddFaultAsync(new { path = EntryPath, stall = true });
        using var connection = new PartnerPageConnection(new ConnectionSettings(_sandbox.BaseAddress, PartnerPageConnection.ApiKeyHeader, SandboxOptions.DefaultPartnerPageKey), "test");
        var runtime = new RecordingRuntime();
        runtime.Connections.SetPartnerPage(connection);

        var took = await StopDuringAsync(new GetPartnerEntryCommand { Id = new[] { _sandbox.Server.State.PartnerPage.EntryIds[0] } }, runtime);

        Assert.True(took < TimeSpan.FromSeconds(1), $"took {took}");
        Assert.Empty(runtime.Errors);
    }

    [Fact]
    public async Task Stopping_ends_a_retry_wait_within_a_second()
    {
        await _sandbox.AddFaultAsync(new { path = "/api/loyalty/*", status = 503, retryAfter = "30" });
        using var connection = new SnagConnection(new ConnectionSettings(_sandbox.BaseAddress, SnagConnection.ApiKeyHeader, SandboxOptions.DefaultSnagKey), "test");
        var runtime = new RecordingRuntime();
        runtime.Connections.SetSnag(connection);

        var took = await StopDuringAsync(new GetLoyaltyBadgeCommand { WebsiteId = _sandbox.Snag.MainWebsite.Id }, runtime);

        Assert.True(took < TimeSpan.FromSeconds(1), $"took {took}");
        Assert.Single(runtime.Warnings); // the wait had begun, and was announced
        Assert.Single(_sandbox.Requests);
    }

    [Fact]
    public async Task Stopping_ends_a_shared_rate_limit_pause_within_a_second()
    {
        await _sandbox.AddFaultAsync(new { path = "/api/websites", status = 429, retryAfter = "30" });
        using var connection = new SnagConnection(new ConnectionSettings(_sandbox.BaseAddress, SnagConnection.ApiKeyHeader, SandboxOptions.DefaultSnagKey), "test");
        var runtime = new RecordingRuntime();
        runtime.Connections.SetSnag(connection);

        var took = await StopDuringAsync(new GetLoyaltyWebsiteCommand(), runtime);

        Assert.True(took < TimeSpan.FromSeconds(1), $"took {took}");
    }
}
