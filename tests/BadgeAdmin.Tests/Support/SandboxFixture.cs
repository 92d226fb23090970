using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Pacing;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Sandbox;

namespace BadgeAdmin.Tests.Support;

/// <summary>
/// A real sandbox server on a free loopback port, one per test class. Tests talk to it over HTTP exactly as the module
/// does, and read its request log to assert the requests that went out.
/// </summary>
public class SandboxFixture : IAsyncLifetime
{
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();
    private SandboxServer? _server;
    private HttpClient? _control;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("Sandbox not started.");

    public Uri BaseAddress => Server.BaseAddress;

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(CreateOptions());
        _control = new HttpClient { BaseAddress = _server.BaseAddress };
    }

    /// <summary>Start-up options; a fixture for a test class with special needs (other keys, more badges) overrides it.</summary>
    protected virtual SandboxOptions CreateOptions() => new() { Port = 0 };

    public async Task DisposeAsync()
    {
        _control?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>Seed data back, request log and faults cleared.</summary>
    public void Reset() => Server.State.Reset();

    public IReadOnlyList<BadgeAdmin.Sandbox.Control.LoggedRequest> Requests => Server.State.Requests.Snapshot();

    /// <summary>Scripts a fault through the public control route, as a user or Pester test would.</summary>
    public async Task AddFaultAsync(object rule)
    {
        var response = await _control!.PostAsJsonAsync("_sandbox/faults", rule);
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
    }

    public async Task SetAsync(object settings)
    {
        var response = await _control!.PostAsJsonAsync("_sandbox/settings", settings);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>A client that calls the emulated Snag API directly with the sandbox's key, for tests of the raw routes.</summary>
    public HttpClient SnagHttpClient()
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Add("X-API-KEY", Server.State.Options.SnagKey);
        return http;
    }

    public async Task<JsonArray> RequestLogAsync() =>
        (JsonNode.Parse(await _control!.GetStringAsync("_sandbox/requests")) as JsonArray)!;

    /// <summary>A client of the emulated PartnerPage API (another key for a test of a refused one).</summary>
    public PartnerPageClient PartnerPageClient(string? key = null) =>
        new(Settings(PartnerPageConnection.ApiKeyHeader, key ?? Server.State.Options.PartnerPageKey), pacer: QuickPacer());

    /// <summary>A client of the emulated Snag API (another key for a test of a refused one).</summary>
    public SnagClient SnagClient(string? key = null) =>
        new(Settings(SnagConnection.ApiKeyHeader, key ?? Server.State.Options.SnagKey), pacer: QuickPacer());

    private ConnectionSettings Settings(string header, string key) =>
        new(Server.BaseAddress, header, key) { MaxRetries = 2, Timeout = TimeSpan.FromSeconds(10) };

    /// <summary>A pacer whose waits last a millisecond: a retry is exercised without the suite sitting out its wait.</summary>
    private static SendRatePacer QuickPacer() =>
        new(() => Clock.Elapsed.TotalSeconds, (_, token) => Task.Delay(TimeSpan.FromMilliseconds(1), token));

    /// <summary>The emulated Snag organization (read its lists under its Gate).</summary>
    public BadgeAdmin.Sandbox.Snag.SnagData Snag => Server.State.Snag;

    public static string Json(object value) => JsonSerializer.Serialize(value);
}
