using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Cmdlets.Snag;
using BadgeAdmin.Core.DataJobs;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.DataJobs;

[Cmdlet(VerbsLifecycle.Wait, "LoyaltyBadgeDataJob", HelpUri = OnlineHelp.Pages + "Wait-LoyaltyBadgeDataJob.md")]
[OutputType(typeof(LoyaltyBadge))]
public sealed class WaitLoyaltyBadgeDataJobCommand : SnagCmdlet
{
    /// <summary>How long the wait may take by default: ten minutes, enough for large CSV files, and bounded for runbooks.</summary>
    public const int DefaultTimeoutSec = 600;

    /// <summary>How long the last look may take past the deadline, so the final state is still read.</summary>
    private static readonly TimeSpan LastLookGrace = TimeSpan.FromSeconds(5);

    private const int ProgressId = 0x0B4D6E;

    private readonly List<Guid> _badgeIds = new();
    private readonly HashSet<Guid> _given = new();

    /// <summary>
    /// The badges whose jobs to wait for: badges from the pipeline (New-LoyaltyBadge, Get-LoyaltyBadge) by value, ids,
    /// and a BadgeId or LoyaltyBadgeId property (a CSV column) by name.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("LoyaltyBadgeId")]
    [IdOfPiped(typeof(LoyaltyBadge))]
    [ArgumentCompleter(typeof(LoyaltyBadgeIdCompleter))]
    public Guid[] BadgeId { get; set; } = Array.Empty<Guid>();

    /// <summary>How many seconds to wait in all (600 unless given); the jobs go on on the server after that.</summary>
    [Parameter]
    [ValidateRange(1, 86400)]
    [PSDefaultValue(Value = DefaultTimeoutSec)]
    public int TimeoutSec { get; set; } = DefaultTimeoutSec;

    private protected override void OnRecord()
    {
        foreach (var id in BadgeId)
        {
            if (_given.Add(id)) _badgeIds.Add(id);
        }
    }

    private protected override void OnEnd()
    {
        if (_badgeIds.Count == 0) return;
        var schedule = new PollSchedule(TimeSpan.FromSeconds(TimeoutSec));
        var waiting = new List<Guid>(_badgeIds);
        var lastSeen = new Dictionary<Guid, LoyaltyBadge>();
        try
        {
            while (true)
            {
                var look = Look(waiting, schedule);
                if (look.Failure is { } failure && !IsPassing(failure))
                {
                    // The key, the address or the answer is wrong: looking again would give the same answer.
                    foreach (var id in waiting) WriteError(ApiErrorTranslator.Translate(failure, id, ErrorIds.LoyaltyBadgeNotFound));
                    return;
                }

                if (look.Failure is { } passing) MessageStreams.Warning(this, $"Could not read the badges' data jobs ({passing.Message}); looking again.");
                if (look.Badges is { } badges) Settle(waiting, badges, lastSeen);
                WriteWaitProgress(waiting, lastSeen, schedule);
                if (waiting.Count == 0) return;
                if (schedule.Expired)
                {
                    foreach (var id in waiting) WriteError(TimedOut(id, lastSeen.TryGetValue(id, out var badge) ? badge : null, look.Failure));
                    return;
                }

                var delay = schedule.NextDelay();
                Await(async token =>
                {
                    await Task.Delay(delay, token).ConfigureAwait(false);
                    return true;
                });
            }
        }
        finally
        {
            WriteProgress(new ProgressRecord(ProgressId, Activity, "Done") { RecordType = ProgressRecordType.Completed });
        }
    }

    /// <summary>Short, so the one-line progress view of an 80-column console shows it whole beside the status.</summary>
    private const string Activity = "Waiting for data jobs";

    /// <summary>Failures worth another look: the service was busy, down for a moment, or slow.</summary>
    private static bool IsPassing(ApiException failure) =>
        failure.Kind is ApiFailureKind.RateLimited or ApiFailureKind.ServerError or ApiFailureKind.Timeout or ApiFailureKind.ConnectionFailed;

    /// <summary>One look at the badges still waited for; no answer before the deadline (plus a short grace) counts as a timeout.</summary>
    private (Dictionary<Guid, LoyaltyBadge>? Badges, ApiException? Failure) Look(IReadOnlyList<Guid> ids, PollSchedule schedule)
    {
        var bound = schedule.Remaining > LastLookGrace ? schedule.Remaining : LastLookGrace;
        try
        {
            var badges = Await(async token =>
            {
                using var deadline = CancellationTokenSource.CreateLinkedTokenSource(token);
                deadline.CancelAfter(bound);
                var found = new Dictionary<Guid, LoyaltyBadge>();
                var query = new LoyaltyBadgeQuery { BadgeIds = ids.ToList() };
                await foreach (var badge in Seen.LoyaltyBadges(query, Client.ListBadgesAsync(query, SnagRoutes.MaxPageSize, deadline.Token)).ConfigureAwait(false))
                {
                    found[badge.Id] = badge;
                }

                return found;
            });
            return (badges, null);
        }
        catch (ApiException ex) when (!CancelToken.IsCancellationRequested)
        {
            return (null, ex);
        }
        catch (OperationCanceledException) when (!CancelToken.IsCancellationRequested)
        {
            return (null, new ApiException(ApiFailureKind.Timeout, $"No answer within {bound.TotalSeconds:0} s.", SnagRoutes.ListBadges.Method, SnagRoutes.ListBadges.Format()));
        }
    }

