using System;
using System.Collections.Generic;
using System.Linq;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Core.DataJobs;

/// <summary>
/// Where one badge's data jobs stand, read from their statuses (api-reference §1.5: pending, processing, complete,
/// failed, cancelled). A status this module does not know counts as still running: it is never taken for success.
/// A failed or cancelled job stops counting once a later job began after it had ended: that is the file given again
/// (Set-LoyaltyBadge -CsvFile) after the failure was seen, so the badge's state is that later job's. Jobs of one request
/// began before any of them ended, so a file that failed beside one that completed still counts.
/// </summary>
public sealed class DataJobProgress
{
    private static readonly DataJobProgress NoJobs = new(Array.Empty<LoyaltyDataJob>());

    private DataJobProgress(IReadOnlyList<LoyaltyDataJob> jobs)
    {
        Jobs = jobs;
        Counted = jobs.Where(j => !IsSuperseded(j, jobs)).ToList();
        Running = Counted.Where(j => !IsFinishedStatus(j.Status)).ToList();
        Failed = Counted.Where(j => Is(j, "failed")).ToList();
        Cancelled = Counted.Where(j => Is(j, "cancelled")).ToList();
    }

    public static DataJobProgress Of(IReadOnlyList<LoyaltyDataJob?>? jobs) =>
        jobs is null || jobs.Count == 0 ? NoJobs : new DataJobProgress(jobs.Where(j => j is not null).Select(j => j!).ToList());

    /// <summary>Every job of the badge.</summary>
    public IReadOnlyList<LoyaltyDataJob> Jobs { get; }

    /// <summary>The jobs its state is read from: every job but the failed and cancelled ones a later job superseded.</summary>
    public IReadOnlyList<LoyaltyDataJob> Counted { get; }

    /// <summary>Jobs not finished yet: pending, processing, or in a status this module does not know.</summary>
    public IReadOnlyList<LoyaltyDataJob> Running { get; }

    public IReadOnlyList<LoyaltyDataJob> Failed { get; }

    public IReadOnlyList<LoyaltyDataJob> Cancelled { get; }

    /// <summary>True when no job runs any more (also when there is none).</summary>
    public bool IsFinished => Running.Count == 0;

    /// <summary>
    /// The state in one word: null without jobs; while any runs, processing, pending or the unknown status it has;
    /// once all have finished, failed if any failed, else cancelled if any was cancelled, else complete.
    /// </summary>
    public string? Status
    {
        get
        {
            if (Jobs.Count == 0) return null;
            if (!IsFinished)
            {
                if (Running.Any(j => Is(j, "processing"))) return "processing";
                return Running.Any(j => Is(j, "pending")) ? "pending" : Running[0].Status?.Trim().ToLowerInvariant() ?? "unknown";
            }

            return Failed.Count > 0 ? "failed" : Cancelled.Count > 0 ? "cancelled" : "complete";
        }
    }

    /// <summary>How many of the counted jobs are in each status, for messages: "1 processing, 2 complete".</summary>
    public string Describe() => Counted.Count == 0
        ? "no data jobs"
        : string.Join(", ", Counted.GroupBy(j => j.Status?.Trim().ToLowerInvariant() ?? "no status").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));

    /// <summary>
    /// True for a failed or cancelled job when another job was created after it ended (its updatedAt, the time of its
    /// last change; its createdAt when the API gives no updatedAt). Without those times nothing is superseded.
    /// </summary>
    private static bool IsSuperseded(LoyaltyDataJob job, IReadOnlyList<LoyaltyDataJob> jobs)
    {
        if (!Is(job, "failed") && !Is(job, "cancelled")) return false;
        if ((job.UpdatedAt ?? job.CreatedAt) is not { } ended) return false;
        return jobs.Any(other => other.CreatedAt is { } began && began > ended);
    }

    private static bool IsFinishedStatus(string? status) =>
        status is not null && (Is(status, "complete") || Is(status, "failed") || Is(status, "cancelled"));

    private static bool Is(LoyaltyDataJob job, string status) => job.Status is { } s && Is(s, status);

    private static bool Is(string actual, string status) => string.Equals(actual.Trim(), status, StringComparison.OrdinalIgnoreCase);
}
