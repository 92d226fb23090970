namespace BadgeAdmin.Sandbox.Control;

/// <summary>
/// A token bucket: holds up to <see cref="Capacity"/> tokens, gains <see cref="PerSecond"/> a second, and each request
/// admitted takes one. Starts full, so a client can send a burst of <see cref="Capacity"/> at once. Not thread-safe:
/// <see cref="RateLimiter"/> locks around it.
/// </summary>
public sealed class TokenBucket
{
    private double _tokens;
    private double _at;

    public TokenBucket(double perSecond, double capacity, double now)
    {
        if (perSecond <= 0) throw new ArgumentOutOfRangeException(nameof(perSecond));
        if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
        PerSecond = perSecond;
        Capacity = capacity;
        _tokens = capacity;
        _at = now;
    }

    public double PerSecond { get; }

    public double Capacity { get; }

    /// <summary>Takes a token if there is one at <paramref name="now"/> (seconds); otherwise says how long until the next.</summary>
    public bool TryTake(double now, out TimeSpan untilNext)
    {
        if (now > _at)
        {
            _tokens = Math.Min(Capacity, _tokens + ((now - _at) * PerSecond));
            _at = now;
        }

        if (_tokens >= 1)
        {
            _tokens -= 1;
            untilNext = TimeSpan.Zero;
            return true;
        }

        untilNext = TimeSpan.FromSeconds((1 - _tokens) / PerSecond);
        return false;
    }
}
