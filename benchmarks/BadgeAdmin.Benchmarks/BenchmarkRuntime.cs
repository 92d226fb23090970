using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Runtime;

namespace BadgeAdmin.Benchmarks;

/// <summary>The engine's part for the bulk benchmark: agrees to every change, counts what the cmdlet writes.</summary>
internal sealed class BenchmarkRuntime : ICmdletRuntime
{
    public int Objects { get; private set; }
    public List<string> Errors { get; } = new();
    public int Warnings { get; private set; }
    public RunspaceConnections Connections { get; } = new();
    public PagingRequest Paging => PagingRequest.None;
    public bool DebugEnabled => false;
    public string? PowerShellVersion => "7.6.0";

    public void WriteObject(object item) => Objects++;
    public void WriteError(CmdletError error) => Errors.Add(error.ToString());
    public void ThrowTerminatingError(CmdletError error) => throw new InvalidOperationException(error.ToString());
    public bool ShouldProcess(string target, string action) => true;
    public void WriteVerbose(string message) { }
    public void WriteWarning(string message) => Warnings++;
    public void WriteDebug(string message) { }
    public void WriteTotalCount(ulong count, double accuracy) { }
    public string? GetEnvironmentVariable(string name) => null;
    public object? GetSecret(string name, string? vault) => null;
}
