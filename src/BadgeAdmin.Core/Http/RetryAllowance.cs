using System;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// What one request may still spend on retries, and how long each retry waits.
/// <list type="bullet">
/// <item>A rate limit (429) is retried while the waits fit the wait budget.</item>
/// <item>Any other retryable status (408, 5xx) and a dropped connection are retried at most MaxRetries times, whatever
/// the server's Retry-After says, and within the same budget.</item>
/// <item>A refused connection is retried at most twice, briefly (0.25 s, then 0.5 s); a host name that does not
/// resolve is not retried.</item>
/// <item>Every retry waits at least a floor that doubles with each retry of the request (0.5 s, 1, 2, 4, up to 8 s, less
/// up to 25 % jitter), even when the server asks for no wait; a longer wait the server asks for is waited instead.</item>
/// </list>
/// Waits are whole tenths of a second, so the warning that announces one states it exactly.
/// </summary>
internal sealed class RetryAllowance
{
    /// <summary>The most retries of a refused connection, whatever MaxRetries allows beyond it.</summary>
    public const int RefusedRetries = 2;
    private static readonly TimeSpan RefusedBackoff = TimeSpan.FromSeconds(0.25);

    private readonly int _maxRetries;
    private readonly TimeSpan _budget;

    public RetryAllowance(int maxRetries, TimeSpan budget)
    {
        _maxRetries = maxRetries;
        _budget = budget;
    }

    /// <summary>Retries so far, of every kind.</summary>
    public int Retries { get; private set; }

    /// <summary>Retries counted against MaxRetries (all but rate limits).</summary>
    public int CountedRetries { get; private set; }

    /// <summary>Waited between attempts so far.</summary>
    public TimeSpan Waited { get; private set; }

    public int MaxRetries => _maxRetries;

    public TimeSpan Budget => _budget;

    /// <summary>
    /// The wait before retrying a retryable <paramref name="status"/>, or null when it is not retried; then
    /// <paramref name="refusal"/> says why when the reason is the wait budget (null when the retries are used up).
    /// </summary>
    public TimeSpan? ForStatus(int status, TimeSpan? asked, out StopNote? refusal)
    {
        refusal = null;
        var rateLimit = status == 429;
        if (!rateLimit && CountedRetries >= _maxRetries) return null;
        var floor = RetryDelay.Backoff(Retries);
        var wait = Tenths(asked is { } stated && stated > floor ? stated : floor);
        if (Waited + wait <= _budget) return wait;

        refusal = asked is { } said && said > floor ? StopNote.WaitOverBudget(said, Waited, _budget) : StopNote.BudgetSpent(Waited, _budget);
        return null;
    }

    /// <summary>The wait before retrying after a connection <paramref name="problem"/>, or null when it is not retried.</summary>
    public TimeSpan? ForConnection(ConnectionProblem problem)
    {
        if (problem == ConnectionProblem.Unresolvable) return null;
        TimeSpan wait;
        if (problem == ConnectionProblem.Refused)
        {
            if (Retries >= Math.Min(_maxRetries, RefusedRetries)) return null;
            wait = Tenths(RetryDelay.Backoff(Retries, RefusedBackoff));
        }
        else
        {
            if (CountedRetries >= _maxRetries) return null;
            wait = Tenths(RetryDelay.Backoff(Retries));
        }

        return Waited + wait <= _budget ? wait : null;
    }

    /// <summary>Records a retry about to wait <paramref name="wait"/>; <paramref name="counted"/> unless it is a rate limit's.</summary>
    public void Spend(TimeSpan wait, bool counted)
    {
        Retries++;
        if (counted) CountedRetries++;
        Waited += wait;
    }

    /// <summary>Rounded up to a tenth of a second (and at least one tenth).</summary>
    private static TimeSpan Tenths(TimeSpan wait) =>
        TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(Math.Round(wait.TotalSeconds * 10, 6))) / 10);
}
