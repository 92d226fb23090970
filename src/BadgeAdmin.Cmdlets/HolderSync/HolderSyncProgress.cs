using System.Diagnostics;
using System.Globalization;
using System.Management.Automation;

namespace BadgeAdmin.Cmdlets.HolderSync;

/// <summary>
/// Write-Progress for a holder sync: the holders read, then the grants and revokes done. Shown once the work has run
/// for half a second and updated at most four times a second, so short runs show none and long ones cost nothing.
/// Honours $ProgressPreference like any Write-Progress. Call only on the pipeline thread.
/// </summary>
internal sealed class HolderSyncProgress
{
    private const int ActivityId = 1806;
    private static readonly long ShowAfter = Stopwatch.Frequency / 2;
    private static readonly long Every = Stopwatch.Frequency / 4;

    private readonly Cmdlet _cmdlet;
    private readonly string _activity;
    private readonly long _started = Stopwatch.GetTimestamp();
    private long _lastShown;
    private bool _shown;

    public HolderSyncProgress(Cmdlet cmdlet, string badge)
    {
        _cmdlet = cmdlet;
        _activity = $"Syncing the holders of loyalty badge {badge}";
    }

    public void Reading(int read)
    {
        if (Due()) Show(string.Format(CultureInfo.CurrentCulture, "Reading the badge's holders: {0:N0} user badges read", read), -1);
    }

    public void Sending(int done, int total)
    {
        if (total > 0 && Due()) Show(string.Format(CultureInfo.CurrentCulture, "{0:N0} of {1:N0} grants and revokes done", done, total), (int)(100L * done / total));
    }

    public void Complete()
    {
        if (_shown) _cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, "Done") { RecordType = ProgressRecordType.Completed });
    }

    private bool Due()
    {
        var now = Stopwatch.GetTimestamp();
        if (now - _started < ShowAfter || now - _lastShown < Every) return false;
        _lastShown = now;
        return true;
    }

    private void Show(string status, int percent)
    {
        _shown = true;
        _cmdlet.WriteProgress(new ProgressRecord(ActivityId, _activity, status) { PercentComplete = percent });
    }
}
