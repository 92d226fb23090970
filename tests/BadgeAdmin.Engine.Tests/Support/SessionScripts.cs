using System.Security;
using System.Text.RegularExpressions;

namespace BadgeAdmin.Engine.Tests.Support;

/// <summary>
/// Script wrappers and result readers shared by the cmdlet tests: environment variables set for one script, terminating
/// errors surfaced as such, and the ShouldProcess calls the engine reports with -Verbose.
/// </summary>
public static partial class SessionScripts
{
    /// <summary>A read-only SecureString, as Read-Host -AsSecureString gives one.</summary>
    public static SecureString Secure(string text)
    {
        var secure = new SecureString();
        foreach (var c in text) secure.AppendChar(c);
        secure.MakeReadOnly();
        return secure;
    }

    /// <summary>
    /// <paramref name="script"/> run with each variable set as <c>$env:NAME = 'value'</c> (removed when the value is null),
    /// and every one removed afterwards, whatever the script did.
    /// </summary>
    public static string WithEnvironment(string script, params (string Name, string? Value)[] variables)
    {
        var set = string.Join("\n", variables.Select(v => v.Value is null
            ? $"Remove-Item Env:{v.Name} -ErrorAction Ignore"
            : $"$env:{v.Name} = '{v.Value.Replace("'", "''", StringComparison.Ordinal)}'"));
        var remove = string.Join("\n", variables.Select(v => $"Remove-Item Env:{v.Name} -ErrorAction Ignore"));
        return $"try {{\n{set}\n{script}\n}} finally {{\n{remove}\n}}";
    }

    /// <summary>
    /// <paramref name="script"/> with its first terminating error ending the run, as it ends a user's try block.
    /// A top-level script would log a cmdlet's terminating error and go on; non-terminating errors are not caught.
    /// </summary>
    public static string StopOnTerminating(string script) => $"try {{\n{script}\n}} catch {{ throw }}";

    /// <summary>The terminating error the run ended with; fails the test when it ended without one.</summary>
    public static ErrorRecord TerminatingError(this EngineResult result)
    {
        var record = Assert.IsAssignableFrom<IContainsErrorRecord>(result.Terminating).ErrorRecord;
        Assert.NotNull(record);
        return record;
    }

    /// <summary>The ErrorId and category of each error written, in order.</summary>
    public static IReadOnlyList<(string Id, ErrorCategory Category)> ErrorKinds(this EngineResult result) =>
        result.Errors.Select(e => (e.FullyQualifiedErrorId.Split(',')[0], e.CategoryInfo.Category)).ToList();

    /// <summary>
    /// The (Target, Action) of each ShouldProcess call that went ahead: with -Verbose the engine reports each as
    /// 'Performing the operation "ACTION" on target "TARGET".'
    /// </summary>
    public static IReadOnlyList<(string Target, string Action)> ShouldProcessCalls(this EngineResult result) =>
        result.Verbose.Select(line => PerformingOperation().Match(line)).Where(m => m.Success)
            .Select(m => (m.Groups["target"].Value, m.Groups["action"].Value)).ToList();

    /// <summary>Verbose lines other than the engine's ShouldProcess reports: the module's own.</summary>
    public static IReadOnlyList<string> ModuleVerbose(this EngineResult result) =>
        result.Verbose.Where(line => !PerformingOperation().IsMatch(line)).ToList();

    /// <summary>A property of a module object (the test project cannot name the module's types).</summary>
    public static T Property<T>(this PSObject item, string name) =>
        (T)LanguagePrimitives.ConvertTo(Assert.IsAssignableFrom<PSPropertyInfo>(item.Properties[name]).Value, typeof(T));

    [GeneratedRegex("^Performing the operation \"(?<action>.*)\" on target \"(?<target>.*)\"\\.$")]
    private static partial Regex PerformingOperation();

    /// <summary>The wait each retry warning announces ("retrying in 0.4 s"), in seconds, in the order written.</summary>
    public static IReadOnlyList<double> AnnouncedWaits(this EngineResult result) =>
        result.Warnings.Select(w => RetryingIn().Match(w)).Where(m => m.Success)
            .Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    [GeneratedRegex(@"retrying in ([0-9.]+) s")]
    private static partial Regex RetryingIn();
}
