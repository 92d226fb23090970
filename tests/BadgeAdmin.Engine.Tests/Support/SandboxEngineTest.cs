namespace BadgeAdmin.Engine.Tests.Support;

/// <summary>
/// A test class that shares its class's <see cref="SandboxEngineFixture"/> (one sandbox and one engine session per
/// class, as <see cref="IClassFixture{TFixture}"/> gives): before each test the sandbox is back to its seed and
/// <see cref="Session"/> is connected to both emulated APIs.
/// </summary>
public abstract class SandboxEngineTest : IClassFixture<SandboxEngineFixture>
{
    protected SandboxEngineTest(SandboxEngineFixture sandbox)
    {
        Sandbox = sandbox;
        Session = sandbox.Reset();
    }

    protected SandboxEngineFixture Sandbox { get; }

    protected EngineSession Session { get; }
}
