using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace BadgeAdmin.Core.Pacing;

/// <summary>
/// Paces one connection's requests at the rate its server accepts, learned from the 429s it answers. Every attempt of
/// every cmdlet on the connection (and of every runspace given it with -Connection) takes a turn here first.
/// <para>
/// Until the first rate limit nothing is paced. When a 429 arrives, the pacer watches the answers to what it sent at
/// the current rate: once enough have come back (16, at least two of them 429s) it estimates the rate the server
/// accepts, the rate sent times the share not refused (and no less than the server let through in the last second),
/// and sends at 90 % of that estimate. The rate then grows again,
/// by 3 % of the estimate a second (at least 0.1 request a second more each second), so it returns to the estimate in
/// about 3 s and then probes above it, slowly, until the next 429 says where the limit is now (AIMD on the send rate:
/// a multiplicative cut from the measured share, an additive increase). Requests are given send times one interval
/// apart, so a burst of callers is spread out rather than sent together.
/// </para>
/// <para>
/// A server that refuses a share of requests whatever the rate (429s that do not stop when the rate is lowered) is
/// not a limit pacing can meet: after five cuts in quick succession (each made before 32 answers at the new rate came
/// back without a 429: counted in answers, not seconds, so that a slow connection is judged as a fast one) the pacer returns to
/// where that run of cuts began and leaves the 429s to each request's own retry for 10 s (twice as long each time
/// again, up to about three minutes), so such a server never slows a connection to a crawl.
/// After about 100 s without a 429 the rate has grown to four times the estimate and the pacer forgets it.
/// </para>
/// </summary>
public sealed class SendRatePacer
{
    /// <summary>Share of the estimated limit sent at right after a cut.</summary>
    private const double Backoff = 0.9;

    /// <summary>Increase per second, as a share of the estimate; at least <see cref="MinGrowth"/> requests per second per second.</summary>
    private const double Growth = 0.03;

    private const double MinGrowth = 0.1;

    /// <summary>The slowest pace: a server that accepts less gets its 429s retried one by one.</summary>
    private const double MinRate = 1.0;

    /// <summary>Answers to the current rate, after its first 429, before the share refused is trusted.</summary>
    private const int Sample = 16;

    private const int MinRateLimited = 2;

    /// <summary>
    /// A cut made after this many answers at the new rate came back without a 429 starts a new run of cuts: the cut
    /// stopped the 429s for a while, so the next ones come from a probe past a limit (at a limit the rate grows back
    /// to the estimate for about 3 s after a cut, hundreds of answers at 250/s), not from a server that refuses a share
    /// whatever the rate (at one 429 in ten, 32 clean answers in a row come once in thirty).
    /// </summary>
    private const int QuietAnswers = 32;

    private const int MaxCutsPerRun = 5;

    /// <summary>How long 429s are left to the retries after pacing failed to stop them; doubled each time it fails again.</summary>
    private const double PauseSeconds = 10.0;

    private const double MaxPauseSeconds = 160.0;

    /// <summary>Beyond this multiple of the estimate the limit is no longer near: pacing stops until the next 429.</summary>
    private const double ForgetAt = 4.0;

    private static readonly Stopwatch Clock = Stopwatch.StartNew();
    private readonly object _gate = new();
    private readonly Func<double> _now;
    private readonly Func<TimeSpan, CancellationToken, Task> _delay;
    private readonly AnswerWindow _window = new();

    private double? _estimate;
    private double _cutAt;
    private double _nextSlot;
    private int _generation;
    private int _generationAnswers;
    private int _generationRateLimited;
    private bool _congested;
    private int _cleanAnswers;
    private bool _inRun;
    private double? _runStartEstimate;
    private double _runStartCutAt;
    private int _runCuts;
    private double _pauseUntil = double.NegativeInfinity;
    private double _pauseSeconds = PauseSeconds;
    private long _rateLimited;

    public SendRatePacer()
        : this(static () => Clock.Elapsed.TotalSeconds, Task.Delay)
    {
    }

    /// <param name="now">Seconds on a monotonic clock.</param>
    /// <param name="delay">Waits until a request's send time.</param>
    internal SendRatePacer(Func<double> now, Func<TimeSpan, CancellationToken, Task> delay)
    {
        _now = now;
        _delay = delay;
    }

    /// <summary>The rate requests are sent at now, in requests per second; null while nothing is paced.</summary>
    public double? RequestsPerSecond
    {
        get
        {
            lock (_gate) return RateAt(_now());
        }
    }

