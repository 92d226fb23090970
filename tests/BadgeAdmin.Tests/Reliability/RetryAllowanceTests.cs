using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Tests.Reliability;

/// <summary>
/// The retry rules of one request, without HTTP: which failures are retried how often, and the wait before each. The
/// fault matrix (<see cref="FaultMatrixTests"/>) and the engine tests check the same rules end to end.
/// </summary>
public sealed class RetryAllowanceTests
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(60);

    [Fact]
    public void A_5xx_is_retried_MaxRetries_times_whatever_its_Retry_After_says_each_wait_at_least_a_growing_floor()
    {
        var allowance = new RetryAllowance(4, Budget);
        var waits = new List<double>();
        while (allowance.ForStatus(503, TimeSpan.Zero, out var refusal) is { } wait)
        {
            Assert.Null(refusal);
            waits.Add(wait.TotalSeconds);
            allowance.Spend(wait, counted: true);
        }

        Assert.Equal(4, waits.Count);
        var floors = new[] { 0.5, 1, 2, 4 };
        for (var i = 0; i < 4; i++) Assert.InRange(waits[i], floors[i] * 0.75, floors[i]); // less up to 25 % jitter
    }

    [Fact]
    public void A_5xx_asking_for_a_longer_wait_gets_it_but_no_more_retries()
    {
        var allowance = new RetryAllowance(2, Budget);
        var first = allowance.ForStatus(503, TimeSpan.FromSeconds(3), out _)!.Value;
        allowance.Spend(first, counted: true);
        var second = allowance.ForStatus(503, TimeSpan.FromSeconds(3), out _)!.Value;
        allowance.Spend(second, counted: true);

        Assert.Equal((3.0, 3.0), (first.TotalSeconds, second.TotalSeconds));
        Assert.Null(allowance.ForStatus(503, TimeSpan.FromSeconds(3), out var refusal));
        Assert.Null(refusal); // the retries are used up; the budget is not the reason
    }

    [Fact]
    public void A_429_is_retried_past_MaxRetries_while_the_waits_fit_the_budget()
    {
        var allowance = new RetryAllowance(1, TimeSpan.FromSeconds(10));
        var waits = new List<double>();
        StopNote? refusal;
        while (allowance.ForStatus(429, null, out refusal) is { } wait)
        {
            waits.Add(wait.TotalSeconds);
            allowance.Spend(wait, counted: false);
        }

        // About 0.5 + 1 + 2 + 4 s (at most 7.5 s with the jitter); a fifth, at least 6 s, cannot fit 10 s.
        Assert.Equal(4, waits.Count);
        Assert.True(waits.Sum() <= 10);
        Assert.Equal(ConnectionLimit.MaxRetryWait, refusal!.Limit);
        Assert.StartsWith("It waited ", refusal.Describe("-MaxRetryWaitSec"));
        Assert.Contains("the retry wait budget (-MaxRetryWaitSec 10 s)", refusal.Describe("-MaxRetryWaitSec"));
    }

    [Fact]
    public void A_429_asking_for_no_wait_still_waits_the_floor()
    {
        var allowance = new RetryAllowance(4, Budget);

        var wait = allowance.ForStatus(429, TimeSpan.Zero, out _)!.Value;

        Assert.InRange(wait.TotalSeconds, 0.4, 0.5);
    }

    [Fact]
    public void A_wait_the_server_asks_for_beyond_the_budget_is_refused_naming_it()
    {
        var allowance = new RetryAllowance(4, Budget);

        Assert.Null(allowance.ForStatus(429, TimeSpan.FromSeconds(120), out var refusal));

        Assert.Equal(ConnectionLimit.MaxRetryWait, refusal!.Limit);
        Assert.Equal("The server asked to wait 120 s, which is over the 60 s retry wait budget (-MaxRetryWaitSec), so it was not waited.", refusal.Describe("-MaxRetryWaitSec"));
    }

    [Fact]
    public void Waits_are_whole_tenths_of_a_second()
    {
        for (var i = 0; i < 50; i++)
        {
            var floor = new RetryAllowance(4, Budget).ForStatus(429, null, out _)!.Value.TotalSeconds * 10;
            Assert.Equal(Math.Round(floor), floor, 9);
            Assert.Equal(1.3, new RetryAllowance(4, Budget).ForStatus(503, TimeSpan.FromMilliseconds(1234), out _)!.Value.TotalSeconds, 9);
        }
    }

    [Fact]
    public void A_refused_connection_is_retried_twice_briefly_and_an_unresolvable_host_not_at_all()
    {
        var refused = new RetryAllowance(4, Budget);
        var waits = new List<double>();
        while (refused.ForConnection(ConnectionProblem.Refused) is { } wait)
        {
            waits.Add(wait.TotalSeconds);
            refused.Spend(wait, counted: true);
        }

        Assert.Equal(2, waits.Count);
        Assert.True(waits.Sum() <= 0.8, $"waited {waits.Sum()} s");
        Assert.Null(new RetryAllowance(4, Budget).ForConnection(ConnectionProblem.Unresolvable));
        var once = new RetryAllowance(1, Budget); // and never more often than MaxRetries
        once.Spend(once.ForConnection(ConnectionProblem.Refused)!.Value, counted: true);
        Assert.Null(once.ForConnection(ConnectionProblem.Refused));
    }

    [Fact]
    public void A_dropped_connection_is_retried_MaxRetries_times_with_the_growing_floor()
    {
        var allowance = new RetryAllowance(3, Budget);
        var waits = new List<double>();
        while (allowance.ForConnection(ConnectionProblem.Dropped) is { } wait)
        {
            waits.Add(wait.TotalSeconds);
            allowance.Spend(wait, counted: true);
        }

        Assert.Equal(3, waits.Count);
        Assert.True(waits[0] < waits[1] && waits[1] < waits[2]);
    }
}
