using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// A pause shared by every request of one connection. When the server rate-limits one request, all requests in
/// flight wait out the same Retry-After, so concurrent workers slow down together instead of storming the API.
/// </summary>
internal sealed class RetryGate
{
    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private long _resumeAtTicks;

    public void PauseFor(TimeSpan wait)
    {
        var resumeAt = Clock.Elapsed.Ticks + wait.Ticks;
        long current;
        do
        {
            current = Interlocked.Read(ref _resumeAtTicks);
            if (current >= resumeAt) return;
        }
        while (Interlocked.CompareExchange(ref _resumeAtTicks, resumeAt, current) != current);
    }

    /// <summary>What is left of the shared pause, or zero.</summary>
    public TimeSpan Remaining
    {
        get
        {
            var left = Interlocked.Read(ref _resumeAtTicks) - Clock.Elapsed.Ticks;
            return left > 0 ? TimeSpan.FromTicks(left) : TimeSpan.Zero;
        }
    }

    /// <summary>Waits out the shared pause, if any, once; a pause extended meanwhile applies to the next attempt.</summary>
    public Task WaitAsync(Func<TimeSpan, CancellationToken, Task> delay, CancellationToken cancellationToken)
    {
        var remaining = Remaining;
        return remaining > TimeSpan.Zero ? delay(remaining, cancellationToken) : Task.CompletedTask;
    }
}
