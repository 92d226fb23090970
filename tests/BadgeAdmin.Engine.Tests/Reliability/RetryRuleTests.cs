using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using BadgeAdmin.Engine.Tests.Support;
using static BadgeAdmin.Engine.Tests.Support.SessionScripts;

namespace BadgeAdmin.Engine.Tests.Reliability;

/// <summary>
/// The retry rules as a user meets them, with the module's real waits: the exact requests the sandbox saw, the time
/// between them, and the warnings, which state the wait that really happens. A 5xx is retried at most -MaxRetries times
/// whatever its Retry-After; every retry waits at least a growing floor; a 429 without Retry-After waits too; failures
/// to connect are reported within 4 s naming scheme, host and port.
/// </summary>
public sealed class RetryRuleTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private const string EntryPath = "/api/directory/private/v1alpha/entries/partners/*";

    private EngineResult Run(string script, params (string Name, object? Value)[] variables) =>
        Session.Run(script, [("SandboxUri", Sandbox.BaseAddress), ("PartnerPageKey", Secure(Sandbox.Server.State.Options.PartnerPageKey)),
            ("SnagKey", Secure(Sandbox.Server.State.Options.SnagKey)), ("Id", Sandbox.EntryIds[0]), .. variables]);

    /// <summary>Seconds between the arrivals of consecutive requests at the sandbox.</summary>
    private IReadOnlyList<double> Gaps()
    {
        var times = Sandbox.Requests.Select(r => r.Time).ToList();
        return times.Zip(times.Skip(1), (a, b) => (b - a).TotalSeconds).ToList();
    }

    /// <summary>Each gap is at least the wait announced before it (clocks round a little), and not much longer.</summary>
    private void AssertWaitedAsAnnounced(EngineResult result)
    {
        var announced = result.AnnouncedWaits();
        var gaps = Gaps();
        Assert.Equal(announced.Count, gaps.Count);
        for (var i = 0; i < gaps.Count; i++) Assert.InRange(gaps[i], announced[i] - 0.02, announced[i] + 1.5);
    }

    [Fact]
    public async Task A_503_storm_with_Retry_After_0_gives_one_error_after_MaxRetries_retries_each_waiting_a_growing_floor()
    {
        await Sandbox.AddFaultAsync(new { path = EntryPath, status = 503, retryAfter = "0", count = 50 });

        var result = Run("""
            Connect-PartnerPage -ApiKey $PartnerPageKey -BaseUri $SandboxUri -MaxRetries 2
            Get-PartnerEntry -Id $Id
            """);

        Assert.Equal([("ServiceError", ErrorCategory.ResourceUnavailable)], result.ErrorKinds());
        Assert.EndsWith("It was sent 3 times in all (-MaxRetries 2).", result.Errors[0].ErrorDetails.Message);
        Assert.Equal([503, 503, 503], Sandbox.Requests.Select(r => r.Status));
        var announced = result.AnnouncedWaits();
        Assert.InRange(announced[0], 0.4, 0.5); // 0.5 s less up to 25 % jitter, in tenths
        Assert.InRange(announced[1], 0.8, 1.0); // then twice that
        Assert.All(result.Warnings.Select((w, i) => (w, i)), x => Assert.EndsWith($"(retry {x.i + 1} of 2).", x.w));
        AssertWaitedAsAnnounced(result);
    }

    [Fact]
    public async Task A_5xx_asking_for_a_wait_gets_it_but_only_MaxRetries_times()
    {
        await Sandbox.AddFaultAsync(new { path = EntryPath, status = 503, retryAfter = "1", count = 50 });

        var result = Run("""
            Connect-PartnerPage -ApiKey $PartnerPageKey -BaseUri $SandboxUri -MaxRetries 1
            Get-PartnerEntry -Id $Id
            """);

        Assert.Equal(["ServiceError"], result.ErrorIds);
        Assert.Equal(2, Sandbox.Requests.Count);
        Assert.Equal([1.0], result.AnnouncedWaits());
        AssertWaitedAsAnnounced(result);
    }

    [Fact]
    public async Task A_429_without_Retry_After_waits_and_backs_off()
    {
        await Sandbox.AddFaultAsync(new { path = EntryPath, status = 429, count = 2 });

        var result = Run("Get-PartnerEntry -Id $Id").ThrowIfErrors();

        Assert.Single(result.Output);
        Assert.Equal([429, 429, 200], Sandbox.Requests.Select(r => r.Status));
        var announced = result.AnnouncedWaits();
        Assert.InRange(announced[0], 0.4, 0.5);
        Assert.InRange(announced[1], 0.8, 1.0);
        Assert.Matches(@"\(retry 2; [0-9.]+ s of the 60 s wait budget used\)\.$", result.Warnings[1]);
        AssertWaitedAsAnnounced(result);
    }

    [Fact]
    public async Task A_429_asking_for_no_wait_still_waits_the_floor_and_the_warning_says_so()
    {
        await Sandbox.AddFaultAsync(new { path = EntryPath, status = 429, retryAfterMs = "0" });

        var result = Run("Get-PartnerEntry -Id $Id").ThrowIfErrors();

        Assert.Equal([429, 200], Sandbox.Requests.Select(r => r.Status));
        var warning = Assert.Single(result.Warnings);
        Assert.Matches(@"answered 429 Too Many Requests; retrying in 0\.[45] s \(retry 1; 0\.[45] s of the 60 s wait budget used\)\.$", warning);
        AssertWaitedAsAnnounced(result);
    }

    [Fact]
    public void A_refused_connection_is_reported_within_4_s_naming_scheme_host_and_port()
    {
        // A port nobody listens on: the one a listener just had.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var clock = Stopwatch.StartNew();

        var result = Run("""
            Connect-Snag -ApiKey $SnagKey -BaseUri "http://127.0.0.1:$Port"
            Get-LoyaltyWebsite
            """, ("Port", port));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        var error = Assert.Single(result.Errors);
        Assert.Equal(("ConnectionFailed", ErrorCategory.ConnectionError), result.ErrorKinds().Single());
        Assert.Contains($"at http://127.0.0.1:{port} failed: the connection could not be opened", error.Exception.Message);
        Assert.InRange(result.Warnings.Count, 1, 2); // retried, briefly
        Assert.All(result.Warnings, w => Assert.Contains($"could not connect to http://127.0.0.1:{port} (connection refused)", w));
    }

    [Fact]
    public void A_host_name_that_does_not_resolve_is_reported_at_once_naming_it_and_not_retried()
    {
        var clock = Stopwatch.StartNew();

        var result = Run("""
            Connect-Snag -ApiKey $SnagKey -BaseUri https://badgeadmin-no-such-host.invalid
            Get-LoyaltyWebsite
            """);

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(4), $"took {clock.Elapsed.TotalSeconds:0.0} s");
        var error = Assert.Single(result.Errors);
        Assert.Equal(("ConnectionFailed", ErrorCategory.ConnectionError), result.ErrorKinds().Single());
        Assert.Contains("at https://badgeadmin-no-such-host.invalid:443 failed: the host name badgeadmin-no-such-host.invalid could not be resolved", error.Exception.Message);
        Assert.Empty(result.Warnings);
    }
}
