using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Cmdlets;

/// <summary>-Name on the listings takes wildcards in any casing, as Get-ChildItem -Name and Get-Service -Name do.</summary>
public sealed class WildcardNameTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private IReadOnlyList<string> Names(string script) =>
        Session.Run(script).ThrowIfErrors().Values("Name").Select(n => (string)n!).ToList();

    [Fact]
    public void Get_LoyaltyWebsite_Name_takes_a_pattern_and_a_plain_name()
    {
        Assert.Equal(new[] { "Main Website" }, Names("Get-LoyaltyWebsite -Name 'main*'"));
        Assert.Equal(new[] { "Beta Website", "Main Website" }, Names("Get-LoyaltyWebsite -Name '*WEBSITE'").Order());
        Assert.Equal(new[] { "Main Website" }, Names("Get-LoyaltyWebsite -Name 'Main Website'"));
        Assert.Empty(Names("Get-LoyaltyWebsite -Name 'Nothing*'"));
    }

    [Fact]
    public void Get_PartnerEntry_Name_filters_the_listing_by_pattern()
    {
        var all = Names("Get-PartnerEntry");
        var expected = all.Where(n => n.StartsWith("a", StringComparison.OrdinalIgnoreCase)).ToList();

        Assert.NotEmpty(expected);
        Assert.Equal(expected, Names("Get-PartnerEntry -Name 'a*'"));
    }

    [Fact]
    public void Get_LoyaltyBadge_Name_filters_and_First_still_counts_matches()
    {
        var gold = Names("Get-LoyaltyBadge -Name 'GOLD*' -First 3");

        Assert.Equal(3, gold.Count);
        Assert.All(gold, name => Assert.StartsWith("Gold", name, StringComparison.Ordinal));
    }
}
