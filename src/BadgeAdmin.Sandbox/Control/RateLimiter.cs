using System.Diagnostics;

namespace BadgeAdmin.Sandbox.Control;

/// <summary>
/// The sandbox's rate limit: at most <see cref="PerSecond"/> API requests a second per service (one token bucket for
/// PartnerPage, one for Snag), with bursts up to <see cref="Burst"/>; 0 turns it off. Control routes are never counted.
/// What a refused request is told about waiting is <see cref="RetryAfter"/>'s: real services' habits are unknown.
/// </summary>
public sealed class RateLimiter
{
    /// <summary>No Retry-After header at all (what Snag documents: only the 429 body).</summary>
    public const string NoRetryAfter = "none";

    /// <summary>Retry-After: whole seconds until the next request would be admitted (at least 1).</summary>
    public const string RetryAfterSeconds = "seconds";

    /// <summary>retry-after-ms: milliseconds until the next request would be admitted (the official SDK reads it first).</summary>
    public const string RetryAfterMilliseconds = "retry-after-ms";

    public static readonly string[] RetryAfterStyles = { NoRetryAfter, RetryAfterSeconds, RetryAfterMilliseconds };

    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private readonly Func<double> _now;
    private readonly Dictionary<ApiService, TokenBucket> _buckets = new();
    private int _perSecond;
    private int? _burst;
    private string _retryAfter = NoRetryAfter;

    public RateLimiter()
        : this(() => Clock.Elapsed.TotalSeconds)
    {
    }

    /// <param name="now">Seconds on a monotonic clock (tests give their own).</param>
    public RateLimiter(Func<double> now) => _now = now;

    /// <summary>Requests a second each service admits; 0 = no limit.</summary>
    public int PerSecond
    {
        get
        {
            lock (_gate) return _perSecond;
        }
    }

    /// <summary>The most requests admitted at once after a quiet spell; null = one second's worth (<see cref="PerSecond"/>).</summary>
    public int? Burst
    {
        get
        {
            lock (_gate) return _burst;
        }
    }

    /// <summary>One of <see cref="RetryAfterStyles"/>.</summary>
    public string RetryAfter
    {
        get
        {
            lock (_gate) return _retryAfter;
        }
    }

    /// <summary>Sets the limit (and empties nothing: every service starts again with a full bucket).</summary>
    public void Configure(int perSecond, int? burst, string retryAfter)
    {
        if (perSecond < 0) throw new ArgumentOutOfRangeException(nameof(perSecond));
        if (burst is < 1) throw new ArgumentOutOfRangeException(nameof(burst));
        if (!RetryAfterStyles.Contains(retryAfter)) throw new ArgumentOutOfRangeException(nameof(retryAfter));
        lock (_gate)
        {
            _perSecond = perSecond;
            _burst = burst;
            _retryAfter = retryAfter;
            _buckets.Clear();
        }
    }

    /// <summary>
    /// Admits one request to <paramref name="service"/>, or says it is over the limit and how long until the next
    /// would be admitted.
    /// </summary>
    public bool TryAdmit(ApiService service, out TimeSpan untilNext)
    {
        untilNext = TimeSpan.Zero;
        if (service == ApiService.None) return true;
        lock (_gate)
        {
            if (_perSecond == 0) return true;
            var now = _now();
            if (!_buckets.TryGetValue(service, out var bucket))
            {
                bucket = new TokenBucket(_perSecond, _burst ?? _perSecond, now);
                _buckets[service] = bucket;
            }

            return bucket.TryTake(now, out untilNext);
        }
    }
}
