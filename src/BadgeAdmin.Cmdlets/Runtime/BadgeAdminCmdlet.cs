using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Naming;
using BadgeAdmin.Cmdlets.Paging;
using BadgeAdmin.Cmdlets.Progress;
using BadgeAdmin.Cmdlets.Sending;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Cmdlets.Runtime;

/// <summary>
/// Base of every BadgeAdmin cmdlet. It owns cancellation (Ctrl+C cancels the token every request carries), the
/// bridge from async client calls to the pipeline thread, and the edge where stray exceptions become error records.
/// Paging (<see cref="PagedOutput"/>), ordered sending (<see cref="OrderedSender"/>), confirmation
/// (<see cref="Confirmation"/>), naming (<see cref="ItemNames"/>) and what completion remembers
/// (<see cref="CompletionMemory"/>) are collaborators a cmdlet uses, each made here on first use.
/// </summary>
public abstract class BadgeAdminCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private PipelineThreadPump? _pump;
    private bool _terminating;
    private int _records;
    private ProgressReporter? _progress;
    private bool _progressChecked;
    private BadgeAdminConnection? _connection;
    private ItemNames? _names;
    private CompletionMemory? _seen;
    private OrderedSender? _sender;
    private PagedOutput? _output;
    private Confirmation? _confirm;

    /// <summary>Cancelled by StopProcessing (Ctrl+C, or a downstream Select-Object -First); every request carries it.</summary>
    protected internal CancellationToken CancelToken => _stopping.Token;

    internal PipelineThreadPump Pump => _pump ??= new PipelineThreadPump(this, DebugEnabled);

    /// <summary>Write-Progress of this invocation's items; null when progress is off. Made on first use.</summary>
    internal ProgressReporter? Progress
    {
        get
        {
            if (_progressChecked) return _progress;
            _progressChecked = true;
            _progress = ProgressReporter.For(this, "done", () => Pump.Retries, () => _connection?.Pacer.RequestsPerSecond);
            if (_progress is not null) Pump.Idle = _progress.Tick;
            return _progress;
        }
    }

    /// <summary>How many items the invocation will produce, when it knows (an -Id list): progress shows a share done.</summary>
    private protected void ExpectItems(long total, string verb)
    {
        if (Progress is not { } progress) return;
        progress.Total = total;
        progress.Verb = verb;
    }

    /// <summary>The connections of the runspace this cmdlet runs in.</summary>
    private protected static RunspaceConnections Connections => ConnectionRegistry.ForCurrentRunspace();

    /// <summary>
    /// The connection the cmdlet calls (from -Connection or the runspace), checked before any item: without one to
    /// use, NotConnected or ConnectionClosed ends the pipeline. Its pacer feeds the progress, what it read the names.
    /// </summary>
    private protected T Use<T>(string service, T? connection)
        where T : BadgeAdminConnection
    {
        if (ConnectionCheck.Problem(service, connection) is { } problem) ThrowTerminating(problem);
        _connection = connection;
        return connection!;
    }

    /// <summary>Names items as a person knows them, from what the connection in use has read; valid after <see cref="Use"/>.</summary>
    private protected ItemNames Names => _names ??= new ItemNames(InUse.Seen);

    /// <summary>Remembers what this cmdlet reads and forgets what it deletes, for tab completion; valid after <see cref="Use"/>.</summary>
    private protected CompletionMemory Seen => _seen ??= new CompletionMemory(InUse.Seen);

    private BadgeAdminConnection InUse => _connection ?? throw new InvalidOperationException("No connection in use: Use() has not run.");

    /// <summary>-First, -Skip and -IncludeTotalCount over everything a cmdlet with SupportsPaging writes.</summary>
    private protected PagedOutput Output => _output ??= new PagedOutput(this);

    /// <summary>The -ThrottleLimit every changing cmdlet takes: its items in flight at once, 1 for strictly one by one.</summary>
    private protected const int DefaultThrottleLimit = 4;

    private protected const int MaxThrottleLimit = 64;

    /// <summary>
    /// Sends the invocation's changes in order, at most <paramref name="throttleLimit"/> at once (made on first use, with
    /// the cmdlet's -ThrottleLimit); the end of the pipeline waits for what it still has in flight.
    /// </summary>
    private protected OrderedSender Sender(int throttleLimit) => _sender ??= new OrderedSender(this, throttleLimit);

    /// <summary>ShouldProcess and ShouldContinue, with ConfirmationRequired where nobody can answer.</summary>
    private protected Confirmation Confirm => _confirm ??= new Confirmation(this);

    /// <summary>True when debug output is shown (-Debug or $DebugPreference), so bodies are worth reading.</summary>
    private bool DebugEnabled
    {
        get
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug)) return debug is SwitchParameter { IsPresent: true };
            return GetVariableValue("DebugPreference") is ActionPreference value && value != ActionPreference.SilentlyContinue;
        }
    }

    internal void WriteError(CmdletError error) => WriteError(error.ToErrorRecord());

    /// <summary>Writes a verbose line without the question -Debug would otherwise ask (see <see cref="MessageStreams"/>).</summary>
    private protected new void WriteVerbose(string text) => MessageStreams.Verbose(this, text);

    protected sealed override void BeginProcessing() => Guard(OnBegin);

    protected sealed override void ProcessRecord() => Guard(() =>
    {
        _records++;
        OnRecord();
    });

    /// <summary>
    /// The current record's position among the objects piped in (1 for the first: for Import-Csv, the first row after
    /// the header), or null when the input did not come through the pipeline.
    /// </summary>
    internal int? InputRow => MyInvocation.ExpectingInput ? _records : null;

    protected sealed override void EndProcessing() => Guard(() =>
    {
        _sender?.Finish();
        OnEnd();
        _progress?.Complete();
    });

    /// <summary>Runs on another thread while the pipeline thread may be blocked: it only signals.</summary>
    protected sealed override void StopProcessing() => _stopping.Cancel();

    private protected virtual void OnBegin()
    {
    }

    private protected virtual void OnRecord()
    {
    }

    private protected virtual void OnEnd()
    {
    }

    /// <summary>Waits for async client work on the pipeline thread, relaying its verbose/warning/debug messages.</summary>
    internal T Await<T>(Func<CancellationToken, Task<T>> work) => Pump.Run(work, CancelToken);

    /// <summary>Hands each item of an async listing to <paramref name="each"/> as it arrives.</summary>
    private protected void Stream<T>(IAsyncEnumerable<T> source, Action<T> each)
    {
        var progress = Progress;
        Pump.ForEach(source, CancelToken, item =>
        {
            each(item);
            progress?.Done();
            return true;
        });
    }

    /// <summary>Hands each item of a listing to <paramref name="each"/> as it arrives, until it returns false; progress counts them as listed.</summary>
    internal void StreamListed<T>(IAsyncEnumerable<T> source, Func<T, bool> each)
    {
        var progress = Progress;
        if (progress is not null) progress.Verb = "listed";
        Pump.ForEach(source, CancelToken, item =>
        {
            progress?.Done();
            return each(item);
        });
    }

    /// <summary>
    /// Runs one pipeline item's work; an API failure becomes a non-terminating error about <paramref name="target"/>,
    /// so the next item still runs. Its message starts with <paramref name="label"/> (the item as a person knows it)
    /// and the input row.
    /// </summary>
    internal void ForItem(object target, string notFoundId, Action work, string? label = null)
    {
        var subject = ItemNames.Subject(label, InputRow);
        try
        {
            work();
        }
        catch (ApiException ex) when (!_stopping.IsCancellationRequested)
        {
            WriteError(ApiErrorTranslator.Translate(ex, target, notFoundId, subject));
        }
    }

    internal void ThrowTerminating(CmdletError error)
    {
        _terminating = true;
        ThrowTerminatingError(error.ToErrorRecord());
    }

    private void Guard(Action step)
    {
        try
        {
            step();
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            throw new PipelineStoppedException();
        }
        catch (ApiException ex) when (!_stopping.IsCancellationRequested)
        {
            // A failure no cmdlet attributed to an item (none should reach here); still report it properly.
            WriteError(ApiErrorTranslator.Translate(ex, null, ErrorIds.UnexpectedStatus));
        }
        catch (Exception ex) when (!_terminating && ex is not RuntimeException && !_stopping.IsCancellationRequested)
        {
            // A bug of ours: end with a named error rather than the engine's generic wrapper. PowerShell's own
            // exceptions (RuntimeException: pipeline stops, -ErrorAction Stop) pass through untouched.
            ThrowTerminating(new CmdletError(ex, ErrorIds.UnexpectedError, ErrorCategory.NotSpecified, null));
        }
    }

    public void Dispose()
    {
        // Requests still in flight (the pipeline ended early) are cancelled, never left running unobserved.
        if (_sender is { HasPending: true }) _stopping.Cancel();
        _pump?.Dispose();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
