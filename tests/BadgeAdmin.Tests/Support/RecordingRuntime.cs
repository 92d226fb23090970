using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Runtime;

namespace BadgeAdmin.Tests.Support;

/// <summary>
/// Stands in for the PowerShell engine: records what a cmdlet writes, asks and reports, and answers ShouldProcess
/// as the test says. Checks that every call comes from the thread the cmdlet was started on (the pipeline thread).
/// </summary>
internal sealed class RecordingRuntime : ICmdletRuntime
{
    private readonly int _pipelineThread = System.Environment.CurrentManagedThreadId;

    public List<object> Objects { get; } = new();

    /// <summary>Objects and errors in the order they were written ("object", "error:ErrorId").</summary>
    public List<(string Kind, object? Item)> Events { get; } = new();
    public List<CmdletError> Errors { get; } = new();
    public List<string> Verbose { get; } = new();
    public List<string> Warnings { get; } = new();
    public List<string> Debug { get; } = new();
    public List<(string Target, string Action)> ShouldProcessCalls { get; } = new();
    public Dictionary<string, string> Environment { get; } = new();

    /// <summary>What ShouldProcess answers: false is -WhatIf (or "No" at a -Confirm prompt).</summary>
    public bool ShouldProcessAnswer { get; set; } = true;

    public bool DebugEnabled { get; set; }

    /// <summary>Stop the pipeline after this many objects, as Select-Object -First does.</summary>
    public int? StopAfterObjects { get; set; }

    public RunspaceConnections Connections { get; set; } = new();

    /// <summary>-First/-Skip/-IncludeTotalCount as the engine would pass them.</summary>
    public PagingRequest Paging { get; set; } = PagingRequest.None;

    public List<(ulong Count, double Accuracy)> TotalCounts { get; } = new();

    public void WriteTotalCount(ulong count, double accuracy)
    {
        Check(nameof(WriteTotalCount));
        TotalCounts.Add((count, accuracy));
    }

    public string? PowerShellVersion => "7.6.0";

    public List<string> OffThreadCalls { get; } = new();

    public void WriteObject(object item)
    {
        Check(nameof(WriteObject));
        Objects.Add(item);
        Events.Add(("object", item));
        if (StopAfterObjects is { } n && Objects.Count >= n) throw new PipelineStoppedException();
    }

    public void WriteError(CmdletError error)
    {
        Check(nameof(WriteError));
        Errors.Add(error);
        Events.Add(("error:" + error.ErrorId, error.TargetObject));
    }

    public void ThrowTerminatingError(CmdletError error)
    {
        Check(nameof(ThrowTerminatingError));
        throw new TerminatingErrorException(error);
    }

    /// <summary>Answers to give ShouldProcess one by one (a user at -Confirm prompts); ShouldProcessAnswer when empty.</summary>
    public Queue<bool> ShouldProcessAnswers { get; } = new();

    public bool ShouldProcess(string target, string action)
    {
        Check(nameof(ShouldProcess));
        ShouldProcessCalls.Add((target, action));
        return ShouldProcessAnswers.Count > 0 ? ShouldProcessAnswers.Dequeue() : ShouldProcessAnswer;
    }

    public void WriteVerbose(string message)
    {
        Check(nameof(WriteVerbose));
        Verbose.Add(message);
    }

    public void WriteWarning(string message)
    {
        Check(nameof(WriteWarning));
        Warnings.Add(message);
    }

    public void WriteDebug(string message)
    {
        Check(nameof(WriteDebug));
        Debug.Add(message);
    }

    /// <summary>Secrets Get-Secret would return, by "vault/name" (vault empty for the default vault); null: module not installed.</summary>
    public Dictionary<string, object>? Secrets { get; set; }

    public object? GetSecret(string name, string? vault)
    {
        Check(nameof(GetSecret));
        if (Secrets is null) return null;
        return Secrets.TryGetValue($"{vault}/{name}", out var value) ? value : throw new SecretLookupException($"The secret {name} was not found.");
    }

    public string? GetEnvironmentVariable(string name) => Environment.TryGetValue(name, out var value) ? value : null;

    /// <summary>Every text the cmdlet sent to any stream, for secret checks.</summary>
    public IEnumerable<string> AllText() =>
        Verbose.Concat(Warnings).Concat(Debug)
            .Concat(Errors.SelectMany(e => new[] { e.ToString(), e.Exception.ToString(), e.DetailsMessage ?? "", e.RecommendedAction ?? "" }))
            .Concat(Objects.Select(o => o.ToString() ?? ""));

    private void Check(string call)
    {
        if (System.Environment.CurrentManagedThreadId != _pipelineThread) OffThreadCalls.Add(call);
    }
}

/// <summary>What the recording runtime throws for ThrowTerminatingError, carrying the error.</summary>
internal sealed class TerminatingErrorException(CmdletError error) : Exception(error.ToString())
{
    public CmdletError Error { get; } = error;
}
