using System;
using System.Collections.Generic;
using System.Linq;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Core.DataJobs;

/// <summary>
/// Where one badge's data jobs stand, read from their statuses (api-reference §1.5: pending, processing, complete,
/// failed, cancelled). A status this module does not know counts as still running: it is never taken for success.
/// </summary>
public sealed class DataJobProgress
{
    private static readonly DataJobProgress NoJobs = new(Array.Empty<LoyaltyDataJob>());

    private DataJobProgress(IReadOnlyList<LoyaltyDataJob> jobs)
    {
        Jobs = jobs;
        Running = jobs.Where(j => !IsFinishedStatus(j.Status)).ToList();
        Failed = jobs.Where(j => Is(j, "failed")).ToList();
        Cancelled = jobs.Where(j => Is(j, "cancelled")).ToList();
    }

    public static DataJobProgress Of(IReadOnlyList<LoyaltyDataJob?>? jobs) =>
        jobs is null || jobs.Count == 0 ? NoJobs : new DataJobProgress(jobs.Where(j => j is not null).Select(j => j!).ToList());

    public IReadOnlyList<LoyaltyDataJob> Jobs { get; }

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

    /// <summary>How many jobs are in each status, for progress lines: "1 processing, 2 complete".</summary>
    public string Describe() => Jobs.Count == 0
        ? "no data jobs"
        : string.Join(", ", Jobs.GroupBy(j => j.Status?.Trim().ToLowerInvariant() ?? "no status").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}"));

    private static bool IsFinishedStatus(string? status) =>
        status is not null && (Is(status, "complete") || Is(status, "failed") || Is(status, "cancelled"));

    private static bool Is(LoyaltyDataJob job, string status) => job.Status is { } s && Is(s, status);

    private static bool Is(string actual, string status) => string.Equals(actual.Trim(), status, StringComparison.OrdinalIgnoreCase);
}
