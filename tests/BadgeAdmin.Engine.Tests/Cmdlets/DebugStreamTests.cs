using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox;

namespace BadgeAdmin.Engine.Tests.Cmdlets;

/// <summary>
/// -Debug on a compiled cmdlet makes the engine ask "Continue with this operation?" after each debug line (and fail
/// under -NonInteractive). The module's debug lines bypass that inquiry: a user at the console is never asked, and a
/// host that cannot ask still gets every line.
/// </summary>
public sealed class DebugStreamTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    [Fact]
    public void Debug_on_reads_and_changes_writes_every_line_and_never_asks()
    {
        var host = new ScriptedHost(); // no answers queued: a prompt would fail the run
        using var session = new EngineSession(host: host);
        session.Run("""
            Connect-PartnerPage -ApiKey (ConvertTo-SecureString $PKey -AsPlainText -Force) -BaseUri $Uri
            Connect-Snag -ApiKey (ConvertTo-SecureString $SKey -AsPlainText -Force) -BaseUri $Uri -OrganizationId $Org -WebsiteId $Site
            """, ("PKey", SandboxOptions.DefaultPartnerPageKey), ("SKey", SandboxOptions.DefaultSnagKey), ("Uri", Sandbox.BaseAddress),
            ("Org", Sandbox.OrganizationId), ("Site", Sandbox.MainWebsiteId)).ThrowIfErrors();

        var result = session.Run("""
            Get-PartnerEntry -First 2 -Debug | Get-PartnerBadge -Debug | Out-Null
            Get-LoyaltyBadge -First 3 -Debug | Set-LoyaltyBadge -Description 'debugged' -Confirm:$false -Debug -PassThru
            """).ThrowIfErrors();

        Assert.Empty(host.Prompts);
        Assert.Equal(3, result.Output.Count);
        Assert.True(result.Debug.Count(d => d.StartsWith("HTTP response: 200", StringComparison.Ordinal)) >= 6, string.Join("\n", result.Debug));
        Assert.Contains(result.Debug, d => d.Contains("\"description\":\"debugged\"", StringComparison.Ordinal));
    }
}
