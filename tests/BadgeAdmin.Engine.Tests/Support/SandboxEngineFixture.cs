using BadgeAdmin.Testing;

namespace BadgeAdmin.Engine.Tests.Support;

/// <summary>
/// One in-process sandbox (<see cref="InProcessSandbox"/>) and one engine session with the module imported, per test class.
/// <see cref="Reset"/> puts the sandbox back to its seed and connects the session to both emulated APIs.
/// </summary>
public class SandboxEngineFixture : InProcessSandbox
{
    private EngineSession? _session;

    public EngineSession Session => _session ?? throw new InvalidOperationException("Session not started.");

    public Guid OrganizationId => Server.State.Snag.OrganizationId;

    public Guid MainWebsiteId => Server.State.Snag.MainWebsite.Id;

    public IReadOnlyList<Guid> EntryIds => Server.State.PartnerPage.EntryIds;

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _session = new EngineSession();
        // One request through each client first: the process's first HTTP call (JIT, connection set-up) can outlast
        // tab completion's 2 s budget on a loaded machine, which would make a completion test's outcome a matter of luck.
        Reset();
        _session.Run("Get-PartnerDirectory -First 1 | Out-Null; Get-LoyaltyWebsite -First 1 | Out-Null").ThrowIfErrors();
    }

    public override async Task DisposeAsync()
    {
        _session?.Dispose();
        await base.DisposeAsync();
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
}
