using BadgeAdmin.Core.Pacing;

namespace BadgeAdmin.Tests.Reliability;

/// <summary>
/// The connection's pacer on a clock of its own: nothing paced before a 429; a run of 429s sets the pace from the share
/// refused; send times one interval apart; growth back to the estimate and past it; 429s that pacing cannot stop (a
/// server refusing a share whatever the rate) never slow the connection for long.
/// </summary>
public sealed class SendRatePacerTests
{
    private double _now = 100;
    private readonly List<double> _delays = new();

    private SendRatePacer Pacer() => new(() => _now, (wait, _) =>
    {
        _delays.Add(wait.TotalSeconds);
        return Task.CompletedTask;
    });

    /// <summary>Answers at <paramref name="perSecond"/>, each refused when <paramref name="refused"/> says so, from one generation.</summary>
    private void Answer(SendRatePacer pacer, int generation, int count, double perSecond, Func<int, bool> refused)
    {
        for (var i = 0; i < count; i++)
        {
            _now += 1 / perSecond;
            pacer.Answered(generation, refused(i));
        }
    }

    [Fact]
    public async Task Nothing_is_paced_before_a_rate_limit()
    {
        var pacer = Pacer();
        for (var i = 0; i < 1000; i++) Assert.Equal(0, await pacer.WaitTurnAsync(CancellationToken.None));
        Answer(pacer, 0, 1000, 800, _ => false);

        Assert.Null(pacer.RequestsPerSecond);
        Assert.Empty(_delays);
        Assert.Equal(0, pacer.RateLimitedAnswers);
    }

    [Fact]
    public async Task A_first_run_of_429s_paces_at_ninety_percent_of_what_the_server_let_through_in_the_last_second()
    {
        var pacer = Pacer();
        Answer(pacer, 0, 250, 250, _ => false); // a second at 250 requests/s, all let through
        Answer(pacer, 0, 15, 250, i => i % 2 == 0); // then 8 of 15 refused: no decision before 16 answers
        Assert.Null(pacer.RequestsPerSecond);

        Answer(pacer, 0, 1, 250, _ => false); // the 16th

        // About 240 let through in the last second (the window's edge is a tenth of a second wide).
        var rate = Assert.IsType<double>(pacer.RequestsPerSecond);
        Assert.InRange(rate, 0.9 * 225, 0.9 * 250);
        Assert.Equal(8, pacer.RateLimitedAnswers);
        Assert.Equal(1, await pacer.WaitTurnAsync(CancellationToken.None)); // a new generation
    }

    [Fact]
    public async Task Turns_are_spread_one_interval_apart()
    {
        var pacer = Pacer();
        Answer(pacer, 0, 400, 400, _ => false);
        Answer(pacer, 0, 16, 400, i => i % 2 == 0);
        var rate = pacer.RequestsPerSecond!.Value;

        for (var i = 0; i < 10; i++) await pacer.WaitTurnAsync(CancellationToken.None);

        Assert.Equal(9, _delays.Count); // the first goes at once
        for (var i = 0; i < _delays.Count; i++) Assert.Equal((i + 1) / rate, _delays[i], 1e-6);
    }

    [Fact]
    public void Answers_to_what_was_sent_at_an_earlier_rate_do_not_cut_it_again()
    {
        var pacer = Pacer();
        Answer(pacer, 0, 400, 400, _ => false);
        Answer(pacer, 0, 16, 400, i => i % 2 == 0);
        var rate = pacer.RequestsPerSecond!.Value;

        Answer(pacer, 0, 32, 400, _ => true); // still in flight at the cut: all refused, and already acted on

        Assert.InRange(pacer.RequestsPerSecond!.Value, rate, rate + 1); // grown a little meanwhile, not cut
    }

    [Fact]
    public void The_rate_grows_back_to_the_estimate_in_about_three_seconds_then_probes_above_it()
    {
        var pacer = Pacer();
        Answer(pacer, 0, 400, 400, _ => false);
        Answer(pacer, 0, 16, 400, i => i % 2 == 0);
        var start = pacer.RequestsPerSecond!.Value;
        var estimate = start / 0.9;

        _now += 1;
        Assert.Equal(start + (0.03 * estimate), pacer.RequestsPerSecond!.Value, 6);
        _now += 2.4;
        Assert.InRange(pacer.RequestsPerSecond!.Value, estimate, estimate * 1.01);
        _now += 10;
        Assert.InRange(pacer.RequestsPerSecond!.Value, estimate * 1.3, estimate * 1.31);
    }

    [Fact]
    public void Still_too_fast_after_a_cut_it_cuts_again_from_the_new_share()
    {
        var pacer = Pacer();
        Answer(pacer, 0, 400, 400, _ => false);
        Answer(pacer, 0, 16, 400, i => i < 4); // a quarter refused: 300/s accepted, paced at 270
        var first = pacer.RequestsPerSecond!.Value;

        Answer(pacer, 1, 16, first, i => i < 2); // at 270/s, 2 of 16 refused

        var second = pacer.RequestsPerSecond!.Value;
        Assert.InRange(second, first * (14.0 / 16) * 0.9 * 0.98, first * (14.0 / 16) * 0.9 * 1.05);
    }

