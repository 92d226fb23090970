using System.Diagnostics;
using BadgeAdmin.Engine.Tests.Support;
using static BadgeAdmin.Engine.Tests.Support.SnagSandbox;

namespace BadgeAdmin.Engine.Tests.DataJobs;

/// <summary>
/// Wait-LoyaltyBadgeDataJob in the engine against the sandbox's data jobs, which go pending → processing → their
/// outcome in steps set through the sandbox's settings: what it writes, the error per badge, the requests (one per look
/// for every badge), progress, the timeout, transient and lasting failures, and Ctrl+C.
/// </summary>
public sealed class WaitLoyaltyBadgeDataJobTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private const string Create = "New-LoyaltyBadge -Name $Name -ImageUrl https://cdn.example.com/c.png -CsvFile https://files.example.com/c.csv";

    /// <summary>A CSV badge whose one data job will end as <paramref name="outcome"/> after two steps of <paramref name="stepMs"/>.</summary>
    private async Task<Guid> CsvBadgeAsync(string name, string outcome = "complete", int stepMs = 300)
    {
        await Sandbox.SetAsync(new { snagDataJobMs = stepMs, snagDataJobOutcome = outcome });
        return Session.Run(Create, ("Name", name)).ThrowIfErrors().Output.Single().GuidOf("Id");
    }

    private IReadOnlyList<BadgeAdmin.Sandbox.Control.LoggedRequest> Looks() => Sandbox.Requests.To("GET", "/api/loyalty/badges");

    [Fact]
    public void A_new_csv_badge_piped_in_is_written_once_its_job_is_complete_with_progress_on_the_way()
    {
        Sandbox.Server.State.SnagDataJobMs = 300;

        var result = Session.Run($"{Create} | Wait-LoyaltyBadgeDataJob", ("Name", "Summit")).ThrowIfErrors();

        var badge = Assert.Single(result.Output);
        Assert.Equal("complete", badge.Properties["DataJobStatus"].Value);
        var id = badge.GuidOf("Id");
        var looks = Looks();
        Assert.InRange(looks.Count, 2, 3); // at once (pending), after 1 s (complete, or processing then complete at 3 s)
        Assert.All(looks, l => Assert.Equal(new[] { id.ToString() }, l.QueryValues("badgeIds")));
        Assert.All(looks, l => Assert.Null(l.QueryValue("websiteId")));
        Assert.NotEmpty(result.Progress!);
        Assert.Contains(result.Progress!, p => p.StatusDescription == "0 of 1 badge done; jobs: 1 pending");
        Assert.Equal(ProgressRecordType.Completed, result.Progress![^1].RecordType);
    }

    [Fact]
    public async Task Each_badge_ends_its_own_way_with_an_error_id_a_script_can_branch_on_and_one_request_serves_all()
    {
        // Steps of a second: none of them can have finished by the first look.
        var done = await CsvBadgeAsync("Done", stepMs: 1000);
        var failed = await CsvBadgeAsync("Failed", "failed", 1000);
        var cancelled = await CsvBadgeAsync("Cancelled", "cancelled", 1000);
        var plain = SeedBadge(5); // no data job: written at once
        var missing = Guid.NewGuid();
        Sandbox.Server.State.Requests.Clear();

        var result = Session.Run("$Ids | Wait-LoyaltyBadgeDataJob -TimeoutSec 30", ("Ids", new[] { done, failed, cancelled, plain, missing }));

        Assert.Equal(new[] { plain, done }, result.Output.Select(o => o.GuidOf("Id"))); // plain at the first look, done when complete
        Assert.Equal(new[] { "LoyaltyBadgeNotFound", "LoyaltyDataJobFailed", "LoyaltyDataJobCancelled" }, result.ErrorIds);
        Assert.Equal(missing, result.Errors[0].TargetObject);
        var failure = result.Errors[1];
        Assert.Equal(failed, ((PSObject)PSObject.AsPSObject(failure.TargetObject)).GuidOf("Id")); // the badge itself, with its jobs
        Assert.Equal(ErrorCategory.InvalidData, failure.CategoryInfo.Category);
        Assert.Matches(@"^A data job of loyalty badge 'Failed' \([0-9a-f-]{36}\) failed: https://files\.example\.com/c\.csv: row 3: 'not-a-wallet' is not a valid wallet address \(job [0-9a-f-]{36}\)\.$", failure.Exception.Message);
        Assert.Contains("was cancelled: https://files.example.com/c.csv: cancelled (job ", result.Errors[2].Exception.Message);
        Assert.Equal(ErrorCategory.OperationStopped, result.Errors[2].CategoryInfo.Category);
        var first = Looks()[0];
        Assert.Equal(new[] { done, failed, cancelled, plain, missing }.Select(g => g.ToString()), first.QueryValues("badgeIds"));
        Assert.All(Looks().Skip(1), l => Assert.DoesNotContain(plain.ToString(), l.QueryValues("badgeIds"))); // settled badges are not asked for again
    }

    [Theory]
    [InlineData("failed", "LoyaltyDataJobFailed")]
    [InlineData("cancelled", "LoyaltyDataJobCancelled")]
    public async Task After_a_failed_or_cancelled_job_the_errors_advice_works_a_new_file_and_a_second_wait_judge_only_the_new_job(string outcome, string errorId)
    {
        var badge = await CsvBadgeAsync("Webinar", outcome, stepMs: 0);
        var first = Session.Run("Wait-LoyaltyBadgeDataJob -BadgeId $Id", ("Id", badge));
        Assert.Equal(errorId, Assert.Single(first.ErrorIds));
        var advice = first.Errors[0].ErrorDetails.RecommendedAction;
        Assert.Contains($"Set-LoyaltyBadge -Id {badge} -CsvFile <url> -PassThru | Wait-LoyaltyBadgeDataJob", advice, StringComparison.Ordinal);
        await Sandbox.SetAsync(new { snagDataJobMs = 300, snagDataJobOutcome = "complete" });

        // The advice, as typed: the failed job stays on the badge, but a job created after it ended supersedes it.
        var second = Session.Run("Set-LoyaltyBadge -Id $Id -CsvFile https://files.example.com/fixed.csv -PassThru | Wait-LoyaltyBadgeDataJob", ("Id", badge))
            .ThrowIfErrors();

        var written = Assert.Single(second.Output);
        Assert.Equal("complete", written.Properties["DataJobStatus"].Value);
        Assert.Equal(new[] { outcome, "complete" }, Session.Run("$B.DataJobs.Status", ("B", written)).Output.Select(o => o.ToString()));
        Assert.Equal("complete", Session.Run("(Get-LoyaltyBadge -Id $Id).DataJobStatus", ("Id", badge)).Output.Single().ToString());
    }

    [Fact]
    public async Task A_file_that_failed_beside_one_that_completed_in_the_same_request_still_fails()
    {
        await Sandbox.SetAsync(new { snagDataJobMs = 0, snagDataJobOutcome = "failed" });
        var badge = Session.Run("New-LoyaltyBadge -Name Two -ImageUrl https://cdn.example.com/t.png -CsvFile https://files.example.com/a.csv").ThrowIfErrors().Output.Single().GuidOf("Id");
        await Sandbox.SetAsync(new { snagDataJobOutcome = "complete" });
        lock (Sandbox.Server.State.Snag.Gate)
        {
            // A second job as one request would start it: the same creation time as the failed one.
            var jobs = Sandbox.SnagBadge(badge).DataJobs;
            jobs.Add(new BadgeAdmin.Sandbox.Snag.SnagDataJob { Id = Guid.NewGuid(), CreatedAt = jobs[0].CreatedAt, Step = TimeSpan.Zero, Outcome = "complete", FileName = "b.csv" });
        }

        var result = Session.Run("Wait-LoyaltyBadgeDataJob -BadgeId $Id", ("Id", badge));

        Assert.Equal("LoyaltyDataJobFailed", Assert.Single(result.ErrorIds));
        Assert.Empty(result.Output);
    }

    [Fact]
    public async Task The_progress_line_fits_an_80_column_console_and_gives_the_time_left_once()
    {
        var ids = new[] { await CsvBadgeAsync("One", stepMs: 1000), await CsvBadgeAsync("Two", stepMs: 1000), await CsvBadgeAsync("Three", stepMs: 1000) };

        var result = Session.Run("$Ids | Wait-LoyaltyBadgeDataJob -TimeoutSec 600", ("Ids", ids)).ThrowIfErrors();

        var shown = result.Progress!.Where(p => p.RecordType != ProgressRecordType.Completed).ToList();
        Assert.NotEmpty(shown);
        Assert.All(shown, p =>
        {
            // pwsh's one-line view: "<activity> [<status> … <seconds>s]", the activity cut at half the width, the status
            // cut to what is left. 79 characters: an 80-column console keeps its last column free.
            var line = $"{p.Activity} [{p.StatusDescription} {p.SecondsRemaining}s]";
            Assert.True(line.Length <= 79, $"{line.Length} characters: {line}");
            Assert.True(p.SecondsRemaining is > 0 and <= 600, line);
            Assert.DoesNotMatch(@"\d+ ?s\b", p.StatusDescription); // the time is SecondsRemaining's alone
        });
        Assert.Contains(shown, p => p.StatusDescription == "0 of 3 badges done; jobs: 3 pending");
    }

    [Fact]
    public async Task Badges_given_as_an_array_of_objects_are_waited_for_by_their_ids()
    {
        await CsvBadgeAsync("One", stepMs: 0);
        await CsvBadgeAsync("Two", stepMs: 0);

        var result = Session.Run("$b = Get-LoyaltyBadge -First 2; Wait-LoyaltyBadgeDataJob -BadgeId $b").ThrowIfErrors();

        Assert.Equal(new object[] { "Two", "One" }, result.Values("Name"));
    }

    [Fact]
    public async Task Csv_rows_bind_by_their_BadgeId_or_LoyaltyBadgeId_column()
    {
        var one = await CsvBadgeAsync("One", stepMs: 0);
        var two = await CsvBadgeAsync("Two", stepMs: 0);

        var result = Session.Run("""
            $Rows | ConvertFrom-Csv | Wait-LoyaltyBadgeDataJob
            $Users | ConvertFrom-Csv | Wait-LoyaltyBadgeDataJob
            """, ("Rows", new[] { "BadgeId,Note", $"{one},first", $"{two},second" }), ("Users", new[] { "LoyaltyBadgeId", two.ToString() })).ThrowIfErrors();

        Assert.Equal(new object[] { "One", "Two", "Two" }, result.Values("Name"));
    }

    [Fact]
    public async Task Jobs_still_running_at_the_timeout_are_an_error_each_and_the_wait_ends_on_time()
    {
        var slow = await CsvBadgeAsync("Slow", stepMs: 60_000);
        var clock = Stopwatch.StartNew();

        var result = Session.Run("Wait-LoyaltyBadgeDataJob -BadgeId $Id -TimeoutSec 2", ("Id", slow));

        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(2), TimeSpan.FromSeconds(6));
        Assert.Empty(result.Output);
        var error = Assert.Single(result.Errors);
        Assert.Equal("LoyaltyDataJobTimedOut", result.ErrorIds.Single());
        Assert.Equal(ErrorCategory.OperationTimeout, error.CategoryInfo.Category);
        Assert.Matches(@"^The data jobs of loyalty badge 'Slow' \([0-9a-f-]{36}\) had not finished after 2 s: its jobs are 1 pending\.$", error.Exception.Message);
        Assert.Contains("run Wait-LoyaltyBadgeDataJob again", error.ErrorDetails.RecommendedAction);
    }

    [Fact]
    public async Task A_look_the_service_cannot_answer_for_a_moment_is_a_warning_and_the_wait_goes_on()
    {
        var badge = await CsvBadgeAsync("Busy");
        Sandbox.ConnectSnag("-MaxRetries 0");
        await Sandbox.AddFaultAsync(new { method = "GET", path = "/api/loyalty/badges", status = 503, count = 2 });

        var result = Session.Run("Wait-LoyaltyBadgeDataJob -BadgeId $Id -TimeoutSec 30", ("Id", badge)).ThrowIfErrors();

        Assert.Equal(badge, result.Output.Single().GuidOf("Id"));
        Assert.Equal(2, result.Warnings.Count(w => w.StartsWith("Could not read the badges' data jobs", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_lasting_failure_ends_the_wait_at_once_with_that_error_for_each_badge()
    {
        var one = await CsvBadgeAsync("One", stepMs: 60_000);
        var two = await CsvBadgeAsync("Two", stepMs: 60_000);
        await Sandbox.AddFaultAsync(new { method = "GET", path = "/api/loyalty/badges", status = 403, body = "{\"message\":\"Forbidden\"}" });
        var clock = Stopwatch.StartNew();

        var result = Session.Run("Wait-LoyaltyBadgeDataJob -BadgeId $One, $Two", ("One", one), ("Two", two));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(5), $"took {clock.Elapsed}");
        Assert.Equal(new[] { "AccessDenied", "AccessDenied" }, result.ErrorIds);
        Assert.Equal(new object[] { one, two }, result.Errors.Select(e => e.TargetObject));
        Assert.Single(Looks());
    }

    [Fact]
    public async Task Ctrl_C_ends_the_wait_within_a_second()
    {
        var slow = await CsvBadgeAsync("Slow", stepMs: 60_000);
        Session.Run("$null", ("Id", slow)).ThrowIfErrors();
        var (shell, pending) = Session.Begin("Wait-LoyaltyBadgeDataJob -BadgeId $Id");
        using (shell)
        {
            var started = Stopwatch.StartNew();
            while (Looks().Count < 2 && started.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(20); // waiting between looks
            await Task.Delay(300);
            Assert.False(pending.IsCompleted);

            var clock = Stopwatch.StartNew();
            shell.Stop();
            Assert.ThrowsAny<PipelineStoppedException>(() => shell.EndInvoke(pending));

            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(1), $"took {clock.Elapsed}");
            Assert.Empty(shell.Streams.Error);
        }
    }
}
