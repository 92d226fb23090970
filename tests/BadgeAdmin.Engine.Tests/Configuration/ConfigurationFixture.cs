using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox;

namespace BadgeAdmin.Engine.Tests.Configuration;

/// <summary>A sandbox with a small Snag catalogue (60 badges on the main website), so whole-service exports stay quick.</summary>
public sealed class ConfigurationFixture : SandboxEngineFixture
{
    protected override SandboxOptions CreateOptions() => new() { Port = 0, SnagBadges = 60 };
}