    [Fact]
    public void Rate_limits_that_pacing_cannot_stop_leave_the_connection_unpaced_for_ten_seconds_then_twenty()
    {
        var pacer = Pacer();
        Answer(pacer, 0, 400, 400, _ => false);
        // A server that refuses one request in four however slowly they come: each cut is followed by as many 429s.
        for (var generation = 0; generation < 5; generation++)
        {
            Answer(pacer, generation, 16, pacer.RequestsPerSecond ?? 400, i => i % 4 == 0);
            Assert.NotNull(pacer.RequestsPerSecond);
        }

        Answer(pacer, 5, 16, pacer.RequestsPerSecond!.Value, i => i % 4 == 0); // a sixth cut is not made: back to the start
        Assert.Null(pacer.RequestsPerSecond);
        Answer(pacer, 6, 3600, 400, i => i % 4 == 0); // nine seconds of them
        Assert.Null(pacer.RequestsPerSecond);

        Answer(pacer, 6, 440, 400, _ => false); // past the ten seconds
        for (var generation = 6; generation < 12; generation++) Answer(pacer, generation, 16, pacer.RequestsPerSecond ?? 400, i => i % 4 == 0);
        Assert.Null(pacer.RequestsPerSecond); // the same again: given up, now for twice as long
        Answer(pacer, 12, 7600, 400, i => i % 4 == 0);
        Assert.Null(pacer.RequestsPerSecond);
    }

    [Fact]
    public void A_slow_connection_gives_up_on_429s_that_pacing_cannot_stop_as_a_fast_one_does()
    {
        var pacer = Pacer();
        Answer(pacer, 0, 40, 8, _ => false); // five seconds at 8 requests a second
        // One in ten refused whatever the rate, at a few requests a second: 16 answers take longer than 3 s, yet each
        // cut is followed by 429s as soon as by the fast connection's, so it is the same run of cuts.
        for (var generation = 0; generation < 5; generation++)
        {
            Answer(pacer, generation, 30, pacer.RequestsPerSecond ?? 8, i => i % 10 == 9);
            Assert.NotNull(pacer.RequestsPerSecond);
        }

        Answer(pacer, 5, 30, pacer.RequestsPerSecond!.Value, i => i % 10 == 9);
        Assert.Null(pacer.RequestsPerSecond); // given up: the 429s are left to the retries
    }

    [Fact]
    public void A_cut_after_a_quiet_spell_at_the_new_rate_starts_a_new_run()
    {
        var pacer = Pacer();
        Answer(pacer, 0, 400, 400, _ => false);
        // A real limit: each cut stops the 429s until the rate has grown past the limit again, many answers later.
        for (var generation = 0; generation < 8; generation++)
        {
            Answer(pacer, generation, 200, pacer.RequestsPerSecond ?? 400, _ => false);
            Answer(pacer, generation, 16, pacer.RequestsPerSecond ?? 400, i => i < 2);
            Assert.NotNull(pacer.RequestsPerSecond); // still paced after more than five cuts
        }
    }

    [Fact]
    public void A_limit_far_below_the_rate_sent_is_not_taken_for_zero()
    {
        var pacer = Pacer();
        Answer(pacer, 0, 20, 800, _ => false); // 20 got in (a burst), then everything in flight is refused
        Answer(pacer, 0, 16, 800, _ => true);

        Assert.InRange(pacer.RequestsPerSecond!.Value, 0.9 * 20 * 0.99, 0.9 * 20 * 1.01); // what got in in the last second
    }

    [Fact]
    public void After_about_a_hundred_seconds_without_a_429_the_limit_is_forgotten()
    {
        var pacer = Pacer();
        Answer(pacer, 0, 400, 400, _ => false);
        Answer(pacer, 0, 16, 400, i => i % 2 == 0);

        _now += 95;
        Assert.NotNull(pacer.RequestsPerSecond);
        _now += 20;
        Assert.Null(pacer.RequestsPerSecond);
    }

    [Fact]
    public async Task A_turn_being_waited_for_can_be_cancelled()
    {
        var pacer = new SendRatePacer(() => _now, Task.Delay);
        Answer(pacer, 0, 10, 400, _ => false);
        Answer(pacer, 0, 16, 400, _ => true); // paced at 4.5/s: turns 0.22 s apart
        // Twenty turns taken ahead put this one seconds away: on a loaded host the 50 ms cancellation still comes first.
        for (var i = 0; i < 20; i++) _ = pacer.WaitTurnAsync(CancellationToken.None);
        using var stop = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await pacer.WaitTurnAsync(stop.Token));
    }
}
