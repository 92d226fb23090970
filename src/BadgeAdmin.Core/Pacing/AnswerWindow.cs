using System;

namespace BadgeAdmin.Core.Pacing;

/// <summary>
/// How many answers a connection got in the last second, and how many of them were not rate limits: ten buckets of
/// 100 ms, so counting costs the same at 10 or 10,000 requests a second. Not thread-safe: the pacer locks around it.
/// </summary>
internal sealed class AnswerWindow
{
    public const double Seconds = 1.0;
    private const int Buckets = 10;
    private const double BucketSeconds = Seconds / Buckets;

    private readonly long[] _slot = new long[Buckets];
    private readonly int[] _answers = new int[Buckets];
    private readonly int[] _accepted = new int[Buckets];

    public AnswerWindow()
    {
        for (var i = 0; i < Buckets; i++) _slot[i] = long.MinValue;
    }

    public void Add(double now, bool accepted)
    {
        var slot = Slot(now);
        var i = Index(slot);
        if (_slot[i] != slot)
        {
            _slot[i] = slot;
            _answers[i] = 0;
            _accepted[i] = 0;
        }

        _answers[i]++;
        if (accepted) _accepted[i]++;
    }

    /// <summary>Answers not rate limited in the last second: requests the server let through, per second.</summary>
    public double AcceptedRate(double now)
    {
        var total = 0;
        var current = Slot(now);
        for (var i = 0; i < Buckets; i++)
        {
            if (current - _slot[i] < Buckets) total += _accepted[i];
        }

        return total / Seconds;
    }

    /// <summary>
    /// Answers per second while answers came in: over the last second, or since the oldest answer in it when the
    /// connection has been busy for less (at least 50 ms, so the first few answers do not look like a flood).
    /// </summary>
    public double AnswerRate(double now)
    {
        var total = 0;
        var oldest = long.MaxValue;
        var current = Slot(now);
        for (var i = 0; i < Buckets; i++)
        {
            if (current - _slot[i] >= Buckets || _answers[i] == 0) continue;
            total += _answers[i];
            oldest = Math.Min(oldest, _slot[i]);
        }

        if (total == 0) return 0;
        var span = Math.Min(Seconds, Math.Max(0.05, now - (oldest * BucketSeconds)));
        return total / span;
    }

    private static long Slot(double now) => (long)Math.Floor(now / BucketSeconds);

    private static int Index(long slot) => (int)(((slot % Buckets) + Buckets) % Buckets);
}
