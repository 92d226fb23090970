using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Module;

/// <summary>Every pipeline README and the help examples show, bound by the engine itself.</summary>
public sealed class PipelineBindingTests : IClassFixture<SandboxEngineFixture>
{
    private readonly SandboxEngineFixture _sandbox;
    private readonly EngineSession _session;

    public PipelineBindingTests(SandboxEngineFixture sandbox)
    {
        _sandbox = sandbox;
        _session = sandbox.Reset();
    }

    [Fact]
    public void Get_PartnerEntry_piped_to_Get_PartnerBadge_lists_the_badges_of_every_entry()
    {
        var result = _session.Run("Get-PartnerEntry | Get-PartnerBadge").ThrowIfErrors();

        var expected = _sandbox.EntryIds.Sum(id => _sandbox.Server.State.PartnerPage.BadgesOf(id).Count);
        Assert.Equal(expected, result.Output.Count);
        Assert.Equal(_sandbox.EntryIds.ToHashSet(), result.Values("EntryId").Cast<Guid>().ToHashSet());
    }
}
