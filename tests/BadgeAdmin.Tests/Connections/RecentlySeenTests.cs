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
        Assert.Equal([(a, "Acme Cloud")], seen.Match("entry", "'cloud*"));
        Assert.Single(seen.Match("badge", "gold"));
        Assert.Empty(seen.Match("website", null));
    }
}
