using BadgeAdmin.Cmdlets.Connections;

namespace BadgeAdmin.Cmdlets.Runtime;

/// <summary>
/// The seam between a cmdlet and the engine that runs it. In PowerShell it forwards to the real Cmdlet methods
/// (<see cref="EngineCmdletRuntime"/>); in tests a recorder captures what the cmdlet wrote, asked and reported.
/// Every call happens on the pipeline thread.
/// </summary>
internal interface ICmdletRuntime
{
    void WriteObject(object item);

    void WriteError(CmdletError error);

    /// <summary>Ends the pipeline. Never returns normally.</summary>
    void ThrowTerminatingError(CmdletError error);

    bool ShouldProcess(string target, string action);

    void WriteVerbose(string message);

    void WriteWarning(string message);

    void WriteDebug(string message);

    /// <summary>True when debug output is shown (-Debug or $DebugPreference), so bodies are worth reading.</summary>
    bool DebugEnabled { get; }

    string? GetEnvironmentVariable(string name);

    /// <summary>
    /// Reads a secret with SecretManagement's Get-Secret (the module is loaded on demand). Null when that module is
    /// not installed; throws <see cref="SecretLookupException"/> when Get-Secret fails.
    /// </summary>
    object? GetSecret(string name, string? vault);

    /// <summary>$PSVersionTable.PSVersion of the engine, for the User-Agent.</summary>
    string? PowerShellVersion { get; }

    /// <summary>-First, -Skip and -IncludeTotalCount of a cmdlet with SupportsPaging (no paging when it has none).</summary>
    PagingRequest Paging { get; }

    /// <summary>Writes the total-count object of -IncludeTotalCount; accuracy 0 means "unknown total".</summary>
    void WriteTotalCount(ulong count, double accuracy);

    /// <summary>The connections of the runspace the cmdlet runs in.</summary>
    RunspaceConnections Connections { get; }
}
