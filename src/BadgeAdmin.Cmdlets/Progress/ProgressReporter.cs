using System;
using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace BadgeAdmin.Cmdlets.Progress;

/// <summary>
/// Write-Progress for one invocation's long work: items done, their rate, failures, retries and the pace a rate limit
/// sets; the share done where the total is known. Nothing shows for work that ends within half a second, a record is
/// written at most four times a second, and a Completed record ends it so no bar is left behind. Every call comes from
/// the pipeline thread (PowerShell accepts WriteProgress nowhere else); counting an item costs one clock read.
/// </summary>
internal sealed class ProgressReporter
{
    private static readonly long FirstAfter = Stopwatch.Frequency / 2;
    private static readonly long Interval = Stopwatch.Frequency / 4;

    private readonly Cmdlet _cmdlet;
    private readonly int _activityId;
    private readonly string _activity;
    private readonly Func<int> _retries;
    private readonly Func<double?> _pacedRate;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _due;
    private long _lastAt;
    private long _lastDone;
    private double _rate;
    private long _done;
    private long _failed;
    private bool _shown;

    private ProgressReporter(Cmdlet cmdlet, int activityId, string activity, string verb, Func<int> retries, Func<double?> pacedRate)
    {
        _cmdlet = cmdlet;
        _activityId = activityId;
        _activity = activity;
        Verb = verb;
        _retries = retries;
        _pacedRate = pacedRate;
        _due = _started + FirstAfter;
        _lastAt = _started;
    }

    /// <summary>How many items there are in all, when known (percent and time left are shown then).</summary>
    public long? Total { get; set; }

    /// <summary>What an item done is called in the status ("done", "listed").</summary>
    public string Verb { get; set; }

    /// <summary>
    /// A reporter for <paramref name="cmdlet"/>, or null when progress is off for it ($ProgressPreference or
    /// -ProgressAction SilentlyContinue, as runbooks set it), so that nothing at all is spent on it.
    /// </summary>
    /// <param name="cmdlet">The cmdlet whose progress this is.</param>
    /// <param name="verb">What an item done is called at first.</param>
    /// <param name="retries">Retries waited for so far by the invocation's requests.</param>
    /// <param name="pacedRate">The pace the connection's rate limit sets now, requests per second; null when none.</param>
    public static ProgressReporter? For(PSCmdlet cmdlet, string verb, Func<int> retries, Func<double?> pacedRate)
    {
        if (Preference(cmdlet) is ActionPreference.SilentlyContinue or ActionPreference.Ignore) return null;
        var invocation = cmdlet.MyInvocation;
        // One bar per command of a pipeline (Get-LoyaltyBadge | Set-LoyaltyBadge shows two).
        return new ProgressReporter(cmdlet, 0xBAD00 + Math.Max(0, invocation.PipelinePosition), invocation.MyCommand.Name, verb, retries, pacedRate);
    }

    private static ActionPreference? Preference(PSCmdlet cmdlet)
    {
        // -ProgressAction (PowerShell 7.4+) sets the command's own preference without touching the variable.
        if (cmdlet.MyInvocation.BoundParameters.TryGetValue("ProgressAction", out var given) && given is ActionPreference action) return action;
        return cmdlet.GetVariableValue("ProgressPreference") is ActionPreference preference ? preference : null;
    }

    /// <summary>One item done (or failed); shows progress when it is due.</summary>
    public void Done(bool failed = false)
    {
        _done++;
        if (failed) _failed++;
        Tick();
    }

    /// <summary>Shows progress if a record is due: while waiting, too, so a long wait for a rate limit is visible.</summary>
    public void Tick()
    {
        var now = Stopwatch.GetTimestamp();
        if (now < _due) return;
        _due = now + Interval;
        var seconds = (double)(now - _lastAt) / Stopwatch.Frequency;
        if (seconds > 0)
        {
            var current = (_done - _lastDone) / seconds;
            _rate = _shown ? (0.5 * _rate) + (0.5 * current) : _done / ((double)(now - _started) / Stopwatch.Frequency);
        }

        _lastAt = now;
        _lastDone = _done;
        var record = new ProgressRecord(_activityId, _activity, Status());
        if (Total is { } total and > 0)
        {
            record.PercentComplete = (int)Math.Min(100, _done * 100 / total);
            if (_rate > 0) record.SecondsRemaining = (int)Math.Ceiling(Math.Max(0, total - _done) / _rate);
        }

        _shown = true;
        _cmdlet.WriteProgress(record);
    }

    /// <summary>Ends the bar, if one was shown.</summary>
    public void Complete()
    {
        if (!_shown) return;
        _shown = false;
        _cmdlet.WriteProgress(new ProgressRecord(_activityId, _activity, Status()) { RecordType = ProgressRecordType.Completed });
    }

    private string Status()
    {
        var text = Total is { } total
            ? string.Format(CultureInfo.CurrentCulture, "{0:N0} of {1:N0} {2}", _done, total, Verb)
            : string.Format(CultureInfo.CurrentCulture, "{0:N0} {1}", _done, Verb);
        text += string.Format(CultureInfo.CurrentCulture, ", {0:N0}/s", _rate);
        if (_failed > 0) text += string.Format(CultureInfo.CurrentCulture, ", {0:N0} failed", _failed);
        if (_retries() is var retries and > 0) text += string.Format(CultureInfo.CurrentCulture, "; {0:N0} retried", retries);
        if (_pacedRate() is { } paced) text += string.Format(CultureInfo.CurrentCulture, "; paced {0:N0}/s (rate limit)", paced);
        return text;
    }
}
