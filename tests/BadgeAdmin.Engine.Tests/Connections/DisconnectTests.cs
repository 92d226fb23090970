using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Connections;

/// <summary>Disconnect-* closes the connection given (or piped), else the runspace's; a closed one says what closed it.</summary>
public sealed class DisconnectTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    [Fact]
    public void Disconnect_with_Connection_closes_that_one_and_keeps_the_runspaces_current()
    {
        var result = Session.Run("""
            $work = Connect-PartnerPage -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $Uri -PassThru
            $current = Connect-PartnerPage -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $Uri -PassThru
            Disconnect-PartnerPage -Connection $work
            $work.IsDisposed, $current.IsDisposed, ((Get-BadgeAdminConnection -Service PartnerPage) -eq $current)
            @(Get-PartnerEntry -First 1).Count
            try { Get-PartnerEntry -Connection $work } catch { $_.FullyQualifiedErrorId.Split(',')[0]; $_.Exception.Message }
            """, ("Key", Sandbox.Server.State.Options.PartnerPageKey), ("Uri", Sandbox.BaseAddress));

        Assert.Equal(new object[] { true, false, true, 1, "ConnectionClosed" }, result.Output.Take(5).Select(o => o.BaseObject));
        Assert.Contains("Remove-Module", (string)result.Output[5].BaseObject, StringComparison.Ordinal);
        Assert.DoesNotContain("Object name", (string)result.Output[5].BaseObject, StringComparison.Ordinal);
    }

    [Fact]
    public void Piped_connections_are_each_closed()
    {
        var result = Session.Run("""
            $all = @(Get-BadgeAdminConnection)
            Get-BadgeAdminConnection -Service Snag | Disconnect-Snag
            Get-BadgeAdminConnection -Service PartnerPage | Disconnect-PartnerPage
            @(Get-BadgeAdminConnection).Count
            $all.IsDisposed
            """).ThrowIfErrors();

        Assert.Equal(new object[] { 0, true, true }, result.Output.Select(o => o.BaseObject));
    }
}
