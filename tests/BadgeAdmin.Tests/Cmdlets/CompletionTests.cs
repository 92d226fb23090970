using System.Diagnostics;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.PartnerPage;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Cmdlets;

/// <summary>Tab completion of ids: from what the connection read, else one bounded request; never an error, never a hang.</summary>
public sealed class CompletionTests : IClassFixture<SandboxFixture>
{
    private readonly SandboxFixture _sandbox;

    public CompletionTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
    }

    [Fact]
    public void Ids_already_read_are_offered_without_a_request_matching_name_or_id_prefix()
    {
        using var connection = new PartnerPageConnection(_sandbox.PartnerPageSettings(), "test");
        var runtime = new RecordingRuntime();
        runtime.Connections.SetPartnerPage(connection);
        CmdletRunner.Run(new GetPartnerEntryCommand(), runtime);
        _sandbox.Server.State.Requests.Clear();
        var acme = _sandbox.Server.State.PartnerPage.EntryIds[0];

        var byName = new PartnerEntryIdCompleter().Candidates(connection, "acme");
        var byId = new PartnerEntryIdCompleter().Candidates(connection, "'" + acme.ToString()[..6]);
        var all = new PartnerEntryIdCompleter().Candidates(connection, "");

        Assert.Equal((acme, "Acme Cloud"), Assert.Single(byName));
        Assert.Contains(byId, c => c.Id == acme);
        Assert.Equal(12, all.Count);
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void With_nothing_read_yet_one_bounded_request_primes_the_completion()
    {
        using var connection = new SnagConnection(_sandbox.SnagSettings(), "test", _sandbox.Snag.OrganizationId, _sandbox.Snag.MainWebsite.Id);

        var websites = new LoyaltyWebsiteIdCompleter().Candidates(connection, "main");
        var badges = new LoyaltyBadgeIdCompleter().Candidates(connection, "Gold");
        var again = new LoyaltyBadgeIdCompleter().Candidates(connection, "Silver");

        Assert.Equal(_sandbox.Snag.MainWebsite.Id, Assert.Single(websites).Id);
        Assert.NotEmpty(badges);
        Assert.All(badges, b => Assert.Contains("Gold", b.Name));
        Assert.NotEmpty(again);
        Assert.Equal(2, _sandbox.Requests.Count); // one for websites, one for badges; the second badge completion used the cache
        Assert.Contains("limit=100", _sandbox.Requests[1].Query);
        Assert.Contains($"websiteId={_sandbox.Snag.MainWebsite.Id}", _sandbox.Requests[1].Query);
    }

    [Fact]
    public async Task A_stalled_server_gives_no_candidates_within_the_budget_and_no_error()
    {
        await _sandbox.AddFaultAsync(new { path = "/api/websites", stall = true });
        using var connection = new SnagConnection(_sandbox.SnagSettings(), "test");
        var clock = Stopwatch.StartNew();

        var candidates = new LoyaltyWebsiteIdCompleter().Candidates(connection, "");

        Assert.Empty(candidates);
        Assert.InRange(clock.Elapsed, TimeSpan.FromSeconds(1.5), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public void No_connection_means_no_candidates()
    {
        Assert.Empty(new PartnerEntryIdCompleter().Candidates(null, "x"));
        var closed = new PartnerPageConnection(_sandbox.PartnerPageSettings(), "test");
        closed.Dispose();
        Assert.Empty(new PartnerEntryIdCompleter().Candidates(closed, "x"));
    }

    [Fact]
    public void The_cache_is_bounded_and_most_recent_first()
    {
        var seen = new RecentlySeen();
        var ids = Enumerable.Range(0, RecentlySeen.Capacity + 10).Select(_ => Guid.NewGuid()).ToList();
        foreach (var id in ids) seen.Record("k", id, "n");
        seen.Record("k", ids[^5], "renamed");

        var all = seen.Match("k", "", int.MaxValue);

        Assert.InRange(all.Count, RecentlySeen.Capacity - 1, RecentlySeen.Capacity); // the renamed id is held twice, offered once
        Assert.Equal((ids[^5], "renamed"), all[0]);
        Assert.Single(all, c => c.Id == ids[^5]);
        Assert.DoesNotContain(all, c => c.Id == ids[0]);
    }
}
