using System.Globalization;
using System.Net;
using System.Net.Sockets;
using BadgeAdmin.Core.Diagnostics;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Pacing;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Reliability;

/// <summary>
/// The fault matrix: every retryable status with and without each Retry-After form, stalls past the timeout, dropped
/// and refused connections, unresolvable hosts, each kind of bad response, and the non-retryable statuses, one test per
/// cell. Each asserts the outcome, the wait the retry handler chose, and the exact number of requests the sandbox saw.
/// Idempotent calls are a PartnerPage GET; the non-idempotent call is a Snag badge create.
/// </summary>
public sealed class FaultMatrixTests : SandboxTest, IDisposable
{
    private const string EntryPath = "/api/directory/private/v1alpha/entries/partners/*";
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();
    private readonly List<TimeSpan> _waits = new();
    private readonly RecordingObserver _observer = new();
    private readonly IDisposable _scope;

    public FaultMatrixTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        _scope = RequestObserverScope.Begin(_observer);
    }

    public void Dispose() => _scope.Dispose();

    private Guid Entry => Sandbox.Server.State.PartnerPage.EntryIds[0];

    private static ConnectionSettings Settings(string header, string key, int maxRetries, TimeSpan? timeout, Uri baseUri, TimeSpan? maxRetryWait = null) =>
        new(baseUri, header, key)
        {
            MaxRetries = maxRetries,
            Timeout = timeout ?? TimeSpan.FromSeconds(10),
            MaxRetryWait = maxRetryWait ?? TimeSpan.FromSeconds(ConnectionSettings.DefaultMaxRetryWaitSeconds),
        };

    /// <summary>A pacer whose clock records each wait instead of sleeping it, so the matrix runs fast and can check each wait.</summary>
    private SendRatePacer RecordingPacer() => new(() => Clock.Elapsed.TotalSeconds, (wait, _) =>
    {
        lock (_waits) _waits.Add(wait);
        return Task.CompletedTask;
    });

    private PartnerPageClient PartnerPage(int maxRetries = 2, TimeSpan? timeout = null, TimeSpan? maxRetryWait = null, Uri? baseUri = null) =>
        new(Settings(PartnerPageConnection.ApiKeyHeader, SandboxOptions.DefaultPartnerPageKey, maxRetries, timeout, baseUri ?? Sandbox.BaseAddress, maxRetryWait), pacer: RecordingPacer());

    private SnagClient Snag(int maxRetries = 2, TimeSpan? timeout = null, Uri? baseUri = null) =>
        new(Settings(SnagConnection.ApiKeyHeader, SandboxOptions.DefaultSnagKey, maxRetries, timeout, baseUri ?? Sandbox.BaseAddress), pacer: RecordingPacer());

    private LoyaltyBadgeCreate NewBadge() => new()
    {
        OrganizationId = Sandbox.Snag.OrganizationId, WebsiteId = Sandbox.Snag.MainWebsite.Id, Name = "Matrix", ImageUrl = "https://cdn.example/m.png",
        Conditions = new[] { new LoyaltyCondition { Type = "points", Amount = 1 } },
    };

    private Task Fault(object rule) => Sandbox.AddFaultAsync(rule);

    public static TheoryData<int, string> RetryableStatusesAndWaits()
    {
        var data = new TheoryData<int, string>();
        foreach (var status in new[] { 408, 429, 500, 502, 503, 504 })
        {
            foreach (var form in new[] { "none", "retry-after-ms", "retry-after-seconds", "retry-after-date" }) data.Add(status, form);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(RetryableStatusesAndWaits))]
    public async Task A_retryable_status_is_retried_after_the_wait_the_server_asks_for_or_the_floor_if_longer(int status, string form)
    {
        var (header, expected) = form switch
        {
            "retry-after-ms" => (new { retryAfterMs = "250" } as object, (Min: 0.4, Max: 0.5)), // under the floor: the floor
            "retry-after-seconds" => (new { retryAfter = "2" }, (2.0, 2.0)),
            // An HTTP date has whole seconds and the test may be slow to get there: the wait only has to be date-sized.
            "retry-after-date" => (new { retryAfter = DateTimeOffset.UtcNow.AddSeconds(6).ToString("R", CultureInfo.InvariantCulture) }, (1.0, 6.0)),
            _ => (new { }, (0.4, 0.5)), // the floor: 0.5 s less up to 25 % jitter, in tenths
        };
        var rule = new Dictionary<string, object?> { ["path"] = EntryPath, ["status"] = status };
        foreach (var p in header.GetType().GetProperties()) rule[p.Name] = p.GetValue(header);
        await Fault(rule);
        using var client = PartnerPage();

        var entry = await client.GetEntryAsync(Entry);

        Assert.Equal(Entry, entry.Id);
        Assert.Equal(2, Sandbox.Requests.Count);
        Assert.Equal(new[] { status, 200 }, Sandbox.Requests.Select(r => r.Status));
        var wait = Assert.Single(_waits).TotalSeconds;
        Assert.InRange(wait, expected.Min, expected.Max);
        var stated = SecondsText.Format(TimeSpan.FromSeconds(wait)).Replace(".", "\\.");
        var count = status == 429 ? $@"retry 1; {stated} of the 60 s wait budget used" : @"retry 1 of 2";
        Assert.Matches($@"^GET /api/\S+ answered {status} .+; retrying in {stated} \({count}\)\.$", Assert.Single(_observer.Retries));
    }

    [Theory]
    [InlineData(500, ApiFailureKind.ServerError)]
    [InlineData(503, ApiFailureKind.ServerError)]
    [InlineData(408, ApiFailureKind.Timeout)]
    public async Task A_status_that_outlasts_the_retries_fails_after_three_requests(int status, ApiFailureKind kind)
    {
        await Fault(new { path = EntryPath, status, count = 3 }); // no Retry-After: counted against MaxRetries
        using var client = PartnerPage();

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Equal((kind, (HttpStatusCode)status), (ex.Kind, ex.StatusCode!.Value));
        Assert.Equal(3, Sandbox.Requests.Count);
        Assert.Equal(2, _observer.Retries.Count);
    }

    [Fact]
    public async Task MaxRetries_zero_sends_once()
    {
        await Fault(new { path = EntryPath, status = 503 });
        using var client = PartnerPage(maxRetries: 0);

        await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public async Task A_wait_longer_than_the_budget_is_not_waited_out_but_reported()
    {
        await Fault(new { path = EntryPath, status = 429, retryAfter = "120" });
        using var client = PartnerPage();

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Equal(ApiFailureKind.RateLimited, ex.Kind);
        Assert.Contains("The server asked to wait 120 s, which is over the 60 s retry wait budget (MaxRetryWait), so it was not waited.", ex.Message);
        Assert.Equal(ConnectionLimit.MaxRetryWait, ex.Stop!.Limit);
        Assert.Single(Sandbox.Requests);
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task A_rate_limit_is_retried_past_MaxRetries_while_the_waits_fit_the_budget()
    {
        await Fault(new { path = EntryPath, status = 429, count = 5, retryAfter = "1" });
        using var client = PartnerPage();

        var entry = await client.GetEntryAsync(Entry);

        Assert.Equal(Entry, entry.Id);
        Assert.Equal(new[] { 429, 429, 429, 429, 429, 200 }, Sandbox.Requests.Select(r => r.Status));
        // What the server asks (1 s), or the floor when it grows past that: 0.5, 1, 2, 4, 8 s less up to 25 %.
        var floors = new[] { 0.5, 1, 2, 4, 8 };
        Assert.Equal(5, _waits.Count);
        for (var i = 0; i < 5; i++) Assert.InRange(_waits[i].TotalSeconds, Math.Max(1, floors[i] * 0.75), Math.Max(1, floors[i]));
    }

    [Fact]
    public async Task A_rate_limit_that_outlasts_the_wait_budget_fails_as_RateLimited()
    {
        await Fault(new { path = EntryPath, status = 429, count = 100, retryAfter = "1" });
        using var client = PartnerPage(maxRetryWait: TimeSpan.FromSeconds(3));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        // 1 s, 1 s, then the floor (1.5 to 2 s) no longer fits 3 s.
        Assert.Equal(ApiFailureKind.RateLimited, ex.Kind);
        Assert.Contains("It waited 2 s in all, the retry wait budget (MaxRetryWait 3 s).", ex.Message);
        Assert.Equal(ConnectionLimit.MaxRetryWait, ex.Stop!.Limit);
        Assert.Equal(3, Sandbox.Requests.Count);
        Assert.Equal(new[] { 1.0, 1.0 }, _waits.Select(w => w.TotalSeconds));
    }

    [Fact]
    public async Task A_rate_limit_with_no_wait_still_waits_a_growing_floor_until_the_budget_is_spent()
    {
        await Fault(new { path = EntryPath, status = 429, count = 1000, retryAfter = "0" });
        using var client = PartnerPage(maxRetryWait: TimeSpan.FromSeconds(5));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Equal(ApiFailureKind.RateLimited, ex.Kind);
        // About 0.5 + 1 + 2 s (at most 3.5 s); a fourth wait, at least 3 s, would pass the 5 s budget.
        Assert.Equal(4, Sandbox.Requests.Count);
        Assert.Equal(3, _waits.Count);
        Assert.All(_waits.Zip(new[] { 0.5, 1, 2 }), w => Assert.InRange(w.First.TotalSeconds, w.Second * 0.75, w.Second));
    }

    [Theory]
    [InlineData("retryAfterMs", "Infinity")]
    [InlineData("retryAfterMs", "1e300")]
    [InlineData("retryAfterMs", "NaN")]
    [InlineData("retryAfterMs", "soon")]
    [InlineData("retryAfter", "1e300")]
    [InlineData("retryAfter", "99999999999999999999")]
    [InlineData("retryAfter", "whenever")]
    public async Task An_unreadable_or_absurd_wait_is_reported_not_waited_and_never_overflows(string header, string value)
    {
        await Fault(new Dictionary<string, object?> { ["path"] = EntryPath, ["status"] = 429, [header] = value });
        using var client = PartnerPage();

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Equal(ApiFailureKind.RateLimited, ex.Kind);
        Assert.Contains("cannot be honoured", ex.Message);
        Assert.Contains(value.Length > 40 ? value[..40] : value, ex.Message);
        Assert.Single(Sandbox.Requests);
        Assert.Empty(_waits);
    }

    [Fact]
    public async Task A_503_that_says_how_long_to_wait_is_still_retried_at_most_MaxRetries_times()
    {
        await Fault(new { path = EntryPath, status = 503, count = 4, retryAfterMs = "200" });
        using var client = PartnerPage();

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Equal(ApiFailureKind.ServerError, ex.Kind);
        Assert.Equal(3, Sandbox.Requests.Count); // MaxRetries 2
        Assert.Equal(2, _waits.Count);
        Assert.InRange(_waits[0].TotalSeconds, 0.4, 0.5); // the floor, longer than the 0.2 s asked
        Assert.InRange(_waits[1].TotalSeconds, 0.8, 1.0);
    }

    [Fact]
    public async Task A_503_storm_with_Retry_After_0_gives_one_error_after_MaxRetries_retries_each_waiting_the_floor()
    {
        await Fault(new { path = EntryPath, status = 503, count = 50, retryAfter = "0" });
        using var client = PartnerPage(maxRetries: 4);

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Equal((ApiFailureKind.ServerError, HttpStatusCode.ServiceUnavailable), (ex.Kind, ex.StatusCode!.Value));
        Assert.Equal(5, Sandbox.Requests.Count);
        Assert.All(_waits.Zip(new[] { 0.5, 1, 2, 4 }), w => Assert.InRange(w.First.TotalSeconds, w.Second * 0.75, w.Second));
        Assert.Equal(4, _observer.Retries.Count);
        Assert.All(_observer.Retries.Zip(_waits), r => Assert.Contains($"retrying in {SecondsText.Format(r.Second)} (retry ", r.First));
    }

    [Fact]
    public async Task A_503_asking_for_an_absurd_wait_is_reported_not_waited()
    {
        await Fault(new { path = EntryPath, status = 503, retryAfterMs = "Infinity" });
        using var client = PartnerPage();

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Equal(ApiFailureKind.ServerError, ex.Kind);
        Assert.Contains("cannot be honoured", ex.Message);
        Assert.Single(Sandbox.Requests);
    }

    [Theory]
    [InlineData(408)]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task A_create_is_not_retried_after_a_status_that_may_follow_acting_on_it(int status)
    {
        await Fault(new { method = "POST", path = "/api/loyalty/badges", status });
        using var client = Snag();

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.CreateBadgeAsync(NewBadge()));

        Assert.Equal((HttpStatusCode)status, ex.StatusCode);
        Assert.Single(Sandbox.Requests);
        lock (Sandbox.Snag.Gate) Assert.DoesNotContain(Sandbox.Snag.Badges, b => b.Name == "Matrix");
    }

    [Fact]
    public async Task A_create_is_retried_after_429_because_the_server_did_not_act()
    {
        await Fault(new { method = "POST", path = "/api/loyalty/badges", status = 429, retryAfter = "1" });
        using var client = Snag();

        var badge = await client.CreateBadgeAsync(NewBadge());

        Assert.Equal("Matrix", badge.Name);
        Assert.Equal(new[] { 429, 200 }, Sandbox.Requests.Select(r => r.Status));
        Assert.Equal(1.0, Assert.Single(_waits).TotalSeconds, 1);
        lock (Sandbox.Snag.Gate) Assert.Single(Sandbox.Snag.Badges, b => b.Name == "Matrix");
    }

    [Fact]
    public async Task A_stall_past_the_timeout_is_a_clear_timeout_error()
    {
        await Fault(new { path = EntryPath, stall = true });
        using var client = PartnerPage(maxRetries: 0, timeout: TimeSpan.FromMilliseconds(300));
        var started = System.Diagnostics.Stopwatch.StartNew();

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Equal(ApiFailureKind.Timeout, ex.Kind);
        Assert.EndsWith("timed out after 0.3 s.", ex.Message);
        Assert.InRange(started.Elapsed, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(5));
        Assert.Single(Sandbox.Requests);
    }

    /// <summary>A read whose first answer stalls past the timeout, or whose connection drops, is sent again and succeeds.</summary>
    [Theory]
    [InlineData("stall", 300, "timed out after 0.3 s")]
    [InlineData("abort", 10_000, "lost its connection")]
    public async Task A_stalled_or_dropped_read_is_retried_and_then_succeeds(string fault, int timeoutMs, string retryNote)
    {
        await Fault(new Dictionary<string, object> { ["path"] = EntryPath, [fault] = true });
        using var client = PartnerPage(timeout: TimeSpan.FromMilliseconds(timeoutMs));

        var entry = await client.GetEntryAsync(Entry);

        Assert.Equal(Entry, entry.Id);
        Assert.Equal(2, Sandbox.Requests.Count);
        Assert.Contains(retryNote, Assert.Single(_observer.Retries));
    }

    [Fact]
    public async Task A_stalled_create_is_not_retried()
    {
        await Fault(new { method = "POST", path = "/api/loyalty/badges", stall = true });
        using var client = Snag(timeout: TimeSpan.FromMilliseconds(300));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.CreateBadgeAsync(NewBadge()));

        Assert.Equal(ApiFailureKind.Timeout, ex.Kind);
        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public async Task A_dropped_connection_is_not_retried_for_a_create()
    {
        await Fault(new { method = "POST", path = "/api/loyalty/badges", abort = true });
        using var client = Snag();

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.CreateBadgeAsync(NewBadge()));

        Assert.Equal(ApiFailureKind.ConnectionFailed, ex.Kind);
        Assert.Contains($"at {Sandbox.BaseAddress.Scheme}://127.0.0.1:{Sandbox.BaseAddress.Port} failed: the connection dropped", ex.Message);
        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public async Task A_refused_connection_is_retried_briefly_even_for_a_create_because_nothing_was_sent()
    {
        var port = UnusedLoopbackPort();
        using var client = Snag(maxRetries: 4, baseUri: new Uri($"http://127.0.0.1:{port}/"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.CreateBadgeAsync(NewBadge()));

        Assert.Equal(ApiFailureKind.ConnectionFailed, ex.Kind);
        Assert.Contains($"POST /api/loyalty/badges at http://127.0.0.1:{port} failed: the connection could not be opened", ex.Message);
        Assert.Equal(3, _observer.Completed.Count(c => c.Contains("no response"))); // twice more, whatever MaxRetries
        Assert.Equal(2, _waits.Count);
        Assert.True(_waits.Sum(w => w.TotalSeconds) <= 0.8, string.Join(", ", _waits));
        Assert.All(_observer.Retries, r => Assert.Contains($"could not connect to http://127.0.0.1:{port} (connection refused); retrying in", r));
    }

    [Fact]
    public async Task A_host_name_that_does_not_resolve_is_not_retried_and_is_named()
    {
        using var client = PartnerPage(maxRetries: 4, baseUri: new Uri("https://badgeadmin-no-such-host.invalid/"));

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Equal(ApiFailureKind.ConnectionFailed, ex.Kind);
        Assert.Contains("at https://badgeadmin-no-such-host.invalid:443 failed: the host name badgeadmin-no-such-host.invalid could not be resolved", ex.Message);
        Assert.Single(_observer.Completed);
        Assert.Empty(_waits);
        Assert.Empty(_observer.Retries);
    }

    private static int UnusedLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    [Theory]
    [InlineData("truncated", "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"na", "application/json")]
    [InlineData("malformed", "{id: 3fa85f64}", "application/json")]
    [InlineData("html", "<!DOCTYPE html><html><body><h1>Bad Gateway</h1></body></html>", "text/html")]
    [InlineData("empty", "", "application/json")]
    [InlineData("wrong-type", "{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\"}", "text/plain")]
    [InlineData("null", "null", "application/json")]
    [InlineData("wrong-value", "{\"id\":\"not-a-guid\"}", "application/json")]
    public async Task A_bad_response_is_an_InvalidResponse_error_with_status_and_excerpt(string kind, string body, string contentType)
    {
        await Fault(new { path = EntryPath, status = 200, body, contentType });
        using var client = PartnerPage();

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains($"answered 200 with", ex.Message);
        Assert.Contains(body.Length == 0 ? "(empty body)" : body[..Math.Min(body.Length, 12)], ex.Message);
        Assert.NotNull(ex.ResponseExcerpt);
        Assert.Single(Sandbox.Requests);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Theory]
    [InlineData("truncated", "{\"data\":[{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"na", "application/json", "JSON it could not read")]
    [InlineData("html", "<html><body>Bad Gateway</body></html>", "text/html", "content type 'text/html' instead of JSON")]
    [InlineData("empty", "", "application/json", "an empty body")]
    [InlineData("not-an-envelope", "[1,2,3]", "application/json", "JSON it could not read")]
    public async Task A_bad_streamed_page_is_an_InvalidResponse_error_with_status_and_excerpt(string kind, string body, string contentType, string why)
    {
        await Fault(new { path = "/api/websites", status = 200, body, contentType });
        using var client = Snag();

        var ex = await Assert.ThrowsAsync<ApiException>(async () => await client.ListWebsitesAsync(null, null).ToListAsync());

        Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains($"answered 200 with {why}", ex.Message);
        if (body.Length > 0) Assert.Contains(body[..Math.Min(body.Length, 12)], ex.Message);
        Assert.Single(Sandbox.Requests);
        Assert.False(string.IsNullOrEmpty(kind));
    }

    [Fact]
    public async Task A_streamed_page_whose_body_stalls_is_a_timeout_never_a_hang()
    {
        await Fault(new { path = "/api/websites", status = 200, stallBody = true, body = "{\"data\":[{\"id\":\"3fa85f64-5717-4562-b3fc-2c963f66afa6\",\"name\":\"x\"}],\"hasNextPage\":false}" });
        using var client = Snag(timeout: TimeSpan.FromMilliseconds(400));

        var ex = await Assert.ThrowsAsync<ApiException>(async () => await client.ListWebsitesAsync(null, null).ToListAsync());

        Assert.Equal(ApiFailureKind.Timeout, ex.Kind);
        Assert.EndsWith("timed out after 0.4 s reading the body.", ex.Message);
        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public async Task A_list_with_a_null_item_is_an_InvalidResponse_not_a_null_reference()
    {
        await Fault(new { path = "/api/loyalty/badges", status = 200, body = "{\"data\":[null],\"hasNextPage\":true}" });
        using var client = Snag();

        var ex = await Assert.ThrowsAsync<ApiException>(async () => await client.ListBadgesAsync(new LoyaltyBadgeQuery()).ToListAsync());

        Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("null item", ex.Message);
    }

    [Fact]
    public async Task An_html_error_page_after_the_retries_shows_its_excerpt()
    {
        await Fault(new { path = EntryPath, status = 502, count = 3, body = "<html><body>Bad Gateway from the proxy</body></html>", contentType = "text/html" });
        using var client = PartnerPage();

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Equal(ApiFailureKind.ServerError, ex.Kind);
        Assert.Contains("502", ex.Message);
        Assert.Contains("Bad Gateway from the proxy", ex.Message);
        Assert.Equal(3, Sandbox.Requests.Count);
    }

    [Theory]
    [InlineData(400, "{\"order\":[\"Ensure this value is greater than or equal to 0.\"]}", ApiFailureKind.BadRequest, "order: Ensure this value is greater than or equal to 0.")]
    [InlineData(401, "{\"detail\":\"Invalid API key.\"}", ApiFailureKind.Unauthorized, "Invalid API key.")]
    [InlineData(403, "{\"detail\":\"You do not have permission to perform this action.\"}", ApiFailureKind.Forbidden, "You do not have permission to perform this action.")]
    [InlineData(404, "{\"detail\":\"Not found.\"}", ApiFailureKind.NotFound, "Not found.")]
    [InlineData(409, "{\"message\":\"Already attached\"}", ApiFailureKind.Conflict, "Already attached")]
    [InlineData(422, "{\"message\":\"name: Required\"}", ApiFailureKind.BadRequest, "name: Required")]
    public async Task A_client_error_is_not_retried_and_carries_the_servers_message(int status, string body, ApiFailureKind kind, string message)
    {
        await Fault(new { path = EntryPath, status, body });
        using var client = PartnerPage();

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(Entry));

        Assert.Equal((kind, message), (ex.Kind, ex.ServerMessage));
        Assert.Single(Sandbox.Requests);
        Assert.Empty(_observer.Retries);
    }

    [Fact]
    public async Task A_rate_limit_delays_only_the_request_it_answered()
    {
        await Fault(new { path = EntryPath, status = 429, retryAfter = "1" });
        using var client = new PartnerPageClient(new ConnectionSettings(Sandbox.BaseAddress, PartnerPageConnection.ApiKeyHeader, SandboxOptions.DefaultPartnerPageKey));

        var first = client.GetEntryAsync(Entry);
        await Task.Delay(150);
        var second = client.GetEntryAsync(Entry); // starts during the first one's wait, and goes ahead
        await second;
        Assert.False(first.IsCompleted, "the rate-limited request should still be waiting");
        await first;

        var log = Sandbox.Requests;
        Assert.Equal(new[] { 429, 200, 200 }, log.Select(r => r.Status));
        Assert.True(log[2].Time - log[0].Time >= TimeSpan.FromMilliseconds(900), "the rate-limited request waited its Retry-After");
    }
}
