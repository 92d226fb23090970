using BadgeAdmin.Sandbox;

namespace BadgeAdmin.Engine.Tests.Support;

/// <summary>
/// A sandbox whose main website has 900 loyalty badges: one page of 1,000, so what Tab reads within its 2 s budget does
/// not depend on how loaded the machine is. (The budget itself is tested against a server that stalls.)
/// </summary>
public sealed class OnePageCatalogFixture : SandboxEngineFixture
{
    public const int Badges = 900;

    protected override SandboxOptions CreateOptions() => new() { Port = 0, SnagBadges = Badges };
}
