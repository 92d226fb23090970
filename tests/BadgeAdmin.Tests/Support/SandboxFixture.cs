using System.Text.Json;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Pacing;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Testing;

namespace BadgeAdmin.Tests.Support;

/// <summary>
/// A real sandbox server on a free loopback port, one per test class (<see cref="InProcessSandbox"/>). Tests talk to
/// it over HTTP exactly as the module does, and read its request log to assert the requests that went out.
/// </summary>
public class SandboxFixture : InProcessSandbox
{
    private static readonly System.Diagnostics.Stopwatch Clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>Seed data back, request log and faults cleared.</summary>
    public void Reset() => Server.State.Reset();

    /// <summary>A client that calls the emulated Snag API directly with the sandbox's key, for tests of the raw routes.</summary>
    public HttpClient SnagHttpClient()
    {
        var http = new HttpClient { BaseAddress = BaseAddress };
        http.DefaultRequestHeaders.Add("X-API-KEY", Server.State.Options.SnagKey);
        return http;
    }

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
