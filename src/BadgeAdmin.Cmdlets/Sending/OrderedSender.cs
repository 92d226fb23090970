using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Naming;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Cmdlets.Sending;

/// <summary>
/// Sends pipeline items' requests, up to a concurrency at once, and writes their results and errors on the pipeline
/// thread in input order, as each item's turn comes. An API failure is a non-terminating error about its item.
/// </summary>
internal sealed class OrderedSender
{
    /// <summary>Finished items waiting for their turn to be written, at the least, whatever the concurrency.</summary>
    private const int MinWaitingOutput = 256;

    private readonly BadgeAdminCmdlet _cmdlet;
    private readonly int _concurrency;
    private readonly Queue<InFlight> _inFlight = new();
    private int _running;

    public OrderedSender(BadgeAdminCmdlet cmdlet, int concurrency)
    {
        _cmdlet = cmdlet;
        _concurrency = concurrency;
    }

    /// <summary>True while a request sent here has not been written yet.</summary>
    public bool HasPending => _inFlight.Count > 0;

    /// <summary>
    /// Sends one item's request; a 404 is <paramref name="notFoundId"/> about <paramref name="target"/>. An error's
    /// message starts with <paramref name="label"/> (the item as a person knows it) and the input row.
    /// </summary>
    public void Send(object target, string notFoundId, Func<CancellationToken, Task<object?>> work, string? label = null) =>
        Send(target, _ => (notFoundId, target), work, label);

    /// <summary>
    /// Sends one item's request, for a call whose 404 can mean more than one thing: <paramref name="notFound"/> picks the ErrorId and the TargetObject of a 404; an error's
    /// message starts with <paramref name="label"/> and the input row. Call only after ShouldProcess has agreed, so
    /// the prompts stay in order.
    /// </summary>
    public void Send(object target, Func<ApiException, (string ErrorId, object Target)> notFound, Func<CancellationToken, Task<object?>> work, string? label = null)
    {
        _ = _cmdlet.Progress; // the progress (and its ticks while waiting) starts with the first item
        var pump = _cmdlet.Pump;
        var cancel = _cmdlet.CancelToken;
        Interlocked.Increment(ref _running);
        var task = pump.Start(async token =>
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
        }, cancel);
        _inFlight.Enqueue(new InFlight(task, target, notFound, ItemNames.Subject(label, _cmdlet.InputRow)));

        // At most the concurrency run at once. One slow item (a retry waiting out a rate limit) does not hold up the
        // others: finished ones wait here, up to a bound, for their turn to be written in input order.
        var waitingLimit = Math.Max(MinWaitingOutput, _concurrency * 64);
        WriteFinished();
        while (Volatile.Read(ref _running) >= _concurrency || _inFlight.Count >= waitingLimit)
        {
            pump.WaitUntil(() => cancel.IsCancellationRequested || (_inFlight.Count > 0 && _inFlight.Peek().Task.IsCompleted)
                                 || (Volatile.Read(ref _running) < _concurrency && _inFlight.Count < waitingLimit));
            cancel.ThrowIfCancellationRequested();
            WriteFinished();
        }
    }

    /// <summary>Waits for every request sent, writing their results and errors.</summary>
    public void Finish()
    {
        while (_inFlight.Count > 0) CompleteOldest();
    }

    private void WriteFinished()
    {
        while (_inFlight.Count > 0 && _inFlight.Peek().Task.IsCompleted) CompleteOldest();
    }

    private void CompleteOldest()
    {
        var next = _inFlight.Dequeue();
        _cmdlet.Pump.Wait(next.Task);
        try
        {
            if (next.Task.GetAwaiter().GetResult() is { } result) _cmdlet.WriteObject(result);
            _cmdlet.Progress?.Done();
        }
        catch (ApiException ex) when (!_cmdlet.CancelToken.IsCancellationRequested)
        {
            var (notFoundId, target) = ex.Kind == ApiFailureKind.NotFound ? next.NotFound(ex) : (ErrorIds.UnexpectedStatus, next.Target);
            _cmdlet.WriteError(ApiErrorTranslator.Translate(ex, target, notFoundId, next.Subject));
            _cmdlet.Progress?.Done(failed: true);
        }
    }
}
