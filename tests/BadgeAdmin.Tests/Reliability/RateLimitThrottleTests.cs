using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Tests.Reliability;

/// <summary>The connection's concurrency under rate limits: halved when 429s arrive, raised again by successes.</summary>
public sealed class RateLimitThrottleTests
{
    [Fact]
    public async Task A_rate_limit_halves_what_is_in_flight_and_successes_raise_it_again()
    {
        var throttle = new RateLimitThrottle();
        var permits = new List<IDisposable>();
        for (var i = 0; i < 16; i++) permits.Add(await throttle.EnterAsync(CancellationToken.None));
        Assert.Equal(RateLimitThrottle.Unlimited, throttle.Limit);

        throttle.RateLimited();
        throttle.RateLimited(); // the same burst: lowered once
        Assert.Equal(8, throttle.Limit);

        permits.ForEach(p => p.Dispose());
        for (var i = 0; i < 8; i++) throttle.Succeeded();
        Assert.Equal(9, throttle.Limit);
    }

    [Fact]
    public async Task A_request_over_the_limit_waits_for_a_turn_and_can_be_cancelled()
    {
        var throttle = new RateLimitThrottle();
        var first = await throttle.EnterAsync(CancellationToken.None);
        throttle.RateLimited(); // one in flight: the limit is one
        using var stop = new CancellationTokenSource();

        var cancelled = throttle.EnterAsync(stop.Token);
        var waiting = throttle.EnterAsync(CancellationToken.None);
        Assert.False(waiting.IsCompleted);
        stop.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);

        first.Dispose();
        var second = await waiting.WaitAsync(TimeSpan.FromSeconds(5));
        second.Dispose();
        Assert.Equal(1, throttle.Limit);
    }
}
