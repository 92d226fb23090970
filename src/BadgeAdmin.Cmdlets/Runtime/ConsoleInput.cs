using System;
using System.Management.Automation.Host;

namespace BadgeAdmin.Cmdlets.Runtime;

/// <summary>Whether a question put to the host can reach a person.</summary>
internal static class ConsoleInput
{
    /// <summary>
    /// True for pwsh's console host reading redirected input (a runbook started with input from a pipe or /dev/null):
    /// its prompt would read that input, waiting for ever on an open pipe and failing at its end. Other hosts say for
    /// themselves, by throwing, when they cannot prompt.
    /// </summary>
    public static bool CannotAnswer(PSHost? host) =>
        host?.UI is null || (string.Equals(host.Name, "ConsoleHost", StringComparison.Ordinal) && Console.IsInputRedirected);
}
