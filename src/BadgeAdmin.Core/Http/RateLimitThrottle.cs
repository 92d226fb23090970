using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// How many requests of one connection may be in flight, lowered while the server answers 429 and raised again as
/// requests succeed (halve on a rate limit, add one per round of successes). A rate-limited request waits out its own
/// Retry-After; the others carry on at the lower concurrency instead of all stopping for each 429.
/// </summary>
internal sealed class RateLimitThrottle
{
    /// <summary>
    /// No limit of its own: above anything a connection runs (-ThrottleLimit, times the parallel runspaces sharing
    /// it), so only a rate limit lowers concurrency.
    /// </summary>
    public const int Unlimited = 1024;

    /// <summary>429s arriving together (one burst of concurrent requests) lower the limit once, not once each.</summary>
    private static readonly TimeSpan CutInterval = TimeSpan.FromSeconds(1);

    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private readonly Queue<TaskCompletionSource<bool>> _waiting = new();
    private double _limit = Unlimited;
    private int _running;
    private TimeSpan? _lastCut;

    /// <summary>Requests allowed in flight now.</summary>
    public int Limit
    {
        get
        {
            lock (_gate) return (int)_limit;
        }
    }

    /// <summary>Waits for a turn to send; dispose the result when the attempt is over.</summary>
    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        TaskCompletionSource<bool> turn;
        lock (_gate)
        {
            if (_waiting.Count == 0 && _running < (int)_limit)
            {
                _running++;
                return new Permit(this);
            }

            turn = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue(turn);
        }

        // A cancelled waiter stays queued; the release that reaches it finds it cancelled and passes the turn on.
        using (cancellationToken.Register(static state => ((TaskCompletionSource<bool>)state!).TrySetCanceled(), turn))
        {
            await turn.Task.ConfigureAwait(false);
        }

        return new Permit(this);
    }

    /// <summary>The server answered 429: halve what is in flight (at least one request keeps going).</summary>
    public void RateLimited()
    {
        lock (_gate)
        {
            var now = Clock.Elapsed;
            if (_lastCut is { } last && now - last < CutInterval) return;
            _lastCut = now;
            _limit = Math.Max(1, Math.Floor(Math.Min(_limit, _running) / 2));
        }
    }

    /// <summary>A request got an answer that was not a rate limit: one more in flight per round of successes.</summary>
    public void Succeeded()
    {
        lock (_gate)
        {
            if (_limit >= Unlimited) return;
            _limit = Math.Min(Unlimited, _limit + (1 / Math.Floor(_limit)));
            Admit();
        }
    }

    private void Release()
    {
        lock (_gate)
        {
            _running--;
            Admit();
        }
    }

    // Under the lock. Continuations run asynchronously, so nothing runs inside it.
    private void Admit()
    {
        while (_running < (int)_limit && _waiting.Count > 0)
        {
            if (_waiting.Dequeue().TrySetResult(true)) _running++;
        }
    }

    private sealed class Permit : IDisposable
    {
        private RateLimitThrottle? _owner;

        public Permit(RateLimitThrottle owner) => _owner = owner;

        public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Release();
    }
}