    /// <summary>
    /// The rate the server was last found to accept, in requests per second (the pace sent at is just under it, then
    /// probes above); null while nothing is paced. It does not move while nothing is sent.
    /// </summary>
    public double? AcceptedPerSecond
    {
        get
        {
            lock (_gate) return RateAt(_now()) is null ? null : _estimate;
        }
    }

    /// <summary>How many 429s the connection has been answered in all.</summary>
    public long RateLimitedAnswers => Interlocked.Read(ref _rateLimited);

    /// <summary>
    /// Waits for this attempt's send time. Returns the pacing generation it was sent under, which
    /// <see cref="Answered"/> needs: only answers to what was sent at the current rate say anything about it.
    /// </summary>
    public async ValueTask<int> WaitTurnAsync(CancellationToken cancellationToken)
    {
        double wait;
        int generation;
        lock (_gate)
        {
            var now = _now();
            generation = _generation;
            if (RateAt(now) is not { } rate) return generation;
            var slot = Math.Max(now, _nextSlot);
            _nextSlot = slot + (1 / rate);
            wait = slot - now;
        }

        if (wait > 0.0005) await _delay(TimeSpan.FromSeconds(wait), cancellationToken).ConfigureAwait(false);
        return generation;
    }

    /// <summary>
    /// Waits out a retry's wait on the pacer's clock, the one every send time of the connection is waited on (a test
    /// gives the pacer a clock that records instead of sleeping).
    /// </summary>
    public Task WaitAsync(TimeSpan wait, CancellationToken cancellationToken) => _delay(wait, cancellationToken);

    /// <summary>The server answered an attempt sent under <paramref name="generation"/>; a 429 is a rate limit.</summary>
    public void Answered(int generation, bool rateLimited)
    {
        lock (_gate)
        {
            var now = _now();
            _window.Add(now, !rateLimited);
            if (rateLimited) _rateLimited++;
            if (generation != _generation) return; // sent at an earlier rate: already acted on
            if (rateLimited) _congested = true;
            if (!_congested)
            {
                _cleanAnswers++;
                return;
            }

            _generationAnswers++;
            if (rateLimited) _generationRateLimited++;
            if (now < _pauseUntil || _generationAnswers < Sample || _generationRateLimited < MinRateLimited) return;

            // A cut after a quiet spell at the new rate (a probe past the limit) starts a new run of cuts; one soon
            // after the last goes on with the same run, as the cuts that find a limit do, and as the cuts that cannot
            // stop 429s would.
            var quiet = _cleanAnswers >= QuietAnswers;
            if (quiet && _inRun) _pauseSeconds = PauseSeconds; // the last run ended by itself: pacing met that limit
            if (!_inRun || quiet) StartRun();
            if (_runCuts >= MaxCutsPerRun)
            {
                // Cutting did not stop the 429s: not a limit pacing meets. Back to where the run began, for a while.
                (_estimate, _cutAt) = (_runStartEstimate, _runStartCutAt);
                _inRun = false;
                _pauseUntil = now + _pauseSeconds;
                _pauseSeconds = Math.Min(MaxPauseSeconds, _pauseSeconds * 2);
                NextGeneration();
                return;
            }

            var paced = RateAt(now);
            var accepted = (paced ?? _window.AnswerRate(now)) * (1 - ((double)_generationRateLimited / _generationAnswers));
            // Never below what the server let through in the last second (half that once paced, when that second
            // may still hold a burst the server allowed): 16 answers that arrived in one burst, as the first ones
            // after a 429 do, can be all 429s, which says nothing about the rate the server accepts.
            var letThrough = _window.AcceptedRate(now) * (paced is null ? 1 : 0.5);
            _estimate = Math.Max(MinRate, Math.Max(accepted, letThrough));
            _cutAt = now;
            _runCuts++;
            NextGeneration();
        }
    }

    private void NextGeneration()
    {
        _generation++;
        _generationAnswers = 0;
        _generationRateLimited = 0;
        _congested = false;
        _cleanAnswers = 0;
    }

    private void StartRun()
    {
        _inRun = true;
        _runStartEstimate = _estimate;
        _runStartCutAt = _cutAt;
        _runCuts = 0;
    }


    // Under the lock.
    private double? RateAt(double now)
    {
        if (_estimate is not { } estimate) return null;
        var rate = Math.Max(MinRate, (estimate * Backoff) + (Math.Max(estimate * Growth, MinGrowth) * (now - _cutAt)));
        if (rate < estimate * ForgetAt) return rate;
        _estimate = null;
        _inRun = false;
        return null;
    }
}
