using BadgeAdmin.Sandbox;

namespace BadgeAdmin.Engine.Tests.Support;

/// <summary>
/// Only the in-process sandbox, with no engine session: for tests that make their own sessions and decide themselves
/// when, and how, the module is imported.
/// </summary>
public sealed class SandboxServerFixture : IAsyncLifetime
{
    private SandboxServer? _server;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("Sandbox not started.");

    public async Task InitializeAsync() => _server = await SandboxServer.StartAsync(new SandboxOptions { Port = 0 });

    public async Task DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>Connects <paramref name="session"/> to the sandbox's PartnerPage API (no request is sent).</summary>
    public EngineResult ConnectPartnerPage(EngineSession session) =>
        session.Run("Connect-PartnerPage -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $SandboxUri",
            ("Key", Server.State.Options.PartnerPageKey), ("SandboxUri", Server.BaseAddress));
}
