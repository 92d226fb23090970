using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox;

namespace BadgeAdmin.Engine.Tests.Cmdlets;

/// <summary>
/// -First, -Skip and -IncludeTotalCount (SupportsPaging, bound by the engine) on every list cmdlet, and a downstream
/// Select-Object -First: the API's limit shrunk to what -First needs, and no page requested past it.
/// </summary>
public sealed class PagingTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    /// <summary>The objects -IncludeTotalCount writes: the count (a UInt64) with an Accuracy note property.</summary>
    private static IReadOnlyList<(ulong Count, double Accuracy)> TotalCounts(EngineResult result) =>
        result.Output.Where(o => o.BaseObject is ulong && o.Properties["Accuracy"] is not null)
            .Select(o => ((ulong)o.BaseObject, (double)o.Properties["Accuracy"].Value)).ToList();

    [Fact]
    public void First_asks_the_api_for_no_more_than_it_needs()
    {
        var result = Session.Run("Get-LoyaltyBadge -WebsiteId $WebsiteId -First 3", ("WebsiteId", Sandbox.MainWebsiteId)).ThrowIfErrors();

        Assert.Equal(3, result.Output.Count);
        Assert.Contains("limit=3", Assert.Single(Sandbox.Requests).Query);
    }

    [Fact]
    public void Skip_and_First_cross_page_boundaries_and_stop_paging_once_satisfied()
    {
        var all = Session.Run("Get-LoyaltyBadge -WebsiteId $WebsiteId", ("WebsiteId", Sandbox.MainWebsiteId)).ThrowIfErrors().Values("Id");
        Sandbox.Server.State.Requests.Clear();

        var result = Session.Run("Get-LoyaltyBadge -WebsiteId $WebsiteId -Skip 1000 -First 5", ("WebsiteId", Sandbox.MainWebsiteId)).ThrowIfErrors();

        Assert.Equal(2500, all.Count);
        Assert.Equal(all.Skip(1000).Take(5), result.Values("Id"));
        Assert.Equal(2, Sandbox.Requests.Count); // 1,000 a page: the second completes -First, the third is never asked for
    }

    [Fact]
    public void PartnerPage_listings_page_the_same_way()
    {
        var result = Session.Run("Get-PartnerEntry -Skip 2 -First 4").ThrowIfErrors();

        Assert.Equal(Sandbox.EntryIds.Skip(2).Take(4).Cast<object>(), result.Values("Id"));
        Assert.Equal(2, Sandbox.Requests.Count); // 5 a page: the second page completes -First, the third is never asked for
    }

    [Fact]
    public void Paging_counts_across_piped_entries()
    {
        var entries = Sandbox.EntryIds.Take(3).ToArray();
        var expected = entries.SelectMany(e => Sandbox.Server.State.PartnerPage.BadgesOf(e).Select(b => (Entry: e, b.BadgeId))).Skip(1).Take(3).ToList();

        var result = Session.Run("$Entries | Get-PartnerBadge -Skip 1 -First 3", ("Entries", entries)).ThrowIfErrors();

        Assert.True(Sandbox.Server.State.PartnerPage.BadgesOf(entries[0]).Count < 4, "the first entry alone must not satisfy -Skip 1 -First 3");
        Assert.Equal(expected, result.Output.Select(o => ((Guid)o.Properties["EntryId"].Value, (Guid)o.Properties["Id"].Value)));
    }

    [Fact]
    public void IncludeTotalCount_reports_the_envelopes_count_or_an_unknown_total()
    {
        var partner = Session.Run("Get-PartnerEntry -First 1 -IncludeTotalCount").ThrowIfErrors();
        var snag = Session.Run("Get-LoyaltyWebsite -IncludeTotalCount").ThrowIfErrors();
        var byId = Session.Run("Get-LoyaltyBadge -Id $Ids -IncludeTotalCount", ("Ids", new[] { StableId.For("snag/badge/1"), Guid.NewGuid() }));

        Assert.Equal((12UL, 1.0), Assert.Single(TotalCounts(partner)));
        Assert.Equal(2, partner.Output.Count); // one entry, then the count
        Assert.Equal((0UL, 0.0), Assert.Single(TotalCounts(snag)));
        Assert.Equal((1UL, 1.0), Assert.Single(TotalCounts(byId)));
        Assert.Equal("LoyaltyBadgeNotFound", Assert.Single(byId.ErrorIds));
    }

    [Fact]
    public void Badge_users_and_websites_honour_First()
    {
        var users = Session.Run("Get-LoyaltyBadgeUser -BadgeId $BadgeId -First 2", ("BadgeId", StableId.For("snag/badge/2499"))).ThrowIfErrors();
        var sites = Session.Run("Get-LoyaltyWebsite -First 1").ThrowIfErrors();

        Assert.Equal(2, users.Output.Count);
        Assert.Single(sites.Output);
        var requests = Sandbox.Requests;
        Assert.Equal(2, requests.Count);
        Assert.Contains("limit=2", requests[0].Query);
        Assert.Contains("limit=1", requests[1].Query);
    }

    [Fact]
    public void First_zero_writes_nothing_and_sends_nothing()
    {
        var result = Session.Run("Get-LoyaltyWebsite -First 0").ThrowIfErrors();

        Assert.Empty(result.Output);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void Select_Object_First_stops_the_listing_after_the_page_that_satisfied_it()
    {
        var snag = Session.Run("Get-LoyaltyBadge | Select-Object -First 3").ThrowIfErrors();
        var snagRequests = Sandbox.Requests.Count;
        Sandbox.Server.State.Requests.Clear();
        var partner = Session.Run("Get-PartnerEntry | Select-Object -First 6").ThrowIfErrors();

        Assert.Equal(3, snag.Output.Count);
        Assert.Equal(1, snagRequests); // 2,500 badges, 1,000 a page: the other pages are never asked for
        Assert.Equal(Sandbox.EntryIds.Take(6).Cast<object>(), partner.Values("Id"));
        Assert.Equal(2, Sandbox.Requests.Count); // 5 a page: the sixth entry is on the second page; no third
    }

    [Fact]
    public void Select_Object_First_on_piped_entries_sends_nothing_for_the_entries_it_never_needed()
    {
        var entries = Sandbox.EntryIds.Take(3).ToArray();

        var result = Session.Run("$Entries | Get-PartnerBadge | Select-Object -First 1", ("Entries", entries)).ThrowIfErrors();

        Assert.Equal(entries[0], Assert.Single(result.Output).Properties["EntryId"].Value);
        Assert.Single(Sandbox.Requests); // the pipeline stopped: entries 2 and 3 were never asked about
    }
}
