using BadgeAdmin.Sandbox;
using BadgeAdmin.Sandbox.Control;

namespace BadgeAdmin.Testing;

/// <summary>
/// A real sandbox server in the test process, on a free loopback port, one per test class: the base of the xunit
/// fixtures of both test projects. Tests drive it through its control routes (<see cref="Driver"/>), as a user would,
/// and read its state and request log directly to assert what went out.
/// </summary>
public class InProcessSandbox : Xunit.IAsyncLifetime
{
    private SandboxServer? _server;
    private SandboxDriver? _driver;

    public SandboxServer Server => _server ?? throw new InvalidOperationException("Sandbox not started.");

    public SandboxDriver Driver => _driver ?? throw new InvalidOperationException("Sandbox not started.");

    public Uri BaseAddress => Server.BaseAddress;

    /// <summary>Start-up options; a fixture for a test class with special needs (other keys, more badges) overrides it.</summary>
    protected virtual SandboxOptions CreateOptions() => new() { Port = 0 };

    public virtual async Task InitializeAsync()
    {
        _server = await SandboxServer.StartAsync(CreateOptions());
        _driver = new SandboxDriver(_server.BaseAddress);
    }

    public virtual async Task DisposeAsync()
    {
        _driver?.Dispose();
        if (_server is not null) await _server.DisposeAsync();
    }

    /// <summary>The requests the sandbox received (method, path, query, body, status), oldest first.</summary>
    public IReadOnlyList<LoggedRequest> Requests => Server.State.Requests.Snapshot();

    /// <summary>Scripts a fault through the public control route, as a user or Pester test would.</summary>
    public Task AddFaultAsync(object rule) => Driver.AddFaultAsync(rule);

    public Task SetAsync(object settings) => Driver.SetAsync(settings);

    public Task<System.Text.Json.Nodes.JsonArray> RequestLogAsync() => Driver.RequestLogAsync();
}
