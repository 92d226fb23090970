using System.Diagnostics;
using BadgeAdmin.Engine.Tests.Support;
using static BadgeAdmin.Engine.Tests.Support.SessionScripts;

namespace BadgeAdmin.Engine.Tests.Reliability;

/// <summary>
/// What a user sees when the server is broken or hostile, in a real engine: timeouts honoured with debug output on,
/// bodies over the size limit refused, unusable waits failing only their item, keys and bad numbers refused before
/// any request, and the connection's limits shown by Get-BadgeAdminConnection.
/// </summary>
public sealed class HostileServerEngineTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private const string EntryPath = "/api/directory/private/v1alpha/entries/partners/*";
    private const string Website = "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"name\":\"x\"},";

    private EngineResult Run(string script, params (string Name, object? Value)[] variables) =>
        Session.Run(script, [("SandboxUri", Sandbox.BaseAddress), ("SnagKey", Secure(Sandbox.Server.State.Options.SnagKey)),
            ("PartnerPageKey", Secure(Sandbox.Server.State.Options.PartnerPageKey)), .. variables]);

    /// <summary>Runs a script that must end on its own well within <paramref name="limit"/>: a hang fails the test instead of the suite.</summary>
    private async Task<(EngineResult Result, TimeSpan Took)> Timed(string script, TimeSpan limit, params (string Name, object? Value)[] variables)
    {
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => Run(script, variables));
        if (await Task.WhenAny(run, Task.Delay(limit + TimeSpan.FromSeconds(20))) != run) Assert.Fail($"still running after {limit.TotalSeconds + 20} s");
        return (await run, clock.Elapsed);
    }

    [Fact]
    public async Task With_debug_output_on_TimeoutSec_still_ends_a_trickling_body()
    {
        var body = "{\"id\":\"" + Sandbox.EntryIds[0] + "\",\"name\":\"Entry\"}";
        await Sandbox.AddFaultAsync(new { path = EntryPath, status = 200, body, trickleMs = 1000 });

        var (result, took) = await Timed("""
            Connect-PartnerPage -ApiKey $PartnerPageKey -BaseUri $SandboxUri -TimeoutSec 2 -MaxRetries 0
            $DebugPreference = 'Continue'
            Get-PartnerEntry -Id $Id
            """, TimeSpan.FromSeconds(4), ("Id", Sandbox.EntryIds[0]));

        var error = Assert.Single(result.Errors);
        Assert.Equal("RequestTimedOut", result.ErrorIds.Single());
        Assert.EndsWith("timed out after 2 s.", error.Exception.Message);
        Assert.InRange(took, TimeSpan.FromSeconds(1.9), TimeSpan.FromSeconds(4));
    }

    [Fact]
    public async Task A_listing_that_never_ends_is_InvalidResponse_naming_the_limit_and_not_retried()
    {
        await Sandbox.AddFaultAsync(new { path = "/api/websites", status = 200, body = "{\"data\":[", repeat = Website, count = 3 });

        var (result, _) = await Timed("""
            Connect-Snag -ApiKey $SnagKey -BaseUri $SandboxUri -MaxResponseSizeMB 2
            Get-LoyaltyWebsite
            """, TimeSpan.FromSeconds(20));

        var error = Assert.Single(result.Errors);
        Assert.Equal(("InvalidResponse", ErrorCategory.InvalidResult), result.ErrorKinds().Single());
        Assert.Contains("a body larger than the 2 MB limit (-MaxResponseSizeMB)", error.ErrorDetails.Message);
        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public async Task A_buffered_body_that_never_ends_is_InvalidResponse_with_debug_output_on()
    {
        await Sandbox.AddFaultAsync(new { path = EntryPath, status = 200, body = "{\"id\":\"", repeat = "A", count = 3 });

        var (result, _) = await Timed("""
            Connect-PartnerPage -ApiKey $PartnerPageKey -BaseUri $SandboxUri -MaxResponseSizeMB 1
            $DebugPreference = 'Continue'
            Get-PartnerEntry -Id $Id
            """, TimeSpan.FromSeconds(20), ("Id", Sandbox.EntryIds[0]));

        Assert.Equal("InvalidResponse", result.ErrorIds.Single());
        Assert.Contains("1 MB limit", result.Errors[0].Exception.Message);
        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public async Task An_unusable_wait_fails_only_its_item_and_the_bulk_run_goes_on()
    {
        var ids = Run("(Get-LoyaltyBadge -First 20).Id").ThrowIfErrors().Output.Select(o => (Guid)o.BaseObject).ToList();
        await Sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges/*", status = 429, retryAfterMs = "Infinity", every = 5, count = 4 });
        Sandbox.Server.State.Requests.Clear();

        var result = Run("$Ids | Set-LoyaltyBadge -Description Bulk -PassThru -ThrottleLimit 1", ("Ids", ids.ToArray()));

        Assert.Null(result.Terminating);
        Assert.Equal(16, result.Output.Count);
        Assert.Equal(Enumerable.Repeat(("RateLimited", ErrorCategory.LimitsExceeded), 4), result.ErrorKinds());
        Assert.All(result.Errors, e => Assert.Contains("retry-after-ms: Infinity", e.Exception.Message));
        Assert.Equal(20, Sandbox.Requests.Count);
    }

    [Theory]
    [InlineData("canary-key\r\nX-Injected: yes")]
    [InlineData("canary\u001bkey")]
    public void A_key_with_a_control_character_is_refused_naming_the_parameter_not_the_key(string key)
    {
        var result = Run(StopOnTerminating("Connect-Snag -ApiKey $Key -BaseUri $SandboxUri"), ("Key", Secure(key)));

        var error = result.TerminatingError();
        Assert.Equal(("InvalidApiKey", ErrorCategory.InvalidArgument), (result.TerminatingErrorId, error.CategoryInfo.Category));
        Assert.Contains("-ApiKey", error.Exception.Message);
        Assert.DoesNotContain("canary", error.ToString() + error.Exception + error.TargetObject);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void A_key_read_from_a_file_with_its_line_break_connects()
    {
        var result = Run("""
            Connect-Snag -ApiKey (ConvertTo-SecureString "$Key`r`n" -AsPlainText -Force) -BaseUri $SandboxUri
            $null = Get-LoyaltyWebsite
            """, ("Key", Sandbox.Server.State.Options.SnagKey)).ThrowIfErrors();

        Assert.Equal("valid", Assert.Single(Sandbox.Requests).Auth);
        Assert.Empty(result.Errors);
    }

    [Fact]
    public void A_proxy_with_a_password_is_refused_without_showing_it()
    {
        var result = Run(StopOnTerminating("Connect-Snag -ApiKey $SnagKey -BaseUri https://snag.example/ -Proxy http://user:s3cretProxyPass@127.0.0.1:3128/"));

        var error = result.TerminatingError();
        Assert.Equal("InvalidProxy", result.TerminatingErrorId);
        Assert.Contains("-ProxyCredential", error.Exception.Message);
        Assert.DoesNotContain("s3cret", error.ToString() + error.Exception + error.TargetObject);
    }

    [Fact]
    public void Get_BadgeAdminConnection_shows_the_limits()
    {
        Run("Connect-Snag -ApiKey $SnagKey -BaseUri $SandboxUri -MaxRetryWaitSec 120 -MaxResponseSizeMB 16").ThrowIfErrors();

        var connection = Assert.Single(Run("Get-BadgeAdminConnection -Service Snag").ThrowIfErrors().Output);
        var partnerPage = Assert.Single(Run("Get-BadgeAdminConnection -Service PartnerPage").ThrowIfErrors().Output);

        Assert.Equal((120, 16), ((int)connection.Properties["MaxRetryWaitSec"].Value, (int)connection.Properties["MaxResponseSizeMB"].Value));
        Assert.Equal((60, 64), ((int)partnerPage.Properties["MaxRetryWaitSec"].Value, (int)partnerPage.Properties["MaxResponseSizeMB"].Value));
    }

    [Theory]
    [InlineData("-Condition @{ type = 'points'; amount = [double]::NaN }", "Condition", "[0].Amount is NaN")]
    [InlineData("-Condition @{ type = 'points'; amount = 1 }, @{ type = 'points'; amount = [double]::PositiveInfinity }", "Condition", "[1].Amount is Infinity")]
    [InlineData("-Condition @{ type = 'points'; amount = 1 } -Reward @{ rewardType = 'points'; amount = [double]::NegativeInfinity }", "Reward", "[0].Amount is -Infinity")]
    public void An_amount_that_is_not_a_finite_number_is_refused_in_binding(string parameters, string parameter, string why)
    {
        var result = Run($"New-LoyaltyBadge -Name Odd -ImageUrl https://cdn.example/o.png {parameters}");

        Assert.Contains("ParameterArgumentValidationError", result.AllErrorIds());
        var message = (result.Terminating as IContainsErrorRecord)?.ErrorRecord.Exception.Message ?? result.Errors.Single().Exception.Message;
        Assert.Contains($"'{parameter}'", message);
        Assert.Contains(why, message);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public async Task Terminal_escape_sequences_from_the_server_never_reach_the_error()
    {
        await Sandbox.AddFaultAsync(new { path = EntryPath, status = 400, body = "{\"detail\":\"\\u001b[2J\\u001b]0;owned\\u0007bad\"}" });

        var result = Run("Get-PartnerEntry -Id $Id", ("Id", Sandbox.EntryIds[0]));

        var error = Assert.Single(result.Errors);
        Assert.Contains("bad", error.ErrorDetails.Message);
        Assert.DoesNotContain(error.ErrorDetails.Message + error.Exception.Message, c => c is '\u001b' or '\u0007');
    }
}