    /// <summary>Writes each badge whose jobs have all finished (or an error for it) and stops waiting for it.</summary>
    private void Settle(List<Guid> waiting, Dictionary<Guid, LoyaltyBadge> badges, Dictionary<Guid, LoyaltyBadge> lastSeen)
    {
        foreach (var id in waiting.ToList())
        {
            if (!badges.TryGetValue(id, out var badge))
            {
                waiting.Remove(id);
                WriteError(new CmdletError(
                    new KeyNotFoundException($"No loyalty badge with id {id} (a deleted badge has no data jobs to wait for)."),
                    ErrorIds.LoyaltyBadgeNotFound, ErrorCategory.ObjectNotFound, id));
                continue;
            }

            lastSeen[id] = badge;
            var progress = DataJobProgress.Of(badge.DataJobs);
            if (!progress.IsFinished) continue;
            waiting.Remove(id);
            // The advice works: a job created after this one ended supersedes it (DataJobProgress), so the next wait judges the new file.
            if (progress.Failed.Count > 0) WriteError(Ended(badge, progress.Failed, "failed", ErrorIds.LoyaltyDataJobFailed, ErrorCategory.InvalidData,
                $"Snag's message says why. Give the badge a corrected file, then wait again: Set-LoyaltyBadge -Id {badge.Id} -CsvFile <url> -PassThru | Wait-LoyaltyBadgeDataJob. The failed job then no longer counts."));
            else if (progress.Cancelled.Count > 0) WriteError(Ended(badge, progress.Cancelled, "cancelled", ErrorIds.LoyaltyDataJobCancelled, ErrorCategory.OperationStopped,
                $"Give the badge its CSV file again, then wait again: Set-LoyaltyBadge -Id {badge.Id} -CsvFile <url> -PassThru | Wait-LoyaltyBadgeDataJob. The cancelled job then no longer counts."));
            else WriteObject(badge);
        }
    }

    private static CmdletError Ended(LoyaltyBadge badge, IReadOnlyList<LoyaltyDataJob> jobs, string how, string errorId, ErrorCategory category, string advice)
    {
        var which = string.Join("; ", jobs.Select(j => string.IsNullOrWhiteSpace(j.Message) ? $"job {j.Id}" : $"{j.Message!.Trim()} (job {j.Id})"));
        var count = jobs.Count == 1 ? "A data job" : $"{jobs.Count} data jobs";
        var ended = how == "cancelled" ? (jobs.Count == 1 ? "was cancelled" : "were cancelled") : how;
        return new CmdletError(new InvalidOperationException($"{count} of loyalty badge {badge.InMessages} {ended}: {which}."), errorId, category, badge)
        {
            RecommendedAction = advice,
        };
    }

    private CmdletError TimedOut(Guid id, LoyaltyBadge? badge, ApiException? lastFailure)
    {
        var state = badge is null
            ? $"its state could not be read{(lastFailure is null ? string.Empty : $" ({lastFailure.Message})")}"
            : $"its jobs are {DataJobProgress.Of(badge.DataJobs).Describe()}";
        return new CmdletError(
            new TimeoutException($"The data jobs of loyalty badge {(badge is null ? id.ToString() : badge.InMessages)} had not finished after {TimeoutSec} s: {state}."),
            ErrorIds.LoyaltyDataJobTimedOut, ErrorCategory.OperationTimeout, (object?)badge ?? id)
        {
            RecommendedAction = "The jobs go on on the server: run Wait-LoyaltyBadgeDataJob again, or give a longer -TimeoutSec.",
        };
    }

    private void WriteWaitProgress(IReadOnlyCollection<Guid> waiting, Dictionary<Guid, LoyaltyBadge> lastSeen, PollSchedule schedule)
    {
        var finished = _badgeIds.Count - waiting.Count;
        var running = waiting.Where(lastSeen.ContainsKey).SelectMany(id => DataJobProgress.Of(lastSeen[id].DataJobs).Running)
            .GroupBy(j => j.Status?.Trim().ToLowerInvariant() ?? "no status").OrderBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Count()} {g.Key}");
        var jobs = string.Join(", ", running);

        // The time left is SecondsRemaining, which the host shows itself: not repeated here.
        var status = string.Format(CultureInfo.InvariantCulture, "{0} of {1} {2} done{3}",
            finished, _badgeIds.Count, _badgeIds.Count == 1 ? "badge" : "badges", jobs.Length == 0 ? string.Empty : $"; jobs: {jobs}");
        WriteProgress(new ProgressRecord(ProgressId, Activity, status)
        {
            PercentComplete = finished * 100 / _badgeIds.Count,
            SecondsRemaining = (int)Math.Ceiling(schedule.Remaining.TotalSeconds),
        });
    }
}
