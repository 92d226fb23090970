using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Sandbox.Control;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Sandbox;

/// <summary>
/// The sandbox's rate limit (--rate-limit, rateLimitPerSecond): a token bucket per service, burst and refill on a clock
/// of the test's own; over HTTP, Snag's 429 body, each Retry-After style, control routes not counted, the log.
/// </summary>
public sealed class SandboxRateLimitTests : SandboxTest, IDisposable
{
    private const string Entries = "api/directory/private/v1alpha/entries/partners/";
    private readonly HttpClient _http;
    private double _now;

    public SandboxRateLimitTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        _http = new HttpClient { BaseAddress = sandbox.BaseAddress };
    }

    public void Dispose()
    {
        Sandbox.Reset();
        _http.Dispose();
    }

    private RateLimiter Limiter(int perSecond, int? burst = null)
    {
        var limiter = new RateLimiter(() => _now);
        limiter.Configure(perSecond, burst, RateLimiter.NoRetryAfter);
        return limiter;
    }

    private static int Admitted(RateLimiter limiter, int tries, ApiService service = ApiService.Snag) =>
        Enumerable.Range(0, tries).Count(i => limiter.TryAdmit(service, out _));

    [Fact]
    public void A_burst_of_one_seconds_worth_is_admitted_then_nothing_until_tokens_come_back()
    {
        var limiter = Limiter(250);

        Assert.Equal(250, Admitted(limiter, 400));
        Assert.False(limiter.TryAdmit(ApiService.Snag, out var untilNext));
        Assert.Equal(4, untilNext.TotalMilliseconds, 3); // one token every 4 ms
    }

    [Fact]
    public void Tokens_come_back_at_the_rate_and_never_beyond_the_burst()
    {
        var limiter = Limiter(100, burst: 10);
        Assert.Equal(10, Admitted(limiter, 50));

        _now += 0.25; // 25 tokens' worth, but the bucket holds 10
        Assert.Equal(10, Admitted(limiter, 50));
        _now += 0.0501;
        Assert.Equal(5, Admitted(limiter, 50));
        _now += 1;
        Assert.Equal(10, Admitted(limiter, 50));
    }

    [Fact]
    public void Each_service_has_its_own_bucket_and_control_routes_none()
    {
        var limiter = Limiter(5);

        Assert.Equal(5, Admitted(limiter, 10, ApiService.Snag));
        Assert.Equal(5, Admitted(limiter, 10, ApiService.PartnerPage));
        Assert.Equal(1000, Admitted(limiter, 1000, ApiService.None));
    }

    [Fact]
    public void No_limit_admits_everything()
    {
        Assert.Equal(100_000, Admitted(Limiter(0), 100_000));
    }

    [Fact]
    public void The_command_line_sets_the_limit_its_burst_and_its_Retry_After()
    {
        var options = SandboxOptions.Parse(new[] { "--rate-limit", "250", "--rate-limit-burst", "50", "--rate-limit-retry-after", "retry-after-ms" });

        Assert.Equal((250, (int?)50, "retry-after-ms"), (options.RateLimit, options.RateLimitBurst, options.RateLimitRetryAfter));
        Assert.Contains("--rate-limit-retry-after", Assert.Throws<ArgumentException>(() => SandboxOptions.Parse(new[] { "--rate-limit-retry-after", "minutes" })).Message);
        Assert.Contains("--rate-limit", Assert.Throws<ArgumentException>(() => SandboxOptions.Parse(new[] { "--rate-limit", "-1" })).Message);
    }

    private async Task<JsonObject> SettingsAsync(object settings)
    {
        using var response = await _http.PostAsJsonAsync("_sandbox/settings", settings);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
        Assert.True(response.IsSuccessStatusCode, body.ToJsonString());
        return body;
    }

    private Task<HttpResponseMessage> Snag() =>
        _http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "api/websites") { Headers = { { "X-API-KEY", SandboxOptions.DefaultSnagKey } } });

    [Theory]
    [InlineData("none", null, null)]
    [InlineData("seconds", "Retry-After", "1")]
    [InlineData("retry-after-ms", "retry-after-ms", null)]
    public async Task Past_the_limit_the_answer_is_Snags_429_with_the_Retry_After_style_set(string style, string? header, string? value)
    {
        var settings = await SettingsAsync(new { rateLimitPerSecond = 1, rateLimitBurst = 1, rateLimitRetryAfter = style });
        Assert.Equal((1, 1, style), (settings["rateLimitPerSecond"]!.GetValue<int>(), settings["rateLimitBurst"]!.GetValue<int>(), settings["rateLimitRetryAfter"]!.GetValue<string>()));

        using var first = await Snag();
        using var second = await Snag(); // within a second of the first: no token yet

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, second.StatusCode);
        Assert.Equal("application/json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal("{\"message\":\"Too many requests, please try again later.\"}", await second.Content.ReadAsStringAsync());
        Assert.Equal(header is not null, second.Headers.Contains("Retry-After") || second.Headers.Contains("retry-after-ms"));
        if (header == "retry-after-ms") Assert.InRange(int.Parse(second.Headers.GetValues(header).Single(), System.Globalization.CultureInfo.InvariantCulture), 1, 1000);
        else if (header is not null) Assert.Equal(value, second.Headers.GetValues(header).Single());
    }

    [Fact]
    public async Task Control_routes_are_not_counted_and_the_log_records_the_429s()
    {
        await SettingsAsync(new { rateLimitPerSecond = 1, rateLimitBurst = 2 });
        for (var i = 0; i < 20; i++) (await _http.GetAsync("_sandbox/seed")).EnsureSuccessStatusCode();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await Snag();
            statuses.Add(response.StatusCode);
        }

        Assert.Equal(new[] { HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests }, statuses);
        var log = await Sandbox.RequestLogAsync();
        Assert.Equal(new[] { 200, 200, 429 }, log.Select(e => e!["status"]!.GetValue<int>()));
        Assert.Equal(new[] { false, false, true }, log.Select(e => e!["rateLimited"]!.GetValue<bool>()));
        var summary = JsonNode.Parse(await _http.GetStringAsync("_sandbox/requests/summary"))!;
        Assert.Equal((3, 0, 1, 1), (summary["logged"]!.GetValue<int>(), summary["dropped"]!.GetValue<int>(), summary["rateLimited"]!.GetValue<int>(), summary["statuses"]!["429"]!.GetValue<int>()));
    }

    [Fact]
    public async Task Settings_are_read_back_refused_by_name_and_reset_to_the_command_line()
    {
        await SettingsAsync(new { rateLimitPerSecond = 250 });
        var read = JsonNode.Parse(await _http.GetStringAsync("_sandbox/settings"))!;
        Assert.Equal(250, read["rateLimitPerSecond"]!.GetValue<int>());
        Assert.Null(read["rateLimitBurst"]);

        foreach (var (field, bad) in new (string, object)[] { ("rateLimitPerSecond", -1), ("rateLimitBurst", 0), ("rateLimitRetryAfter", "minutes"), ("requestLogSize", 0) })
        {
            using var response = await _http.PostAsJsonAsync("_sandbox/settings", new Dictionary<string, object> { [field] = bad });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            Assert.Contains($"'{field}'", JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
        }

        (await _http.PostAsync("_sandbox/reset", null)).EnsureSuccessStatusCode();
        Assert.Equal(0, JsonNode.Parse(await _http.GetStringAsync("_sandbox/settings"))!["rateLimitPerSecond"]!.GetValue<int>());
    }
}
