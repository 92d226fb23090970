using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// How long to wait before the next attempt. Follows the official Snag SDK: the server's <c>retry-after-ms</c>, then
/// <c>Retry-After</c> (seconds or an HTTP date), otherwise 0.5 s doubling per retry, capped at 8 s, less up to 25 % jitter.
/// </summary>
internal static class RetryDelay
{
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(0.5);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

    /// <summary>The longest server-requested wait we honour; a longer one ends the retries rather than stall a runbook.</summary>
    public static readonly TimeSpan MaxServerDelay = TimeSpan.FromSeconds(60);

    [ThreadStatic] private static Random? _random;

    public static TimeSpan Backoff(int retryIndex)
    {
        var seconds = Math.Min(InitialBackoff.TotalSeconds * Math.Pow(2, retryIndex), MaxBackoff.TotalSeconds);
        var jitter = 1 - ((_random ??= new Random()).NextDouble() * 0.25);
        return TimeSpan.FromSeconds(seconds * jitter);
    }

    /// <summary>The wait the server asked for, or null when it did not say (or said something unreadable).</summary>
    public static TimeSpan? FromServer(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var msValues)
            && double.TryParse(msValues.FirstOrDefault(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
            && ms >= 0)
        {
            return TimeSpan.FromMilliseconds(ms);
        }

        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait;
        }

        return null;
    }
}
