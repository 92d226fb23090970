using System.Diagnostics;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Snag;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Cmdlets;

/// <summary>
/// -ThrottleLimit on the changing cmdlets: piped items go out concurrently, yet ShouldProcess is asked in order before
/// each request, objects and errors come back in input order on the pipeline thread, and Ctrl+C cancels all in flight.
/// </summary>
public sealed class ConcurrencyTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture _sandbox;
    private readonly SnagConnection _connection;

    public ConcurrencyTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _connection = new SnagConnection(sandbox.SnagSettings(), "test");
    }

    public void Dispose() => _connection.Dispose();

    private static Guid Badge(int i) => StableId.For($"snag/badge/{i}");

    private RecordingRuntime Runtime()
    {
        var runtime = new RecordingRuntime();
        runtime.Connections.SetSnag(_connection);
        return runtime;
    }

    private RecordingRuntime SetDescriptions(IReadOnlyList<Guid> ids, int throttle, RecordingRuntime? runtime = null) =>
        CmdletRunner.RunPipeline(new SetLoyaltyBadgeCommand { Description = "x", PassThruRequested = true, ThrottleLimit = throttle }, ids,
            (c, id) => ((SetLoyaltyBadgeCommand)c).Id = id, runtime ?? Runtime());

    /// <summary>The largest number of requests the sandbox had started but not yet answered at one time.</summary>
    private int MostAtOnce(TimeSpan latency)
    {
        var starts = _sandbox.Requests.Select(r => r.Time).Order().ToList();
        return starts.Select(t => starts.Count(other => other >= t && other < t + latency)).Max();
    }

    [Fact]
    public async Task A_throttle_of_four_overlaps_requests_and_one_sends_them_one_after_another()
    {
        await _sandbox.SetAsync(new { latencyMs = 300 });
        var ids = Enumerable.Range(0, 8).Select(Badge).ToList();

        SetDescriptions(ids, throttle: 4);
        var concurrent = MostAtOnce(TimeSpan.FromMilliseconds(250));
        _sandbox.Server.State.Requests.Clear();
        SetDescriptions(ids, throttle: 1);
        var sequential = MostAtOnce(TimeSpan.FromMilliseconds(250));

        Assert.InRange(concurrent, 3, 4);
        Assert.Equal(1, sequential);
    }

    [Fact]
    public async Task Output_comes_back_in_input_order_even_when_an_earlier_item_is_slower()
    {
        var ids = Enumerable.Range(0, 6).Select(Badge).ToList();
        await _sandbox.AddFaultAsync(new { method = "POST", path = $"/api/loyalty/badges/{ids[0]}", status = 200, delayMs = 400, body = "{\"id\":\"" + ids[0] + "\",\"description\":\"slow\"}" });

        var runtime = SetDescriptions(ids, throttle: 4);

        Assert.Equal(ids, runtime.Objects.Cast<LoyaltyBadge>().Select(b => b.Id));
        Assert.Equal("slow", runtime.Objects.Cast<LoyaltyBadge>().First().Description); // the first item answered last, yet came out first
        Assert.Empty(runtime.OffThreadCalls);
    }

    [Fact]
    public void Errors_take_their_item_s_place_in_the_output_order()
    {
        var ids = new[] { Badge(0), Guid.NewGuid(), Badge(2), Guid.NewGuid(), Badge(4) };

        var runtime = SetDescriptions(ids, throttle: 4);

        Assert.Equal(new[] { "object", "error:" + ErrorIds.LoyaltyBadgeNotFound, "object", "error:" + ErrorIds.LoyaltyBadgeNotFound, "object" }, runtime.Events.Select(e => e.Kind));
        Assert.Equal((object)ids[1], runtime.Events[1].Item);
        Assert.Equal((object)ids[3], runtime.Events[3].Item);
    }

    [Fact]
    public void ShouldProcess_is_asked_for_each_item_in_order_and_a_no_sends_nothing_for_that_item()
    {
        var ids = Enumerable.Range(0, 6).Select(Badge).ToList();
        var runtime = Runtime();
        foreach (var answer in new[] { true, false, true, false, true, false }) runtime.ShouldProcessAnswers.Enqueue(answer); // a user at -Confirm prompts

        CmdletRunner.RunPipeline(new SetLoyaltyBadgeCommand { Description = "x", PassThruRequested = true, ThrottleLimit = 4 }, ids,
            (c, id) => ((SetLoyaltyBadgeCommand)c).Id = id, runtime);

        Assert.Equal(ids.Select(id => $"loyalty badge {id}"), runtime.ShouldProcessCalls.Select(c => c.Target));
        Assert.Equal(new[] { ids[0], ids[2], ids[4] }, runtime.Objects.Cast<LoyaltyBadge>().Select(b => b.Id));
        Assert.Equal(new[] { ids[0], ids[2], ids[4] }.Select(id => $"/api/loyalty/badges/{id}").Order(), _sandbox.Requests.Select(r => r.Path).Order());
    }

    [Fact]
    public async Task Stopping_cancels_every_request_in_flight_within_a_second()
    {
        await _sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", stall = true, count = 100 });
        using var connection = new SnagConnection(new ConnectionSettings(_sandbox.BaseAddress, SnagConnection.ApiKeyHeader, SandboxOptions.DefaultSnagKey), "test");
        var runtime = new RecordingRuntime();
        runtime.Connections.SetSnag(connection);
        var cmdlet = new SetLoyaltyBadgeCommand { Description = "x", ThrottleLimit = 4 };
        cmdlet.Runtime = runtime;
        var clock = Stopwatch.StartNew();
        var stopper = Task.Run(async () =>
        {
            while (_sandbox.Requests.Count < 4 && clock.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
            await Task.Delay(200);
            cmdlet.InvokeStop();
            return clock.Elapsed;
        });

        cmdlet.InvokeBegin();
        Assert.Throws<PipelineStoppedException>(() =>
        {
            foreach (var i in Enumerable.Range(0, 8))
            {
                cmdlet.Id = Badge(i);
                cmdlet.InvokeRecord();
            }
        });
        var returnedAt = clock.Elapsed;
        var stoppedAt = await stopper;
        cmdlet.Dispose();

        Assert.True(returnedAt - stoppedAt < TimeSpan.FromSeconds(1), $"took {returnedAt - stoppedAt}");
        Assert.Equal(4, _sandbox.Requests.Count); // the throttle held the fifth back; nothing more was sent
        Assert.Empty(runtime.Objects);
    }
}
