namespace BadgeAdmin.Tests.Support;

/// <summary>
/// A test class that shares its class's <see cref="SandboxFixture"/> (one sandbox per class, as
/// <see cref="IClassFixture{TFixture}"/> gives), put back to its seed before each test.
/// </summary>
public abstract class SandboxTest : IClassFixture<SandboxFixture>
{
    protected SandboxTest(SandboxFixture sandbox)
    {
        Sandbox = sandbox;
        sandbox.Reset();
    }

    protected SandboxFixture Sandbox { get; }
}
