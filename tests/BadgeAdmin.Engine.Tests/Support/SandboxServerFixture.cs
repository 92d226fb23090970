using BadgeAdmin.Testing;

namespace BadgeAdmin.Engine.Tests.Support;

/// <summary>
/// Only the in-process sandbox, with no engine session: for tests that make their own sessions and decide themselves
/// when, and how, the module is imported.
/// </summary>
public sealed class SandboxServerFixture : InProcessSandbox
{
    /// <summary>Connects <paramref name="session"/> to the sandbox's PartnerPage API (no request is sent).</summary>
    public EngineResult ConnectPartnerPage(EngineSession session) =>
        session.Run("Connect-PartnerPage -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $SandboxUri",
            ("Key", Server.State.Options.PartnerPageKey), ("SandboxUri", Server.BaseAddress));
}
