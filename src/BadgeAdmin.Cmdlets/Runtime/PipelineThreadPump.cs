using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using System.Management.Automation;
using BadgeAdmin.Core.Diagnostics;

namespace BadgeAdmin.Cmdlets.Runtime;

/// <summary>
/// Runs async client work off the pipeline thread and blocks the pipeline thread on it, relaying what the HTTP
/// pipeline reports (verbose lines, retry warnings, debug bodies) as it happens. PowerShell only accepts writes on
/// the pipeline thread, so handlers queue messages here and this pump writes them from that thread.
/// </summary>
internal sealed class PipelineThreadPump : IRequestObserver, IDisposable
{
    private enum Stream { Verbose, Warning, Debug }

    /// <summary>How often <see cref="Idle"/> runs while the pipeline thread waits.</summary>
    private const int IdleMilliseconds = 250;

    private readonly ConcurrentQueue<(Stream Stream, string Text)> _messages = new();
    private readonly AutoResetEvent _wake = new(false);
    private readonly Cmdlet _cmdlet;
    private int _retries;

    public PipelineThreadPump(Cmdlet cmdlet, bool wantsBodies)
    {
        _cmdlet = cmdlet;
        WantsBodies = wantsBodies;
    }

    public bool WantsBodies { get; }

    /// <summary>Runs on the pipeline thread whenever it wakes while waiting, and at least every 250 ms (progress).</summary>
    public Action? Idle { get; set; }

    /// <summary>Retries the requests of this pump have waited for so far.</summary>
    public int Retries => Volatile.Read(ref _retries);

    void IRequestObserver.RequestCompleted(string summary) => Post(Stream.Verbose, summary);

    void IRequestObserver.Detail(string text) => Post(Stream.Debug, text);

    void IRequestObserver.Retrying(string notice)
    {
        Interlocked.Increment(ref _retries);
        Post(Stream.Warning, notice);
    }

    /// <summary>Runs <paramref name="work"/> on the thread pool and waits for it here, writing its messages meanwhile.</summary>
    public T Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var task = Start(work, cancellationToken);
        Wait(task);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>Starts <paramref name="work"/> on the thread pool, reporting to this pump; several may run at once.</summary>
    public Task<T> Start<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        Task<T> task;
        using (RequestObserverScope.Begin(this))
        {
            // Task.Run: no continuation can ever need this (blocked) thread, whatever synchronization context a host installs.
            task = Task.Run(() => work(cancellationToken), cancellationToken);
        }

        task.ContinueWith(static (_, wake) => ((AutoResetEvent)wake!).Set(), _wake, CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return task;
    }

    /// <summary>Blocks the pipeline thread until <paramref name="task"/> ends, writing every message that arrives meanwhile.</summary>
    public void Wait(Task task) => WaitUntil(() => task.IsCompleted);

    /// <summary>
    /// Blocks the pipeline thread until <paramref name="done"/> says so, writing every message that arrives meanwhile.
    /// It is asked again whenever a task started here ends or a message arrives.
    /// </summary>
    public void WaitUntil(Func<bool> done)
    {
        while (!done())
        {
            if (Idle is null) _wake.WaitOne();
            else _wake.WaitOne(IdleMilliseconds);
            Drain();
            Idle?.Invoke();
        }

        Drain();
    }

    public void Run(Func<CancellationToken, Task> work, CancellationToken cancellationToken) =>
        Run(async token =>
        {
            await work(token).ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Streams an async sequence onto the pipeline thread: each item is handed to <paramref name="each"/> as soon as
    /// it arrives, until it answers false. When the consumer stops early (-First, Select-Object -First), disposing
    /// the enumerator stops the paging: no further page is requested.
    /// </summary>
    public void ForEach<T>(IAsyncEnumerable<T> source, CancellationToken cancellationToken, Func<T, bool> each)
    {
        var enumerator = source.GetAsyncEnumerator(cancellationToken);
        Task<bool>? moving = null;
        try
        {
            while (true)
            {
                // Called here, not on the thread pool: an item already read (the rest of a page) comes back at once,
                // with no thread hop per item. Only a move that must wait (the next page) is waited for, messages and
                // all. The core awaits with ConfigureAwait(false), so nothing it continues needs this thread.
                ValueTask<bool> move;
                using (RequestObserverScope.Begin(this)) move = enumerator.MoveNextAsync();
                bool more;
                if (move.IsCompletedSuccessfully)
                {
                    more = move.Result;
                    Drain();
                }
                else
                {
                    moving = move.AsTask();
                    moving.ContinueWith(static (_, wake) => ((AutoResetEvent)wake!).Set(), _wake, CancellationToken.None,
                        TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
                    Wait(moving);
                    more = moving.GetAwaiter().GetResult();
                    moving = null;
                }

                if (!more || !each(enumerator.Current)) break;
            }
        }
        finally
        {
            // A write that failed while a page was still being read leaves the iterator running, and disposing a
            // running async iterator throws NotSupportedException, which would hide the real error: let it finish.
            if (moving is { IsCompleted: false }) ((IAsyncResult)moving).AsyncWaitHandle.WaitOne();
            Run(_ => enumerator.DisposeAsync().AsTask(), CancellationToken.None);
        }
    }

    private void Post(Stream stream, string text)
    {
        _messages.Enqueue((stream, text));
        _wake.Set();
    }

    private void Drain()
    {
        while (_messages.TryDequeue(out var message))
        {
            switch (message.Stream)
            {
                case Stream.Verbose:
                    MessageStreams.Verbose(_cmdlet, message.Text);
                    break;
                case Stream.Warning:
                    MessageStreams.Warning(_cmdlet, message.Text);
                    break;
                default:
                    MessageStreams.Debug(_cmdlet, message.Text);
                    break;
            }
        }
    }

    public void Dispose() => _wake.Dispose();
}
