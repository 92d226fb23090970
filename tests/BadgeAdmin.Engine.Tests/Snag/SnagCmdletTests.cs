using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox.Snag;
using static BadgeAdmin.Engine.Tests.Support.SnagSandbox;

namespace BadgeAdmin.Engine.Tests.Snag;

/// <summary>
/// The Snag cmdlets that read (Get-LoyaltyBadge, Get-LoyaltyBadgeUser, Get-LoyaltyWebsite) typed as in pwsh, against
/// the sandbox: what is written, and exactly which requests reach the server. Changes are in SnagChangeCmdletTests.
/// </summary>
public sealed class SnagCmdletTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private SnagData Data => Sandbox.Server.State.Snag;

    /// <summary>The ids of a website's badges in the API's order (newest first).</summary>
    private List<Guid> BadgesOf(Guid websiteId)
    {
        lock (Data.Gate) return Data.Badges.Where(b => b.WebsiteId == websiteId && b.DeletedAt is null).Select(b => b.Id).ToList();
    }

    private List<(Guid Badge, Guid UserBadge)> UserBadgesOf(params Guid[] badges)
    {
        lock (Data.Gate) return badges.SelectMany(b => Data.UserBadgesOf(b).Select(u => (b, u.Id))).ToList();
    }

    [Fact]
    public void Get_LoyaltyBadge_streams_every_badge_of_the_website_following_the_cursor()
    {
        var result = Session.Run("Get-LoyaltyBadge -WebsiteId $WebsiteId -Verbose", ("WebsiteId", Sandbox.MainWebsiteId)).ThrowIfErrors();

        var expected = BadgesOf(Sandbox.MainWebsiteId);
        Assert.Equal(SnagData.DefaultMainWebsiteBadges, expected.Count);
        Assert.Equal(expected, result.Values("Id").Cast<Guid>());

        // 2,500 badges at 1,000 a page: three requests, each after the last id of the page before.
        var requests = Sandbox.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(("GET", "/api/loyalty/badges", 200), (r.Method, r.Path, r.Status)));
        Assert.All(requests, r => Assert.Equal((Sandbox.MainWebsiteId.ToString(), Sandbox.OrganizationId.ToString(), "1000"),
            (r.QueryValue("websiteId"), r.QueryValue("organizationId"), r.QueryValue("limit"))));
        Assert.Equal(new string?[] { null, expected[999].ToString(), expected[1999].ToString() }, requests.Select(r => r.QueryValue("startingAfter")));
        Assert.Equal(3, result.Verbose.Count(v => v.StartsWith("GET /api/loyalty/badges?", StringComparison.Ordinal)));
    }

    [Fact]
    public void Get_LoyaltyBadge_piped_to_Select_First_3_requests_one_page()
    {
        var result = Session.Run("Get-LoyaltyBadge -WebsiteId $WebsiteId | Select-Object -First 3", ("WebsiteId", Sandbox.MainWebsiteId)).ThrowIfErrors();

        Assert.Equal(BadgesOf(Sandbox.MainWebsiteId).Take(3), result.Values("Id").Cast<Guid>());
        Assert.Single(Sandbox.Requests); // the stop ended the paging: no second page was asked for
    }

    [Fact]
    public void Get_LoyaltyBadge_uses_the_connections_website_when_none_is_given()
    {
        Sandbox.ConnectSnag("-OrganizationId $OrgId -WebsiteId $Beta", ("Beta", Data.BetaWebsite.Id));

        var result = Session.Run("Get-LoyaltyBadge").ThrowIfErrors();

        Assert.Equal(SnagData.BetaWebsiteBadges, result.Output.Count);
        Assert.Equal(BadgesOf(Data.BetaWebsite.Id), result.Values("Id").Cast<Guid>());
        Assert.Equal(Data.BetaWebsite.Id.ToString(), Assert.Single(Sandbox.Requests).QueryValue("websiteId"));
    }

    [Fact]
    public void Get_LoyaltyBadge_by_id_reports_each_missing_id()
    {
        var missing = Guid.NewGuid();

        var result = Session.Run("Get-LoyaltyBadge -Id $Held, $Missing", ("Held", HeldBadge), ("Missing", missing));

        Assert.Equal(HeldBadge, Assert.Single(result.Values("Id")));
        Assert.Null(result.Terminating);
        Assert.Equal("LoyaltyBadgeNotFound", Assert.Single(result.ErrorIds));
        var error = result.Errors[0];
        Assert.Equal((ErrorCategory.ObjectNotFound, (object)missing), (error.CategoryInfo.Category, error.TargetObject));
        Assert.Contains(missing.ToString(), error.Exception.Message);
        var request = Assert.Single(Sandbox.Requests);
        Assert.Equal(new[] { HeldBadge.ToString(), missing.ToString() }, request.QueryValues("badgeIds"));
        Assert.Null(request.QueryValue("organizationId")); // by id, only an explicit scope applies, not the connection's
        Assert.Null(request.QueryValue("websiteId"));
    }

    [Fact]
    public void Ids_piped_one_by_one_are_fetched_together()
    {
        var ids = Enumerable.Range(0, 5).Select(SeedBadge).ToArray();

        var result = Session.Run("$Ids | Get-LoyaltyBadge", ("Ids", ids)).ThrowIfErrors();

        Assert.Equal(ids, result.Values("Id").Cast<Guid>());
        Assert.Equal(ids.Select(id => id.ToString()), Assert.Single(Sandbox.Requests).QueryValues("badgeIds"));
    }

    [Fact]
    public void Get_LoyaltyWebsite_finds_a_website_by_name()
    {
        var result = Session.Run("Get-LoyaltyWebsite 'Main Website'").ThrowIfErrors();

        Assert.Equal(Sandbox.MainWebsiteId, Assert.Single(result.Values("Id")));
        var request = Assert.Single(Sandbox.Requests);
        Assert.Equal(("/api/websites", "Main Website", Sandbox.OrganizationId.ToString()), (request.Path, request.QueryValue("name"), request.QueryValue("organizationId")));
    }

    [Fact]
    public void Get_LoyaltyWebsite_piped_to_Get_LoyaltyBadge_lists_the_badges_of_each_website()
    {
        var result = Session.Run("Get-LoyaltyWebsite | Get-LoyaltyBadge").ThrowIfErrors();

        // A website also offers its Id by name; it must scope the listing, not be taken for a badge id.
        Assert.Equal(BadgesOf(Sandbox.MainWebsiteId).Concat(BadgesOf(Data.BetaWebsite.Id)), result.Values("Id").Cast<Guid>());
        var badgeRequests = Sandbox.Requests.Where(r => r.Path == "/api/loyalty/badges").ToList();
        Assert.Equal(Enumerable.Repeat(Sandbox.MainWebsiteId.ToString(), 3).Append(Data.BetaWebsite.Id.ToString()), badgeRequests.Select(r => r.QueryValue("websiteId")));
        Assert.All(badgeRequests, r => Assert.Empty(r.QueryValues("badgeIds")));
    }

    [Fact]
    public void Get_LoyaltyBadgeUser_from_a_piped_badge()
    {
        var result = Session.Run("Get-LoyaltyBadge -Id $Held | Get-LoyaltyBadgeUser", ("Held", HeldBadge)).ThrowIfErrors();

        Assert.Equal(UserBadgesOf(HeldBadge).Select(u => u.UserBadge), result.Values("Id").Cast<Guid>());
        Assert.All(result.Values("LoyaltyBadgeId"), id => Assert.Equal(HeldBadge, id));
        Assert.Equal(HeldBadge.ToString(), Sandbox.Requests.Single(r => r.Path == "/api/loyalty/badge_users").QueryValue("loyaltyBadgeId"));
    }

    [Fact]
    public void Get_LoyaltyBadge_First_3_piped_to_Get_LoyaltyBadgeUser_lists_the_holders_of_each()
    {
        var result = Session.Run("Get-LoyaltyBadge -First 3 | Get-LoyaltyBadgeUser").ThrowIfErrors();

        var newest = BadgesOf(Sandbox.MainWebsiteId).Take(3).ToArray();
        var expected = UserBadgesOf(newest);
        Assert.NotEmpty(expected);
        Assert.Equal(expected, result.Output.Select(o => ((Guid)o.Properties["LoyaltyBadgeId"].Value, (Guid)o.Properties["Id"].Value)));
        var requests = Sandbox.Requests;
        Assert.Equal("3", requests[0].QueryValue("limit")); // -First 3 asks for no more than it writes
        Assert.Equal(newest.Select(id => id.ToString()), requests.Skip(1).Select(r => r.QueryValue("loyaltyBadgeId")));
        Assert.All(requests.Skip(1), r => Assert.Equal("/api/loyalty/badge_users", r.Path));
    }

    [Fact]
    public void Exported_badges_imported_from_csv_are_fetched_again_by_their_Id_column()
    {
        var csv = Path.Combine(Path.GetTempPath(), $"badgeadmin-{Guid.NewGuid():N}.csv");
        try
        {
            var result = Session.Run("""
                Get-LoyaltyBadge -First 3 | Export-Csv -Path $Csv
                Import-Csv -Path $Csv | Get-LoyaltyBadge
                """, ("Csv", csv)).ThrowIfErrors();

            var newest = BadgesOf(Sandbox.MainWebsiteId).Take(3).ToArray();
            Assert.Equal(newest, result.Values("Id").Cast<Guid>());
            Assert.Equal(2, Sandbox.Requests.Count);
            Assert.Equal(newest.Select(id => id.ToString()), Sandbox.Requests[1].QueryValues("badgeIds")); // the rows' ids, in one request
        }
        finally
        {
            File.Delete(csv);
        }
    }

    public static TheoryData<string, object, string, ErrorCategory> OneFailure => new()
    {
        { "a 503 (retries off)", new { path = "/api/loyalty/badges", status = 503 }, "ServiceError", ErrorCategory.ResourceUnavailable },
        {
            "an HTML page with 200",
            new { path = "/api/loyalty/badges", status = 200, contentType = "text/html", body = "<!DOCTYPE html><html><body>Sign in</body></html>" },
            "InvalidResponse", ErrorCategory.InvalidResult
        },
    };

    [Theory]
    [MemberData(nameof(OneFailure))]
    public async Task Get_LoyaltyBadge_by_id_whose_request_fails_writes_one_error_and_no_LoyaltyBadgeNotFound(string failure, object fault, string errorId, ErrorCategory category)
    {
        Sandbox.ConnectSnag("-OrganizationId $OrgId -MaxRetries 0");
        await Sandbox.AddFaultAsync(fault);

        var result = Session.Run("Get-LoyaltyBadge -Id $Held", ("Held", HeldBadge));

        // Without an answer the module cannot know the badge is missing: the failure is the only thing to report.
        Assert.Empty(result.Output);
        Assert.Null(result.Terminating);
        Assert.True(result.ErrorIds.SequenceEqual(new[] { errorId }), $"{failure}: {string.Join(", ", result.ErrorIds)}");
        Assert.Equal((category, (object)HeldBadge), (result.Errors[0].CategoryInfo.Category, result.Errors[0].TargetObject));
        Assert.True(Assert.Single(Sandbox.Requests).Faulted);
    }
}
