using System.Net;
using BadgeAdmin.Sandbox.Control;
using BadgeAdmin.Sandbox.PartnerPage;
using BadgeAdmin.Sandbox.Snag;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace BadgeAdmin.Sandbox;

/// <summary>
/// The sandbox as an object: started by Program for people and scripts, or in-process by tests on a free port.
/// Middleware order: request log → fault injection → latency → rate limit → per-API key check → emulated routes.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private SandboxServer(WebApplication app, SandboxState state, Uri baseAddress)
    {
        _app = app;
        State = state;
        BaseAddress = baseAddress;
    }

    /// <summary>Root address, e.g. http://127.0.0.1:5080/.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Everything the sandbox holds: data, request log, fault plan, settings.</summary>
    public SandboxState State { get; }

    /// <summary>
    /// Cancelled when the host is asked to stop: Ctrl+C, SIGINT or SIGTERM (the host's console lifetime handles those
    /// signals itself, so a plain Console.CancelKeyPress handler never sees them).
    /// </summary>
    public CancellationToken Stopping => _app.Lifetime.ApplicationStopping;

    public static async Task<SandboxServer> StartAsync(SandboxOptions options, CancellationToken cancellationToken = default)
    {
        if (!IPAddress.IsLoopback(options.Address)) throw new ArgumentException("The sandbox listens on loopback only.", nameof(options));
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(options.Address, options.Port));
        var state = new SandboxState(options);
        builder.Services.AddSingleton(state);

        var app = builder.Build();
        app.UseMiddleware<RequestLogMiddleware>();
        app.UseMiddleware<FaultInjectionMiddleware>();
        app.UseMiddleware<LatencyMiddleware>();
        app.UseMiddleware<RateLimitMiddleware>();
        app.UseMiddleware<ApiKeyMiddleware>();
        ControlEndpoints.Map(app);
        PartnerPageEndpoints.Map(app);
        SnagEndpoints.Map(app);

        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new SandboxServer(app, state, new Uri(address.EndsWith('/') ? address : address + "/"));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(TimeSpan.FromSeconds(2));
        await _app.DisposeAsync();
    }
}
