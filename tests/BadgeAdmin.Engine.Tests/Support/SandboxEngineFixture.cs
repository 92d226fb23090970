using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BadgeAdmin.Sandbox;

namespace BadgeAdmin.Engine.Tests.Support;

/// <summary>
/// One in-process sandbox on a free loopback port and one engine session with the module imported, per test class.
/// <see cref="Reset"/> puts the sandbox back to its seed and connects the session to both emulated APIs.
/// </summary>
public class SandboxEngineFixture : IAsyncLifetime
{
    private SandboxServer? _server;
    private HttpClient? _control;
    private EngineSession? _session;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("Sandbox not started.");

    public EngineSession Session => _session ?? throw new InvalidOperationException("Session not started.");

    public Uri BaseAddress => Server.BaseAddress;

    public Guid OrganizationId => Server.State.Snag.OrganizationId;

    public Guid MainWebsiteId => Server.State.Snag.MainWebsite.Id;

    public IReadOnlyList<Guid> EntryIds => Server.State.PartnerPage.EntryIds;

    /// <summary>Start-up options; a fixture for a test class with special needs (other keys, more badges) overrides it.</summary>
    protected virtual SandboxOptions CreateOptions() => new() { Port = 0 };

    public async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(CreateOptions());
        _control = new HttpClient { BaseAddress = _server.BaseAddress };
        _session = new EngineSession();
        // One request through each client first: the process's first HTTP call (JIT, connection set-up) can outlast
        // tab completion's 2 s budget on a loaded machine, which would make a completion test's outcome a matter of luck.
        Reset();
        _session.Run("Get-PartnerDirectory -First 1 | Out-Null; Get-LoyaltyWebsite -First 1 | Out-Null").ThrowIfErrors();
    }

    public async Task DisposeAsync()
    {
        _session?.Dispose();
        _control?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>Seed data back, request log and faults cleared, the session connected to both APIs (no request sent).</summary>
    public EngineSession Reset()
    {
        Server.State.Reset();
        Session.Run("""
            Connect-PartnerPage -ApiKey (ConvertTo-SecureString $PartnerPageKey -AsPlainText -Force) -BaseUri $SandboxUri
            Connect-Snag -ApiKey (ConvertTo-SecureString $SnagKey -AsPlainText -Force) -BaseUri $SandboxUri -OrganizationId $OrgId -WebsiteId $WebsiteId
            """,
            ("PartnerPageKey", Server.State.Options.PartnerPageKey), ("SnagKey", Server.State.Options.SnagKey),
            ("SandboxUri", BaseAddress), ("OrgId", OrganizationId), ("WebsiteId", MainWebsiteId)).ThrowIfErrors();
        return Session;
    }

    /// <summary>The requests the sandbox received (method, path, query, body, status), oldest first.</summary>
    public IReadOnlyList<BadgeAdmin.Sandbox.Control.LoggedRequest> Requests => Server.State.Requests.Snapshot();

    /// <summary>Scripts a fault through the public control route, as a user would.</summary>
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

    public async Task<JsonArray> RequestLogAsync() => (JsonNode.Parse(await _control!.GetStringAsync("_sandbox/requests")) as JsonArray)!;
}
