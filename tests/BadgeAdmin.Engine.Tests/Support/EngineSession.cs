using System.Collections.ObjectModel;
using System.Management.Automation.Runspaces;

namespace BadgeAdmin.Engine.Tests.Support;

/// <summary>
/// A real PowerShell 7.6.9 runspace with the built module imported from out/BadgeAdmin, as `Import-Module
/// ./out/BadgeAdmin/BadgeAdmin.psd1` does in pwsh. Scripts run in it as a user types them; every stream is captured.
/// </summary>
public sealed class EngineSession : IDisposable
{
    private readonly Runspace _runspace;

    /// <param name="importModule">False for a bare session, to test importing itself.</param>
    /// <param name="host">A host that answers prompts (<see cref="ScriptedHost"/>); none by default, so a prompt fails.</param>
    public EngineSession(bool importModule = true, System.Management.Automation.Host.PSHost? host = null)
    {
        _runspace = host is null
            ? RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2())
            : RunspaceFactory.CreateRunspace(host, InitialSessionState.CreateDefault2());
        _runspace.Open();
        if (importModule) Run("Import-Module $ModulePath -ErrorAction Stop", ("ModulePath", ModuleManifest)).ThrowIfErrors();
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>The built module's manifest: out/BadgeAdmin/BadgeAdmin.psd1.</summary>
    public static string ModuleManifest => Path.Combine(RepoRoot, "out", "BadgeAdmin", "BadgeAdmin.psd1");

    /// <summary>The cmdlets the built manifest exports (CmdletsToExport): what "every cmdlet" means in a test.</summary>
    public static IReadOnlyList<string> ExportedCmdlets => Exported.Value;

    private static readonly Lazy<IReadOnlyList<string>> Exported = new(() =>
    {
        using var session = new EngineSession(importModule: false);
        return session.Run("(Import-PowerShellDataFile -LiteralPath $Manifest).CmdletsToExport", ("Manifest", ModuleManifest))
            .ThrowIfErrors().Output.Select(o => o.ToString()).ToList();
    });

    /// <summary>Runs <paramref name="script"/> with the given variables set first; never throws for the script's own errors.</summary>
    public EngineResult Run(string script, params (string Name, object? Value)[] variables)
    {
        foreach (var (name, value) in variables) _runspace.SessionStateProxy.SetVariable(name, value);
        using var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        Collection<PSObject> output;
        Exception? terminating = null;
        try
        {
            output = shell.Invoke();
        }
        catch (RuntimeException ex)
        {
            output = new Collection<PSObject>();
            terminating = ex;
        }

        return new EngineResult(
            output.Where(o => o is not null).ToList(),
            shell.Streams.Error.ToList(),
            shell.Streams.Warning.Select(w => w.Message).ToList(),
            shell.Streams.Verbose.Select(v => v.Message).ToList(),
            shell.Streams.Debug.Select(d => d.Message).ToList(),
            terminating)
        {
            Progress = shell.Streams.Progress.ToList(),
        };
    }

    /// <summary>Starts <paramref name="script"/> asynchronously so a test can stop it (Ctrl+C) midway.</summary>
    public (PowerShell Shell, IAsyncResult Pending) Begin(string script)
    {
        var shell = PowerShell.Create();
        shell.Runspace = _runspace;
        shell.AddScript(script);
        return (shell, shell.BeginInvoke());
    }

    public T Get<T>(string variable) => (T)LanguagePrimitives.ConvertTo(_runspace.SessionStateProxy.GetVariable(variable), typeof(T));

    public void Dispose() => _runspace.Dispose();

    private static string FindRepoRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "BadgeAdmin.sln"))) return folder.FullName;
        }

        throw new InvalidOperationException("BadgeAdmin.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>What a script produced, stream by stream.</summary>
public sealed record EngineResult(
    IReadOnlyList<PSObject> Output,
    IReadOnlyList<ErrorRecord> Errors,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> Verbose,
    IReadOnlyList<string> Debug,
    Exception? Terminating)
{
    /// <summary>The ErrorId part of each error's FullyQualifiedErrorId ("PartnerBadgeNotFound", …).</summary>
    public IReadOnlyList<string> ErrorIds => Errors.Select(e => e.FullyQualifiedErrorId.Split(',')[0]).ToList();

    /// <summary>The ErrorId of the terminating error, if the script ended with one.</summary>
    public string? TerminatingErrorId => (Terminating as IContainsErrorRecord)?.ErrorRecord.FullyQualifiedErrorId.Split(',')[0];

    public IReadOnlyList<T> Objects<T>() => Output.Select(o => o.BaseObject).OfType<T>().ToList();

    public IReadOnlyList<object?> Values(string property) => Output.Select(o => o.Properties[property]?.Value).ToList();

    /// <summary>The progress records written, in order (the Progress stream of the hosted PowerShell).</summary>
    public IReadOnlyList<ProgressRecord> Progress { get; init; } = Array.Empty<ProgressRecord>();

    public EngineResult ThrowIfErrors()
    {
        if (Terminating is not null) throw new InvalidOperationException("The script ended with a terminating error: " + Terminating.Message, Terminating);
        if (Errors.Count > 0) throw new InvalidOperationException("The script wrote errors: " + string.Join(" | ", Errors.Select(e => e.ToString())));
        return this;
    }
}
