using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Management.Automation.Host;
using System.Reflection;
using BadgeAdmin.Cmdlets.Errors;

namespace BadgeAdmin.Cmdlets.Runtime;

/// <summary>
/// Decides, before ShouldProcess, whether it would put a question to a person and whether anyone can answer it.
/// The engine asks when the cmdlet's ConfirmImpact reaches $ConfirmPreference (or -Confirm is given), unless -WhatIf.
/// The console host then reads the answer from standard input: with an open pipe (schedulers, CI steps) it waits for
/// ever, with /dev/null it fails with a NullReferenceException. So in the console host, redirected input means nobody
/// can answer. Other hosts (a hosted runspace, an editor, a job) are trusted to ask, or to throw, which the caller
/// turns into the same ConfirmationRequired error; -NonInteractive makes the console host throw too.
/// </summary>
internal static class ConfirmationGate
{
    private const string ConsoleHostName = "ConsoleHost";

    // Read once per cmdlet type: ShouldChange runs for every item of a bulk change.
    private static readonly ConcurrentDictionary<Type, ConfirmImpact> Impacts = new();

    /// <summary>Null when ShouldProcess may be called; otherwise why the question it would ask cannot be answered.</summary>
    public static string? WhyNobodyCanAnswer(PSCmdlet cmdlet)
    {
        return WouldAsk(cmdlet) ? WhyHostCannotAsk(cmdlet.Host) : null;
    }

    /// <summary>Null when the host can put a question to a person; otherwise why not.</summary>
    public static string? WhyHostCannotAsk(PSHost? host)
    {
        if (host?.UI is null) return "this host has no user interface";
        if (host.Name == ConsoleHostName && Console.IsInputRedirected) return "standard input is not a terminal (a runbook, a scheduler or a pipe)";
        return null;
    }

    /// <summary>The ConfirmationRequired error: nothing was changed, and -Confirm:$false is how to go ahead.</summary>
    public static CmdletError Required(PSCmdlet cmdlet, object target, string action, string why, Exception? inner)
    {
        var name = cmdlet.MyInvocation.MyCommand.Name;
        return new CmdletError(
            new InvalidOperationException(
                $"{name} asks for confirmation before it goes ahead (\"{action}\" on {target}), and nobody can answer here: {why}. " +
                "Nothing was changed. Add -Confirm:$false to change without asking, or -WhatIf to see what would change.", inner),
            ErrorIds.ConfirmationRequired, ErrorCategory.InvalidOperation, target)
        {
            RecommendedAction = "Add -Confirm:$false to change without asking, or -WhatIf to see what would change.",
        };
    }

    /// <summary>True under -WhatIf (or $WhatIfPreference): ShouldProcess then only describes, and says no.</summary>
    public static bool IsWhatIf(PSCmdlet cmdlet) =>
        cmdlet.MyInvocation.BoundParameters.TryGetValue("WhatIf", out var given) ? LanguagePrimitives.IsTrue(given) : LanguagePrimitives.IsTrue(cmdlet.GetVariableValue("WhatIfPreference"));

    /// <summary>What the engine's ShouldProcess decides before it prompts (MshCommandRuntime.CanShouldProcessAutoConfirm).</summary>
    private static bool WouldAsk(PSCmdlet cmdlet)
    {
        if (IsWhatIf(cmdlet)) return false;
        var bound = cmdlet.MyInvocation.BoundParameters;

        ConfirmImpact threshold;
        if (bound.TryGetValue("Confirm", out var confirm)) threshold = LanguagePrimitives.IsTrue(confirm) ? ConfirmImpact.Low : ConfirmImpact.None;
        else if (cmdlet.GetVariableValue("ConfirmPreference") is not { } preference || !LanguagePrimitives.TryConvertTo(preference, out threshold)) threshold = ConfirmImpact.High;

        var impact = Impacts.GetOrAdd(cmdlet.GetType(), type => type.GetCustomAttribute<CmdletAttribute>()?.ConfirmImpact ?? ConfirmImpact.Medium);
        return threshold != ConfirmImpact.None && threshold <= impact;
    }
}
