using System.Diagnostics;
using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Reliability;

/// <summary>
/// Ctrl+C (PowerShell.Stop on the running pipeline) ends a stalled request, a body that stalls or trickles (debug
/// output on or off), or a retry wait within a second, with real waits.
/// </summary>
public sealed class CancellationTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private const string EntryPath = "/api/directory/private/v1alpha/entries/partners/*";

    /// <summary>What happened when Ctrl+C was pressed 200 ms after the script's first request reached the sandbox.</summary>
    private sealed record Stopped(TimeSpan Took, IReadOnlyList<ErrorRecord> Errors, IReadOnlyList<string> Warnings, int RequestsAtStop);

    private async Task<Stopped> StopDuringAsync(string script, params (string Name, object? Value)[] variables)
    {
        Session.Run("$null", variables).ThrowIfErrors();
        var (shell, pending) = Session.Begin(script);
        using (shell)
        {
            var wait = Stopwatch.StartNew();
            while (Sandbox.Requests.Count == 0 && wait.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
            await Task.Delay(200);
            Assert.False(pending.IsCompleted, "the script ended before it could be stopped");
            var requestsAtStop = Sandbox.Requests.Count;

            var clock = Stopwatch.StartNew();
            shell.Stop();
            Assert.ThrowsAny<PipelineStoppedException>(() => shell.EndInvoke(pending));
            var took = clock.Elapsed;

            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            return new Stopped(took, shell.Streams.Error.ToList(), shell.Streams.Warning.Select(w => w.Message).ToList(), requestsAtStop);
        }
    }

    /// <summary>
    /// The server asks for a wait of this many seconds: long enough that stopping within a second means the wait was
    /// cut short, short enough to wait out and see that no retry follows once the pipeline is stopped.
    /// </summary>
    private const int RetryAfterSeconds = 2;

    /// <summary>Waits past the retry that would come had the stop not reached the request, then counts what the sandbox saw.</summary>
    private async Task<int> RequestsAfterTheRetryWouldHaveComeAsync()
    {
        await Task.Delay(TimeSpan.FromSeconds(RetryAfterSeconds + 0.5));
        return Sandbox.Requests.Count;
    }

    [Fact]
    public async Task Ctrl_C_ends_a_stalled_request_within_a_second()
    {
        await Sandbox.AddFaultAsync(new { path = EntryPath, stall = true });

        var stopped = await StopDuringAsync("Get-PartnerEntry -Id $Id", ("Id", Sandbox.EntryIds[0]));

        Assert.True(stopped.Took < TimeSpan.FromSeconds(1), $"took {stopped.Took}");
        Assert.Empty(stopped.Errors);
        Assert.Equal(1, stopped.RequestsAtStop);

        // A stalled request ends (its log entry gets a status) only when the client drops it.
        var dropped = Stopwatch.StartNew();
        while (Sandbox.Requests.Single().Status == 0 && dropped.Elapsed < TimeSpan.FromSeconds(2)) await Task.Delay(20);
        Assert.NotEqual(0, Sandbox.Requests.Single().Status);
    }

    [Fact]
    public async Task Ctrl_C_ends_a_retry_wait_within_a_second()
    {
        await Sandbox.AddFaultAsync(new { path = "/api/loyalty/*", status = 503, retryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var stopped = await StopDuringAsync("Get-LoyaltyBadge -WebsiteId $WebsiteId", ("WebsiteId", Sandbox.MainWebsiteId));

        Assert.True(stopped.Took < TimeSpan.FromSeconds(1), $"took {stopped.Took}");
        Assert.Single(stopped.Warnings); // the wait had begun, and was announced
        Assert.Empty(stopped.Errors);
        Assert.Equal(1, await RequestsAfterTheRetryWouldHaveComeAsync());
    }

    [Fact]
    public async Task Ctrl_C_ends_a_rate_limit_wait_within_a_second()
    {
        await Sandbox.AddFaultAsync(new { path = "/api/websites", status = 429, retryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) });

        var stopped = await StopDuringAsync("Get-LoyaltyWebsite");

        Assert.True(stopped.Took < TimeSpan.FromSeconds(1), $"took {stopped.Took}");
        Assert.Single(stopped.Warnings);
        Assert.Empty(stopped.Errors);
        Assert.Equal(1, await RequestsAfterTheRetryWouldHaveComeAsync());
    }

    [Theory]
    [InlineData("stallBody", false)]
    [InlineData("stallBody", true)]
    [InlineData("trickle", false)]
    [InlineData("trickle", true)]
    public async Task Ctrl_C_ends_a_body_that_stalls_or_trickles_within_a_second_with_or_without_debug_output(string fault, bool debug)
    {
        var body = "{\"id\":\"" + Sandbox.EntryIds[0] + "\",\"name\":\"Entry\"}";
        await Sandbox.AddFaultAsync(fault == "trickle"
            ? new { path = EntryPath, status = 200, body, trickleMs = 1000, stallBody = false }
            : new { path = EntryPath, status = 200, body, trickleMs = 0, stallBody = true });

        // $DebugPreference, not -Debug: a compiled cmdlet's -Debug asks "Continue?" at the first line, which a host without a UI cannot answer.
        var stopped = await StopDuringAsync($"$DebugPreference = '{(debug ? "Continue" : "SilentlyContinue")}'\nGet-PartnerEntry -Id $Id", ("Id", Sandbox.EntryIds[0]));

        Assert.True(stopped.Took < TimeSpan.FromSeconds(1), $"took {stopped.Took}");
        Assert.Empty(stopped.Errors);
    }

    [Fact]
    public async Task After_Ctrl_C_the_session_and_its_connection_still_work()
    {
        await Sandbox.AddFaultAsync(new { path = EntryPath, stall = true });
        await StopDuringAsync("Get-PartnerEntry -Id $Id", ("Id", Sandbox.EntryIds[0]));

        var result = Session.Run("Get-PartnerEntry -Id $Id", ("Id", Sandbox.EntryIds[0])).ThrowIfErrors();

        Assert.Equal(Sandbox.EntryIds[0], Assert.Single(result.Output).Properties["Id"].Value);
    }
}
