using BadgeAdmin.Core.DataJobs;
using BadgeAdmin.Core.Json;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Tests.DataJobs;

/// <summary>How a badge's data jobs read as one state, and when a wait looks again: plain logic, no server.</summary>
public sealed class DataJobProgressTests
{
    private static DataJobProgress Of(params string?[] statuses) =>
        DataJobProgress.Of(statuses.Select(s => new LoyaltyDataJob { Id = Guid.NewGuid(), Status = s }).ToList());

    [Theory]
    [InlineData(new string[0], null, true)]
    [InlineData(new[] { "pending" }, "pending", false)]
    [InlineData(new[] { "complete", "pending" }, "pending", false)]
    [InlineData(new[] { "pending", "processing" }, "processing", false)]
    [InlineData(new[] { "complete", "complete" }, "complete", true)]
    [InlineData(new[] { "complete", "cancelled" }, "cancelled", true)]
    [InlineData(new[] { "cancelled", "failed", "complete" }, "failed", true)]
    [InlineData(new[] { "failed", "processing" }, "processing", false)]
    [InlineData(new[] { " Complete " }, "complete", true)]
    [InlineData(new[] { "complete", "queued" }, "queued", false)] // a status this module does not know: never taken for finished
    [InlineData(new[] { "complete", null }, "unknown", false)]
    public void The_jobs_read_as_one_state(string?[] statuses, string? state, bool finished)
    {
        var progress = Of(statuses);

        Assert.Equal(state, progress.Status);
        Assert.Equal(finished, progress.IsFinished);
    }

    [Fact]
    public void Failed_and_cancelled_jobs_are_named_and_the_counts_describe_them()
    {
        var progress = Of("failed", "complete", "cancelled", "complete");

        Assert.Single(progress.Failed);
        Assert.Single(progress.Cancelled);
        Assert.Empty(progress.Running);
        Assert.Equal("1 cancelled, 2 complete, 1 failed", progress.Describe());
        Assert.Equal("no data jobs", DataJobProgress.Of(null).Describe());
    }

    private static readonly DateTimeOffset T0 = new(2026, 2, 1, 9, 0, 0, TimeSpan.Zero);

    private static LoyaltyDataJob Job(string status, double createdSec, double updatedSec) =>
        new() { Id = Guid.NewGuid(), Status = status, CreatedAt = T0.AddSeconds(createdSec), UpdatedAt = T0.AddSeconds(updatedSec) };

    [Fact]
    public void A_failed_job_no_longer_counts_once_a_file_given_after_it_ended_has_a_job()
    {
        var failed = Job("failed", 0, 2);
        var again = DataJobProgress.Of(new[] { failed, Job("pending", 60, 60) });
        var done = DataJobProgress.Of(new[] { failed, Job("complete", 60, 62) });
        var failedAgain = DataJobProgress.Of(new[] { failed, Job("failed", 60, 62) });

        Assert.Equal("pending", again.Status);
        Assert.Equal("complete", done.Status);
        Assert.Empty(done.Failed);
        Assert.Equal("1 complete", done.Describe());
        Assert.Equal(2, done.Jobs.Count);
        Assert.Equal("failed", failedAgain.Status);
        Assert.NotSame(failed, Assert.Single(failedAgain.Failed)); // the later failure is the one reported
        Assert.Equal("cancelled", DataJobProgress.Of(new[] { Job("complete", 0, 2), Job("cancelled", 60, 61) }).Status); // a later cancel still counts
    }

    [Fact]
    public void Files_of_one_request_count_together_so_one_that_failed_beside_one_that_completed_still_fails()
    {
        // Created a moment apart, but each before the other ended: neither replaces the other.
        var progress = DataJobProgress.Of(new[] { Job("failed", 0, 2), Job("complete", 0.004, 3) });

        Assert.Equal("failed", progress.Status);
        Assert.Single(progress.Failed);
        Assert.Equal("failed", DataJobProgress.Of(new[] { Job("failed", 0, 2), Job("complete", 1, 3) }).Status); // began while the first ran
    }

    [Fact]
    public void Without_times_every_job_counts()
    {
        Assert.Equal("failed", Of("failed", "complete").Status);
        Assert.Equal("failed", DataJobProgress.Of(new[] { new LoyaltyDataJob { Status = "failed" }, Job("complete", 60, 61) }).Status);
    }

    [Fact]
    public void A_badge_shows_its_data_job_status_and_none_without_jobs()
    {
        var badge = new LoyaltyBadge { DataJobs = new ItemList<LoyaltyDataJob> { new() { Status = "processing" } } };

        Assert.Equal("processing", badge.DataJobStatus);
        Assert.Null(new LoyaltyBadge().DataJobStatus);
        Assert.Null(new LoyaltyBadge { DataJobs = new ItemList<LoyaltyDataJob>() }.DataJobStatus);
    }

    [Fact]
    public void A_wait_looks_after_1_2_3_then_every_5_seconds_and_never_past_its_deadline()
    {
        var now = TimeSpan.Zero;
        var schedule = new PollSchedule(TimeSpan.FromSeconds(14), () => now);

        var delays = new List<double>();
        while (!schedule.Expired)
        {
            var delay = schedule.NextDelay();
            delays.Add(delay.TotalSeconds);
            now += delay;
        }

        Assert.Equal(new[] { 1.0, 2, 3, 5, 3 }, delays);
        Assert.Equal(TimeSpan.Zero, schedule.Remaining);
        Assert.Throws<ArgumentOutOfRangeException>(() => new PollSchedule(TimeSpan.Zero));
    }
}
