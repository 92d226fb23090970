using BadgeAdmin.Sandbox.Control;

namespace BadgeAdmin.Tests.Sandbox;

/// <summary>The request log stays bounded for long runs: a ring that drops its oldest entries and counts them.</summary>
public sealed class RequestLogTests
{
    private static long Log(RequestLog log, string path = "/api/x", string? body = null) =>
        log.Begin(seq => new LoggedRequest(seq, DateTimeOffset.UtcNow, "GET", path, "", body, 0, "valid", null, false));

    [Fact]
    public void Past_its_capacity_the_log_drops_the_oldest_entries_and_counts_them()
    {
        var log = new RequestLog(capacity: 1000);
        for (var i = 0; i < 2500; i++) Log(log, $"/api/{i}");

        var kept = log.Snapshot();
        Assert.Equal(1000, kept.Count);
        Assert.Equal("/api/1500", kept[0].Path);
        Assert.Equal("/api/2499", kept[^1].Path);
        Assert.Equal(1500, log.Dropped);
        Assert.Equal(Enumerable.Range(1501, 1000).Select(i => (long)i), kept.Select(e => e.Sequence));
    }

    [Fact]
    public void An_answer_is_recorded_on_its_request_found_by_sequence_even_after_the_ring_wrapped()
    {
        var log = new RequestLog(capacity: 3);
        var sequences = Enumerable.Range(0, 5).Select(_ => Log(log)).ToList();

        log.Complete(sequences[1], 200, faulted: false); // dropped already: nothing happens
        log.Complete(sequences[3], 429, faulted: false, rateLimited: true);
        log.Complete(sequences[4], 503, faulted: true);

        Assert.Equal(new[] { 0, 429, 503 }, log.Snapshot().Select(e => e.Status));
        Assert.Equal(new[] { false, true, false }, log.Snapshot().Select(e => e.RateLimited));
        Assert.Equal(new[] { false, false, true }, log.Snapshot().Select(e => e.Faulted));
    }

    [Fact]
    public void Clearing_empties_the_log_and_an_answer_to_a_request_from_before_is_ignored()
    {
        var log = new RequestLog(capacity: 10);
        var before = Log(log);
        log.Clear();
        var after = Log(log);

        log.Complete(before, 200, false);
        log.Complete(after, 201, false);

        Assert.Equal(201, Assert.Single(log.Snapshot()).Status);
        Assert.Equal(0, log.Dropped);
    }

    [Fact]
    public void Bodies_are_bounded_in_all_too()
    {
        var log = new RequestLog(capacity: 100_000);
        var body = new string('x', 64 * 1024);
        for (var i = 0; i < 1100; i++) Log(log, body: body); // 68.75 MB of bodies offered

        Assert.True(log.Snapshot().Sum(e => (long)e.Body!.Length) <= RequestLog.BodyBudget);
        Assert.Equal(1100 - (RequestLog.BodyBudget / body.Length), log.Dropped);
    }

    [Fact]
    public void A_smaller_capacity_keeps_the_newest_entries()
    {
        var log = new RequestLog(capacity: 10);
        for (var i = 0; i < 10; i++) Log(log, $"/api/{i}");

        log.Capacity = 4;
        var next = Log(log, "/api/10");
        log.Complete(next, 200, false);

        Assert.Equal(new[] { "/api/7", "/api/8", "/api/9", "/api/10" }, log.Snapshot().Select(e => e.Path));
        Assert.Equal(200, log.Snapshot()[^1].Status);
        Assert.Equal(7, log.Dropped);
    }
}
