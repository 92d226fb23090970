using System;
using System.Globalization;
using System.Linq;
using System.Net.Http;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// The waits the retry rules are made of. Follows the official Snag SDK: the server's <c>retry-after-ms</c>, then
/// <c>Retry-After</c> (seconds or an HTTP date), and a backoff of 0.5 s doubling per retry, capped at 8 s, less up to
/// 25 % jitter (which <see cref="RetryAllowance"/> makes the floor of every retry).
/// </summary>
internal static class RetryDelay
{
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(0.5);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(8);

    /// <summary>
    /// What <see cref="FromServer"/> answers for a wait it cannot honour: unreadable (<c>abc</c>, <c>NaN</c>) or absurd
    /// (<c>Infinity</c>, <c>1e300</c>). It is longer than any wait budget, so it is reported rather than waited.
    /// </summary>
    public static readonly TimeSpan Unusable = TimeSpan.MaxValue;

    /// <summary>Beyond this a stated wait is absurd, whatever the budget (a day).</summary>
    private static readonly TimeSpan Absurd = TimeSpan.FromDays(1);

    [ThreadStatic] private static Random? _random;

    public static TimeSpan Backoff(int retryIndex) => Backoff(retryIndex, InitialBackoff);

    /// <summary><paramref name="initial"/> doubling per retry, capped at <see cref="MaxBackoff"/>, less up to 25 % jitter.</summary>
    public static TimeSpan Backoff(int retryIndex, TimeSpan initial)
    {
        var seconds = Math.Min(initial.TotalSeconds * Math.Pow(2, Math.Min(retryIndex, 16)), MaxBackoff.TotalSeconds);
        var jitter = 1 - ((_random ??= new Random()).NextDouble() * 0.25);
        return TimeSpan.FromSeconds(seconds * jitter);
    }

    /// <summary>
    /// The wait the server asked for; null when it did not say; <see cref="Unusable"/> when it said something that
    /// cannot be waited for (see <see cref="StatedWait"/> for the text).
    /// </summary>
    public static TimeSpan? FromServer(HttpResponseMessage response, DateTimeOffset now)
    {
        if (response.Headers.TryGetValues("retry-after-ms", out var msValues))
        {
            if (!double.TryParse(msValues.FirstOrDefault()?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var ms)
                || double.IsNaN(ms) || double.IsInfinity(ms) || ms > Absurd.TotalMilliseconds)
            {
                return Unusable;
            }

            return ms <= 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(ms);
        }

        if (!response.Headers.TryGetValues("Retry-After", out var raw)) return null;
        var retryAfter = response.Headers.RetryAfter;
        if (retryAfter?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta > Absurd ? Unusable : delta;
        if (retryAfter?.Date is { } date)
        {
            var wait = date - now;
            return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > Absurd ? Unusable : wait;
        }

        return raw.Any(v => !string.IsNullOrWhiteSpace(v)) ? Unusable : null;
    }

    /// <summary>The server's own words for the wait (the header as sent, trimmed and shortened), for messages.</summary>
    public static string? StatedWait(HttpResponseMessage response)
    {
        foreach (var name in new[] { "retry-after-ms", "Retry-After" })
        {
            if (response.Headers.TryGetValues(name, out var values) && values.FirstOrDefault() is { } value)
            {
                var text = ApiErrorBody.Printable(value.Trim());
                return $"{name}: {(text.Length > 40 ? text.Substring(0, 40) + "…" : text)}";
            }
        }

        return null;
    }
}
