using System.Diagnostics;
using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox;

namespace BadgeAdmin.Engine.Tests.Cmdlets;

/// <summary>
/// -ThrottleLimit on the changing cmdlets: piped items go out concurrently, yet -Confirm asks in order before each
/// request, objects and errors come back in input order (the engine refuses writes from any other thread), and
/// Ctrl+C cancels every request in flight.
/// </summary>
public sealed class ConcurrencyTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private static Guid Badge(int i) => StableId.For($"snag/badge/{i}");

    private EngineResult SetDescriptions(IReadOnlyList<Guid> ids, int throttle) =>
        Session.Run("$Ids | Set-LoyaltyBadge -Description x -PassThru -ThrottleLimit $Throttle", ("Ids", ids.ToArray()), ("Throttle", throttle));

    /// <summary>The largest number of requests that reached the sandbox within one <paramref name="latency"/> of each other.</summary>
    private int MostAtOnce(TimeSpan latency)
    {
        var starts = Sandbox.Requests.Select(r => r.Time).Order().ToList();
        return starts.Select(t => starts.Count(other => other >= t && other < t + latency)).Max();
    }

    [Fact]
    public async Task A_throttle_of_four_overlaps_requests_and_one_sends_them_one_after_another()
    {
        await Sandbox.SetAsync(new { latencyMs = 300 });
        var ids = Enumerable.Range(0, 8).Select(Badge).ToList();

        SetDescriptions(ids, throttle: 4).ThrowIfErrors();
        var concurrent = MostAtOnce(TimeSpan.FromMilliseconds(250));
        Sandbox.Server.State.Requests.Clear();
        SetDescriptions(ids, throttle: 1).ThrowIfErrors();
        var sequential = MostAtOnce(TimeSpan.FromMilliseconds(250));

        Assert.InRange(concurrent, 3, 4);
        Assert.Equal(1, sequential);
    }

    [Fact]
    public async Task Output_comes_back_in_input_order_even_when_an_earlier_item_is_slower()
    {
        var ids = Enumerable.Range(0, 6).Select(Badge).ToList();
        await Sandbox.AddFaultAsync(new { method = "POST", path = $"/api/loyalty/badges/{ids[0]}", status = 200, delayMs = 400, body = "{\"id\":\"" + ids[0] + "\",\"description\":\"slow\"}" });

        // Any write from a worker thread would be an error here: the engine only accepts writes on the pipeline thread.
        var result = SetDescriptions(ids, throttle: 4).ThrowIfErrors();

        Assert.Equal(ids.Cast<object>(), result.Values("Id"));
        Assert.Equal("slow", result.Values("Description")[0]); // the first item answered last, yet came out first
        Assert.Equal(6, Sandbox.Requests.Count);
    }

    [Fact]
    public void Errors_take_their_item_s_place_in_the_output_order()
    {
        var ids = new[] { Badge(0), Guid.NewGuid(), Badge(2), Guid.NewGuid(), Badge(4) };

        // 2>&1 merges errors into the output as they are written, so the merged order is the write order.
        var result = Session.Run("$Ids | Set-LoyaltyBadge -Description x -PassThru -ThrottleLimit 4 2>&1", ("Ids", ids));

        var events = result.Output.Select(o => o.BaseObject is ErrorRecord e ? "error:" + e.FullyQualifiedErrorId.Split(',')[0] : "object").ToList();
        Assert.Equal(new[] { "object", "error:LoyaltyBadgeNotFound", "object", "error:LoyaltyBadgeNotFound", "object" }, events);
        Assert.Equal(ids[1], ((ErrorRecord)result.Output[1].BaseObject).TargetObject);
        Assert.Equal(ids[3], ((ErrorRecord)result.Output[3].BaseObject).TargetObject);
        Assert.Equal(new object[] { ids[0], ids[2], ids[4] }, new[] { 0, 2, 4 }.Select(i => result.Output[i].Properties["Id"].Value));
    }

    [Fact]
    public void Confirm_asks_for_each_item_in_order_on_the_pipeline_thread_and_a_no_sends_nothing_for_that_item()
    {
        var ids = Enumerable.Range(0, 6).Select(Badge).ToArray();
        var host = new ScriptedHost();
        using var prompting = new EngineSession(host: host);
        foreach (var answer in new[] { true, false, true, false, true, false }) host.Answers.Enqueue(answer); // a user at the prompts
        prompting.Run(
            "Connect-Snag -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $Uri",
            ("Key", SandboxOptions.DefaultSnagKey), ("Uri", Sandbox.BaseAddress)).ThrowIfErrors();

        var result = prompting.Run("$Ids | Set-LoyaltyBadge -Description x -PassThru -ThrottleLimit 4 -Confirm", ("Ids", ids)).ThrowIfErrors();

        Assert.Equal(ids.Select(id => $"loyalty badge {id}"), host.Prompts.Select(TargetOf));
        Assert.Single(host.PromptThreads.Distinct());
        Assert.Equal(new object[] { ids[0], ids[2], ids[4] }, result.Values("Id"));
        Assert.Equal(new[] { ids[0], ids[2], ids[4] }.Select(id => $"/api/loyalty/badges/{id}").Order(), Sandbox.Requests.Select(r => r.Path).Order());
    }

    /// <summary>The target in ShouldProcess's message: Performing the operation "…" on target "…".</summary>
    private static string TargetOf(string prompt)
    {
        const string marker = "on target \"";
        var start = prompt.IndexOf(marker, StringComparison.Ordinal) + marker.Length;
        return prompt[start..prompt.LastIndexOf('"')];
    }

    [Fact]
    public async Task Ctrl_C_cancels_every_request_in_flight_within_a_second()
    {
        await Sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", stall = true, count = 100 });
        Session.Run("$null", ("Ids", Enumerable.Range(0, 8).Select(Badge).ToArray())).ThrowIfErrors();
        var (shell, pending) = Session.Begin("$Ids | Set-LoyaltyBadge -Description x -ThrottleLimit 4");
        using (shell)
        {
            var wait = Stopwatch.StartNew();
            while (Sandbox.Requests.Count < 4 && wait.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
            await Task.Delay(200);

            var clock = Stopwatch.StartNew();
            shell.Stop();
            Assert.ThrowsAny<PipelineStoppedException>(() => shell.EndInvoke(pending));
            var took = clock.Elapsed;

            Assert.True(took < TimeSpan.FromSeconds(1), $"took {took}");
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Empty(shell.Streams.Error);
        }

        // A stalled request ends (its log entry gets a status) only when the client drops it: all four were dropped.
        var dropped = Stopwatch.StartNew();
        while (Sandbox.Requests.Any(r => r.Status == 0) && dropped.Elapsed < TimeSpan.FromSeconds(2)) await Task.Delay(20);
        await Task.Delay(300);
        var requests = Sandbox.Requests;
        Assert.Equal(4, requests.Count); // the throttle held the fifth back; nothing more was sent
        Assert.All(requests, r => Assert.NotEqual(0, r.Status));
    }
}
