using BadgeAdmin.Cmdlets.PartnerPage;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Cmdlets.Snag;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.PartnerPage.Models;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Cmdlets;

/// <summary>
/// -First, -Skip and -IncludeTotalCount (SupportsPaging) on every list cmdlet: the same behaviour everywhere, the
/// API's limit shrunk to what -First needs, and no page requested past it.
/// </summary>
public sealed class PagingTests : IClassFixture<SandboxFixture>, IDisposable
{
    private readonly SandboxFixture _sandbox;
    private readonly SnagConnection _snag;
    private readonly PartnerPageConnection _partnerPage;

    public PagingTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _snag = new SnagConnection(sandbox.SnagSettings(), "test");
        _partnerPage = new PartnerPageConnection(sandbox.PartnerPageSettings(), "test");
    }

    public void Dispose()
    {
        _snag.Dispose();
        _partnerPage.Dispose();
    }

    private RecordingRuntime Runtime(ulong first = ulong.MaxValue, ulong skip = 0, bool total = false)
    {
        var runtime = new RecordingRuntime { Paging = new PagingRequest(first, skip, total) };
        runtime.Connections.SetSnag(_snag);
        runtime.Connections.SetPartnerPage(_partnerPage);
        return runtime;
    }

    [Fact]
    public void First_asks_the_api_for_no_more_than_it_needs()
    {
        var runtime = CmdletRunner.Run(new GetLoyaltyBadgeCommand { WebsiteId = _sandbox.Snag.MainWebsite.Id }, Runtime(first: 3));

        Assert.Equal(3, runtime.Objects.Count);
        Assert.Contains("limit=3", _sandbox.Requests.Single().Query);
    }

    [Fact]
    public void Skip_and_First_cross_page_boundaries_and_stop_paging_once_satisfied()
    {
        var all = CmdletRunner.Run(new GetLoyaltyBadgeCommand { WebsiteId = _sandbox.Snag.MainWebsite.Id }, Runtime()).Objects.Cast<LoyaltyBadge>().ToList();
        _sandbox.Server.State.Requests.Clear();

        var runtime = CmdletRunner.Run(new GetLoyaltyBadgeCommand { WebsiteId = _sandbox.Snag.MainWebsite.Id }, Runtime(first: 5, skip: 1000));

        Assert.Equal(all.Skip(1000).Take(5).Select(b => b.Id), runtime.Objects.Cast<LoyaltyBadge>().Select(b => b.Id));
        Assert.Equal(2, _sandbox.Requests.Count);
    }

    [Fact]
    public void PartnerPage_listings_page_the_same_way()
    {
        var runtime = CmdletRunner.Run(new GetPartnerEntryCommand(), Runtime(first: 4, skip: 2));

        Assert.Equal(_sandbox.Server.State.PartnerPage.EntryIds.Skip(2).Take(4), runtime.Objects.Cast<PartnerEntry>().Select(e => e.Id));
        Assert.Equal(2, _sandbox.Requests.Count); // 5 a page: the second page completes -First, the third is never asked for
    }

    [Fact]
    public void Paging_counts_across_piped_entries()
    {
        var entries = _sandbox.Server.State.PartnerPage.EntryIds.Take(3).ToList();

        var runtime = CmdletRunner.RunPipeline(new GetPartnerBadgeCommand(), entries, (c, id) => ((GetPartnerBadgeCommand)c).EntryId = id, Runtime(first: 3));

        Assert.Equal(3, runtime.Objects.Count);
    }

    [Fact]
    public void IncludeTotalCount_reports_the_envelopes_count_or_an_unknown_total()
    {
        var partner = CmdletRunner.Run(new GetPartnerEntryCommand(), Runtime(first: 1, total: true));
        var snag = CmdletRunner.Run(new GetLoyaltyWebsiteCommand(), Runtime(total: true));
        var byId = CmdletRunner.Run(new GetLoyaltyBadgeCommand { Id = new[] { BadgeAdmin.Sandbox.StableId.For("snag/badge/1"), Guid.NewGuid() } }, Runtime(total: true));

        Assert.Equal((12UL, 1.0), Assert.Single(partner.TotalCounts));
        Assert.Equal((0UL, 0.0), Assert.Single(snag.TotalCounts));
        Assert.Equal((1UL, 1.0), Assert.Single(byId.TotalCounts));
    }

    [Fact]
    public void Badge_users_and_websites_honour_First()
    {
        var badge = BadgeAdmin.Sandbox.StableId.For("snag/badge/2499");

        var users = CmdletRunner.Run(new GetLoyaltyBadgeUserCommand { BadgeId = badge }, Runtime(first: 2));
        var sites = CmdletRunner.Run(new GetLoyaltyWebsiteCommand(), Runtime(first: 1));

        Assert.Equal(2, users.Objects.Cast<LoyaltyBadgeUser>().Count());
        Assert.Single(sites.Objects);
        Assert.Contains("limit=2", _sandbox.Requests[0].Query);
        Assert.Contains("limit=1", _sandbox.Requests[1].Query);
    }

    [Fact]
    public void First_zero_writes_nothing_and_sends_nothing()
    {
        var runtime = CmdletRunner.Run(new GetLoyaltyWebsiteCommand(), Runtime(first: 0));

        Assert.Empty(runtime.Objects);
    }
}
