using BadgeAdmin.Core.Connections;

namespace BadgeAdmin.Tests.Connections;

/// <summary>What tab completion can offer: the latest items of each kind, each id once under its latest name.</summary>
public sealed class RecentlySeenTests
{
    [Fact]
    public void Past_the_capacity_the_oldest_are_dropped_and_the_rest_kept_newest_first()
    {
        var seen = new RecentlySeen();
        var ids = Enumerable.Range(0, RecentlySeen.Capacity + 5).Select(_ => Guid.NewGuid()).ToList();
        foreach (var (id, i) in ids.Select((id, i) => (id, i))) seen.Record("badge", id, $"Badge {i}");

        var all = seen.Match("badge", null);

        Assert.Equal(RecentlySeen.Capacity, all.Count);
        Assert.Equal(ids[^1], all[0].Id);
        Assert.Equal(ids[5], all[^1].Id);
        Assert.DoesNotContain(all, item => ids.Take(5).Contains(item.Id));
    }

    [Fact]
    public void An_id_read_again_is_offered_once_under_its_latest_name_and_kinds_stay_apart()
    {
        var seen = new RecentlySeen();
        var (a, b) = (Guid.NewGuid(), Guid.NewGuid());
        seen.Record("entry", a, "Acme");
        seen.Record("entry", b, "Birch");
        seen.Record("entry", a, "Acme Cloud");
        seen.Record("badge", Guid.NewGuid(), "Gold");

        Assert.Equal([(a, "Acme Cloud"), (b, "Birch")], seen.Match("entry", ""));
        Assert.Equal([(a, "Acme Cloud")], seen.Match("entry", "'acme c*"));
        Assert.Empty(seen.Match("entry", "cloud")); // a name matches from its start, as PowerShell's own completion does
        Assert.Equal([(a, "Acme Cloud")], seen.Match("entry", "*cloud"));
        Assert.Equal([(a, "Acme Cloud")], seen.Match("entry", a.ToString()[..8].ToUpperInvariant()));
        Assert.Single(seen.Match("badge", "gold"));
        Assert.Empty(seen.Match("website", null));
    }

    [Fact]
    public void A_name_is_found_by_id_at_once_the_latest_one_and_forgotten_when_the_ring_overwrites_it()
    {
        var seen = new RecentlySeen();
        var (kept, renamed, evicted) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        seen.Record("badge", evicted, "Old");
        seen.Record("badge", renamed, "Silver");
        seen.Record("badge", renamed, "Platinum");
        seen.Record("entry", kept, "Acme");

        Assert.Equal("Platinum", seen.NameOf("badge", renamed));
        Assert.Equal("Old", seen.NameOf("badge", evicted));
        Assert.Null(seen.NameOf("entry", renamed)); // kinds stay apart
        Assert.Null(seen.NameOf("website", kept));

        // Once Capacity newer items have been written, the first one is gone; one written again stays.
        seen.Record("badge", renamed, "Platinum");
        for (var i = 0; i < RecentlySeen.Capacity - 1; i++) seen.Record("badge", Guid.NewGuid(), $"Badge {i}");
        Assert.Null(seen.NameOf("badge", evicted));
        Assert.Equal("Platinum", seen.NameOf("badge", renamed));
    }

    [Fact]
    public void A_listing_read_to_its_end_counts_as_whole_for_a_while_unless_it_was_larger_than_the_ring()
    {
        var seen = new RecentlySeen();

        Assert.False(seen.IsComplete("entries", TimeSpan.FromMinutes(1)));
        seen.MarkComplete("entries", 12);
        seen.MarkComplete("badges", RecentlySeen.Capacity + 1);

        Assert.True(seen.IsComplete("entries", TimeSpan.FromMinutes(1)));
        Assert.False(seen.IsComplete("entries", TimeSpan.Zero - TimeSpan.FromTicks(1))); // too old for a caller that trusts nothing
        Assert.False(seen.IsComplete("badges", TimeSpan.FromMinutes(1)));
        Assert.False(seen.IsComplete("directories", TimeSpan.FromMinutes(1)));
    }

    [Fact]
    public void A_forgotten_item_is_no_longer_offered_but_keeps_its_name_and_comes_back_when_read_again()
    {
        var seen = new RecentlySeen();
        var (gold, silver, entry) = (Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid());
        seen.Record("badge", entry, gold, "Gold");
        seen.Record("badge", entry, silver, "Silver");

        seen.Forget(RecentlySeen.Within("badge", entry), gold); // detached from the entry: other entries may carry it
        Assert.Equal(new[] { silver }, seen.Match(RecentlySeen.Within("badge", entry), null).Select(m => m.Id));
        Assert.Contains(seen.Match("badge", "gold"), m => m.Id == gold);

        seen.ForgetEverywhere(silver); // deleted with every place that showed it
        Assert.Empty(seen.Match("badge", "silver"));
        Assert.Equal("Silver", seen.NameOf("badge", silver)); // messages still name it

        seen.Record("badge", entry, gold, "Gold"); // read again: it exists after all
        Assert.Contains(seen.Match(RecentlySeen.Within("badge", entry), "g"), m => m.Id == gold);
    }
}
