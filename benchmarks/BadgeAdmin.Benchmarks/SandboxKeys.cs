namespace BadgeAdmin.Benchmarks;

/// <summary>The sandbox's default keys (it runs in its own process, so they are not taken from its assembly).</summary>
internal static class SandboxKeys
{
    public const string Snag = "sandbox-snag";
}
