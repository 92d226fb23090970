using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox;
using static BadgeAdmin.Engine.Tests.Support.SessionScripts;

namespace BadgeAdmin.Engine.Tests.Cmdlets;

/// <summary>
/// A change that needs confirming, in hosted runspaces: a host that can ask still asks (naming the item) and its answer
/// decides; a host that cannot, or whose prompt fails, gives ConfirmationRequired and sends nothing; where the engine
/// would not ask (-WhatIf, -Confirm:$false, $ConfirmPreference) nothing is refused. The console host with redirected
/// input is tested with real pwsh processes (tests/Runbook.Tests.ps1).
/// </summary>
public sealed class ConfirmationTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    // Session is a runspace with no host: nobody to ask.
    private static Guid Badge(int i) => StableId.For($"snag/badge/{i}");

    private bool Deleted(Guid id)
    {
        lock (Sandbox.Server.State.Snag.Gate) return Sandbox.Server.State.Snag.FindBadge(id, includeDeleted: true)!.DeletedAt is not null;
    }

    private EngineSession Prompting(ScriptedHost host)
    {
        var session = new EngineSession(host: host);
        session.Run("Connect-Snag -ApiKey (ConvertTo-SecureString $Key -AsPlainText -Force) -BaseUri $Uri; Get-LoyaltyBadge -Id $Ids | Out-Null",
            ("Key", SandboxOptions.DefaultSnagKey), ("Uri", Sandbox.BaseAddress), ("Ids", new[] { Badge(20), Badge(21) })).ThrowIfErrors();
        Sandbox.Server.State.Requests.Clear();
        return session;
    }

    [Fact]
    public void A_host_that_can_ask_still_asks_naming_the_badge_and_its_answer_decides()
    {
        var host = new ScriptedHost();
        using var session = Prompting(host);
        host.Answers.Enqueue(false);
        host.Answers.Enqueue(true);

        var result = session.Run("$Ids | Remove-LoyaltyBadge", ("Ids", new[] { Badge(20), Badge(21) })).ThrowIfErrors();

        Assert.Equal(2, host.Prompts.Count);
        Assert.EndsWith($"Performing the operation \"Delete badge\" on target \"loyalty badge '{Sandbox.Server.State.Snag.FindBadge(Badge(20), true)!.Name}' ({Badge(20)})\".", host.Prompts[0]);
        Assert.Empty(result.Output);
        Assert.False(Deleted(Badge(20)));
        Assert.True(Deleted(Badge(21)));
    }

    [Fact]
    public void A_host_whose_prompt_fails_gives_ConfirmationRequired_and_nothing_is_sent()
    {
        var host = new ScriptedHost(); // no answer queued: its prompt throws, as the console host does on /dev/null
        using var session = Prompting(host);

        var result = session.Run(StopOnTerminating("Remove-LoyaltyBadge -Id $Id"), ("Id", Badge(20)));

        var error = result.TerminatingError();
        Assert.Equal(("ConfirmationRequired", ErrorCategory.InvalidOperation), (result.TerminatingErrorId, error.CategoryInfo.Category));
        Assert.Contains("the host could not ask", error.Exception.Message, StringComparison.Ordinal);
        Assert.Contains("-Confirm:$false", error.Exception.Message, StringComparison.Ordinal);
        Assert.IsType<InvalidOperationException>(error.Exception.InnerException); // the host's own failure, kept
        Assert.Empty(Sandbox.Requests.ApiCalls());
        Assert.False(Deleted(Badge(20)));
    }

    [Theory]
    [InlineData("Remove-LoyaltyBadge -Id $Id -WhatIf", false)]
    [InlineData("Remove-LoyaltyBadge -Id $Id -Confirm:$false", true)]
    [InlineData("$ConfirmPreference = 'None'; Remove-LoyaltyBadge -Id $Id", true)]
    [InlineData("$WhatIfPreference = $true; Remove-LoyaltyBadge -Id $Id", false)]
    [InlineData("Set-LoyaltyBadge -Id $Id -Description x", true)] // Medium impact, $ConfirmPreference High: never asks
    public void Where_the_engine_would_not_ask_nobody_needs_to_answer(string script, bool changes)
    {
        var result = Session.Run(StopOnTerminating(script + "; $ConfirmPreference = 'High'; $WhatIfPreference = $false"), ("Id", Badge(22))).ThrowIfErrors();

        Assert.Null(result.Terminating);
        Assert.Equal(changes, Sandbox.Requests.ApiCalls().Any());
    }

    [Theory]
    [InlineData("Set-LoyaltyBadge -Id $Id -Description x -Confirm")]
    [InlineData("$ConfirmPreference = 'Medium'; try { Set-LoyaltyBadge -Id $Id -Description x } finally { $ConfirmPreference = 'High' }")]
    [InlineData("Grant-LoyaltyBadge -BadgeId $Id -WalletAddress 0x00000000000000000000000000000000000000f1 -Confirm")]
    public void A_change_asked_to_confirm_where_nobody_can_answer_is_ConfirmationRequired(string script)
    {
        var result = Session.Run(StopOnTerminating(script), ("Id", Badge(22)));

        Assert.Equal("ConfirmationRequired", result.TerminatingErrorId);
        Assert.Empty(Sandbox.Requests.ApiCalls());
    }
}
