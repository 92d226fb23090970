using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Naming;
using BadgeAdmin.Cmdlets.Progress;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Pacing;

namespace BadgeAdmin.Cmdlets.Runtime;

/// <summary>
/// Base of every BadgeAdmin cmdlet. It owns cancellation (Ctrl+C cancels the token every request carries), the
/// bridge from async client calls to the pipeline thread, and the edge where stray exceptions become error records.
/// </summary>
public abstract class BadgeAdminCmdlet : PSCmdlet, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private PipelineThreadPump? _pump;
    private bool _terminating;
    private readonly Queue<InFlight> _inFlight = new();
    private int _running;
    private ulong _skipped;
    private ulong _written;
    private int _records;
    private ProgressReporter? _progress;
    private bool _progressChecked;

    /// <summary>Cancelled by StopProcessing (Ctrl+C, or a downstream Select-Object -First); every request carries it.</summary>
    protected CancellationToken CancelToken => _stopping.Token;

    private PipelineThreadPump Pump => _pump ??= new PipelineThreadPump(this, DebugEnabled);

    /// <summary>Write-Progress of this invocation's items; null when progress is off. Made on first use.</summary>
    private ProgressReporter? Progress
    {
        get
        {
            if (_progressChecked) return _progress;
            _progressChecked = true;
            _progress = ProgressReporter.For(this, "done", () => Pump.Retries, () => Pacing?.RequestsPerSecond);
            if (_progress is not null) Pump.Idle = _progress.Tick;
            return _progress;
        }
    }

    /// <summary>The pacer of the connection in use, whose rate the progress shows; none by default.</summary>
    private protected virtual SendRatePacer? Pacing => null;

    /// <summary>How many items the invocation will produce, when it knows (an -Id list): progress shows a share done.</summary>
    private protected void ExpectItems(long total, string verb)
    {
        if (Progress is not { } progress) return;
        progress.Total = total;
        progress.Verb = verb;
    }

    /// <summary>The connections of the runspace this cmdlet runs in.</summary>
    private protected static RunspaceConnections Connections => ConnectionRegistry.ForCurrentRunspace();

    /// <summary>True when debug output is shown (-Debug or $DebugPreference), so bodies are worth reading.</summary>
    private bool DebugEnabled
    {
        get
        {
            if (MyInvocation.BoundParameters.TryGetValue("Debug", out var debug)) return debug is SwitchParameter { IsPresent: true };
            return GetVariableValue("DebugPreference") is ActionPreference value && value != ActionPreference.SilentlyContinue;
        }
    }

    /// <summary>-First, -Skip and -IncludeTotalCount; the defaults (everything) on a cmdlet without SupportsPaging.</summary>
    private PagingParameters? Paging => PagingParameters;

    private ulong First => Paging?.First ?? ulong.MaxValue;

    private ulong Skip => Paging?.Skip ?? 0;

    private protected void WriteError(CmdletError error) => WriteError(error.ToErrorRecord());

    /// <summary>
    /// ShouldProcess, with a named error when the change needs confirming and nobody can answer (input redirected,
    /// -NonInteractive, a host without a UI, or a host whose prompt fails): see <see cref="ConfirmationGate"/>.
    /// </summary>
    private protected bool ShouldChange(string target, string action)
    {
        if (ConfirmationGate.WhyNobodyCanAnswer(this) is { } why) ThrowTerminating(ConfirmationGate.Required(this, target, action, why, null));
        try
        {
            return ShouldProcess(target, action);
        }
        catch (Exception ex) when (ex is not PipelineStoppedException && !_stopping.IsCancellationRequested)
        {
            ThrowTerminating(ConfirmationGate.Required(this, target, action, "the host could not ask (" + ex.Message + ")", ex));
            return false;
        }
    }

    /// <summary>
    /// Asks one yes/no question (ShouldContinue) before a group of changes that confirm by default. Where nobody can
    /// answer (see <see cref="ConfirmationGate"/>), ends with ConfirmationRequired instead.
    /// </summary>
    private protected bool ConfirmOnce(string query, string caption, object target) => Ask(() => ShouldContinue(query, caption), caption, target);

    /// <summary>
    /// One of a series of questions (ShouldContinue with "Yes to All" and "No to All", remembered in the two flags) for
    /// changes that confirm by default; gated as <see cref="ConfirmOnce"/> is.
    /// </summary>
    private protected bool ConfirmEach(string query, string caption, object target, ref bool yesToAll, ref bool noToAll)
    {
        if (yesToAll) return true;
        if (noToAll) return false;
        var (yes, no) = (false, false);
        var answer = Ask(() => ShouldContinue(query, caption, ref yes, ref no), caption, target);
        (yesToAll, noToAll) = (yes, no);
        return answer;
    }

    private bool Ask(Func<bool> question, string caption, object target)
    {
        if (ConfirmationGate.WhyHostCannotAsk(Host) is { } why) ThrowTerminating(ConfirmationGate.Required(this, target, caption, why, null));
        try
        {
            return question();
        }
        catch (Exception ex) when (ex is PSInvalidOperationException or System.Management.Automation.Host.HostException)
        {
            ThrowTerminating(ConfirmationGate.Required(this, target, caption, "the host could not ask (" + ex.Message + ")", ex));
            return false;
        }
    }

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
    private protected int? InputRow => MyInvocation.ExpectingInput ? _records : null;

    protected sealed override void EndProcessing() => Guard(() =>
    {
        FinishInFlight();
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
    private protected T Await<T>(Func<CancellationToken, Task<T>> work) => Pump.Run(work, CancelToken);

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

    /// <summary>
    /// Writes an async listing as it arrives, honouring -Skip and -First across the whole invocation. Returns how many
    /// items the listing gave (skipped ones included), or null when -First was already reached and nothing was asked.
    /// </summary>
    private protected int? WritePaged<T>(IAsyncEnumerable<T> source)
    {
        if (_written >= First) return null; // -First 0, or reached by an earlier record: not even one request
        var seen = 0;
        var progress = Progress;
        if (progress is not null) progress.Verb = "listed";
        Pump.ForEach(source, CancelToken, item =>
        {
            seen++;
            progress?.Done();
            return TryWritePaged(item!);
        });
        return seen;
    }

    /// <summary>
    /// Writes one item unless -Skip passes over it; false once -First is reached, which ends the listing.
    /// Counts run across all pipeline records of the invocation, as PowerShell's own paging does.
    /// </summary>
    private protected bool TryWritePaged(object item)
    {
        if (_skipped < Skip)
        {
            _skipped++;
            return true;
        }

        if (_written >= First) return false;
        WriteObject(item);
        return ++_written < First;
    }

    /// <summary>How many more items -First/-Skip can use (skipped ones included), or null when there is no -First.</summary>
    private protected long? ItemsWanted =>
        First == ulong.MaxValue || First + Skip > long.MaxValue ? null : (long)(First + Skip) - (long)(_skipped + _written);

    /// <summary>The page size to ask for: the cmdlet's, or fewer when -First/-Skip need fewer.</summary>
    private protected int PageSizeFor(int pageSize)
    {
        if (First == ulong.MaxValue || First + Skip > int.MaxValue) return pageSize;
        var needed = (int)(First + Skip);
        return Math.Max(1, Math.Min(pageSize, needed - (int)Math.Min((ulong)needed, _skipped + _written)));
    }

    /// <summary>With -IncludeTotalCount, writes the total: exact when the API reported one, otherwise "unknown".</summary>
    private protected void WriteTotalCountIfAsked(long? total)
    {
        if (Paging is { IncludeTotalCount.IsPresent: true } paging)
        {
            WriteObject(paging.NewTotalCount(total is { } t && t >= 0 ? (ulong)t : 0, total is null ? 0.0 : 1.0));
        }
    }

    /// <summary>
    /// Runs one pipeline item's work; an API failure becomes a non-terminating error about <paramref name="target"/>,
    /// so the next item still runs. Its message starts with <paramref name="label"/> (the item as a person knows it)
    /// and the input row.
    /// </summary>
    private protected void ForItem(object target, string notFoundId, Action work, string? label = null)
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

    /// <summary>How many of this invocation's requests may be in flight at once (1: one after the other).</summary>
    private protected virtual int Concurrency => 1;

    /// <summary>
    /// Sends one pipeline item's request, letting up to <see cref="Concurrency"/> run at once. Results and errors are
    /// written on the pipeline thread in input order, as each item's turn comes; an API failure is a non-terminating
    /// error about <paramref name="target"/>. Call only after ShouldProcess has agreed, so the prompts stay in order.
    /// </summary>
    private protected void Send(object target, string notFoundId, Func<CancellationToken, Task<object?>> work, string? label = null) =>
        Send(target, _ => (notFoundId, target), work, label);

    /// <summary>
    /// As <see cref="Send(object, string, Func{CancellationToken, Task{object}}, string)"/>, for a call whose 404 can
    /// mean more than one thing: <paramref name="notFound"/> picks the ErrorId and the TargetObject from the failure.
    /// An error's message starts with <paramref name="label"/> and the input row, as in <see cref="ForItem"/>.
    /// </summary>
    private protected void Send(object target, Func<ApiException, (string ErrorId, object Target)> notFound, Func<CancellationToken, Task<object?>> work, string? label = null)
    {
        _ = Progress; // the progress (and its ticks while waiting) starts with the first item
        Interlocked.Increment(ref _running);
        var task = Pump.Start(async token =>
        {
            try
            {
                return await work(token).ConfigureAwait(false);
            }
            finally
            {
                // Before the task ends, so the pump, woken by its end, already sees a free slot.
                Interlocked.Decrement(ref _running);
            }
        }, CancelToken);
        _inFlight.Enqueue(new InFlight(task, target, notFound, ItemNames.Subject(label, InputRow)));

        // At most Concurrency requests run at once. One slow item (a retry waiting out a rate limit) does not hold up
        // the others: finished ones wait here, up to a bound, for their turn to be written in input order.
        var waitingLimit = Math.Max(MinWaitingOutput, Concurrency * 64);
        WriteFinished();
        while (Volatile.Read(ref _running) >= Concurrency || _inFlight.Count >= waitingLimit)
        {
            Pump.WaitUntil(() => CancelToken.IsCancellationRequested || (_inFlight.Count > 0 && _inFlight.Peek().Task.IsCompleted)
                                 || (Volatile.Read(ref _running) < Concurrency && _inFlight.Count < waitingLimit));
            CancelToken.ThrowIfCancellationRequested();
            WriteFinished();
        }
    }

    /// <summary>Finished items waiting for their turn to be written, at the least, whatever the concurrency.</summary>
    private const int MinWaitingOutput = 256;

    private void WriteFinished()
    {
        while (_inFlight.Count > 0 && _inFlight.Peek().Task.IsCompleted) CompleteOldest();
    }

    /// <summary>Waits for every request Send started, writing their results and errors.</summary>
    private protected void FinishInFlight()
    {
        while (_inFlight.Count > 0) CompleteOldest();
    }

    private void CompleteOldest()
    {
        var next = _inFlight.Dequeue();
        Pump.Wait(next.Task);
        try
        {
            if (next.Task.GetAwaiter().GetResult() is { } result) WriteObject(result);
            _progress?.Done();
        }
        catch (ApiException ex) when (!_stopping.IsCancellationRequested)
        {
            var (notFoundId, target) = ex.Kind == ApiFailureKind.NotFound ? next.NotFound(ex) : (ErrorIds.UnexpectedStatus, next.Target);
            WriteError(ApiErrorTranslator.Translate(ex, target, notFoundId, next.Subject));
            _progress?.Done(failed: true);
        }
    }

    private sealed class InFlight
    {
        public InFlight(Task<object?> task, object target, Func<ApiException, (string ErrorId, object Target)> notFound, string? subject)
        {
            Task = task;
            Target = target;
            NotFound = notFound;
            Subject = subject;
        }

        /// <summary>What the item's error message starts with (see <see cref="ItemNames.Subject"/>).</summary>
        public string? Subject { get; }

        public Task<object?> Task { get; }

        public object Target { get; }

        public Func<ApiException, (string ErrorId, object Target)> NotFound { get; }
    }

    private protected void ThrowTerminating(CmdletError error)
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
        if (_inFlight.Count > 0) _stopping.Cancel();
        _pump?.Dispose();
        _stopping.Dispose();
        GC.SuppressFinalize(this);
    }
}
