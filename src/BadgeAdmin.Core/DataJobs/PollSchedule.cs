using System;
using System.Diagnostics;

namespace BadgeAdmin.Core.DataJobs;

/// <summary>
/// When to look again while waiting for something the server does in the background: soon at first (a small CSV is
/// processed in seconds), then every few seconds, and never past the deadline. One request per look serves up to 100
/// badges, so even a long wait costs a few requests a minute.
/// </summary>
public sealed class PollSchedule
{
    private static readonly TimeSpan[] Intervals = { TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(3), TimeSpan.FromSeconds(5) };

    private readonly Func<TimeSpan> _elapsed;
    private int _looks;

    /// <param name="timeout">How long the whole wait may take.</param>
    /// <param name="elapsed">The time since the wait began; a stopwatch started now unless given (tests give their own).</param>
    public PollSchedule(TimeSpan timeout, Func<TimeSpan>? elapsed = null)
    {
        if (timeout <= TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The timeout must be positive.");
        Timeout = timeout;
        if (elapsed is null)
        {
            var watch = Stopwatch.StartNew();
            elapsed = () => watch.Elapsed;
        }

        _elapsed = elapsed;
    }

    public TimeSpan Timeout { get; }

    public TimeSpan Elapsed => _elapsed();

    public TimeSpan Remaining => Timeout - Elapsed is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero;

    public bool Expired => Remaining == TimeSpan.Zero;

    /// <summary>How long to wait before the next look: 1, 2, 3, then 5 seconds, cut short by the deadline.</summary>
    public TimeSpan NextDelay()
    {
        var interval = Intervals[Math.Min(_looks++, Intervals.Length - 1)];
        var left = Remaining;
        return interval < left ? interval : left;
    }
}
