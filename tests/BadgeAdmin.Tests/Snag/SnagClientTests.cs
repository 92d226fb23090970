using System.Net;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;
using BadgeAdmin.Sandbox.Snag;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Snag;

/// <summary>The Snag client against the sandbox over real HTTP: cursor paging, query encoding, every route, the drift.</summary>
public sealed class SnagClientTests : SandboxTest, IDisposable
{
    private readonly SnagClient _client;

    public SnagClientTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        _client = sandbox.SnagClient();
    }

    public void Dispose() => _client.Dispose();

    private SnagData Data => Sandbox.Snag;

    private Guid MainWebsite => Data.MainWebsite.Id;

    /// <summary>The newest main-website badge, which the seed gives holders in several statuses.</summary>
    private Guid HeldBadge => StableIdOfSeedBadge(SnagData.DefaultMainWebsiteBadges - 1);

    private static Guid StableIdOfSeedBadge(int i) => BadgeAdmin.Sandbox.StableId.For($"snag/badge/{i}");

    private static Dictionary<string, string[]> Query(string query) =>
        query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .GroupBy(p => Uri.UnescapeDataString(p[0]), p => Uri.UnescapeDataString(p[1]))
            .ToDictionary(g => g.Key, g => g.ToArray());

    [Fact]
    public async Task Listing_a_website_follows_the_cursor_at_the_maximum_page_size()
    {
        var badges = await _client.ListBadgesAsync(new LoyaltyBadgeQuery { WebsiteId = MainWebsite }).ToListAsync();

        Assert.Equal(SnagData.DefaultMainWebsiteBadges, badges.Count);
        Assert.Equal(badges.Count, badges.Select(b => b.Id).Distinct().Count());
        Assert.True(badges.Zip(badges.Skip(1)).All(p => p.First.CreatedAt >= p.Second.CreatedAt), "newest first");
        var requests = Sandbox.Requests;
        Assert.Equal(3, requests.Count);
        Assert.All(requests, r => Assert.Equal(("GET", "/api/loyalty/badges", "valid"), (r.Method, r.Path, r.Auth)));
        var queries = requests.Select(r => Query(r.Query)).ToList();
        Assert.All(queries, q => Assert.Equal(new[] { "1000" }, q["limit"]));
        Assert.All(queries, q => Assert.Equal(new[] { MainWebsite.ToString() }, q["websiteId"]));
        Assert.False(queries[0].ContainsKey("startingAfter"));
        Assert.Equal(badges[999].Id.ToString(), queries[1]["startingAfter"].Single());
        Assert.Equal(badges[1999].Id.ToString(), queries[2]["startingAfter"].Single());
    }

    [Fact]
    public async Task A_reader_that_stops_early_stops_the_paging()
    {
        var first = new List<LoyaltyBadge>();
        await foreach (var badge in _client.ListBadgesAsync(new LoyaltyBadgeQuery { WebsiteId = MainWebsite }))
        {
            first.Add(badge);
            if (first.Count == 3) break;
        }

        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public async Task Half_way_through_a_page_the_next_one_is_already_asked_for()
    {
        var read = 0;
        var requestsWhenHalfRead = 0;
        var requestsBeforeHalf = 0;
        await foreach (var badge in _client.ListBadgesAsync(new LoyaltyBadgeQuery { WebsiteId = MainWebsite }))
        {
            read++;
            if (read == 500) requestsBeforeHalf = Sandbox.Requests.Count;
            if (read == 502)
            {
                // The read-ahead is on its way; give it time to reach the server while "the consumer works".
                for (var wait = 0; wait < 200 && Sandbox.Requests.Count < 2; wait++) await Task.Delay(10);
                requestsWhenHalfRead = Sandbox.Requests.Count;
            }
        }

        Assert.Equal(SnagData.DefaultMainWebsiteBadges, read);
        Assert.Equal(1, requestsBeforeHalf);
        Assert.Equal(2, requestsWhenHalfRead);
        Assert.Equal(3, Sandbox.Requests.Count); // every page once, none past the last
    }

    [Fact]
    public async Task No_page_is_read_ahead_past_what_the_caller_will_use()
    {
        async Task<int> RequestsToRead(int wanted)
        {
            Sandbox.Server.State.Requests.Clear();
            var read = 0;
            await foreach (var badge in _client.ListBadgesAsync(new LoyaltyBadgeQuery { WebsiteId = MainWebsite, MaxItems = wanted }))
            {
                if (++read == wanted) break;
            }

            return Sandbox.Requests.Count;
        }

        Assert.Equal(1, await RequestsToRead(1000));
        Assert.Equal(2, await RequestsToRead(1500));
        Assert.Equal(2, await RequestsToRead(2000));
    }

    [Fact]
    public async Task A_read_ahead_page_that_fails_fails_after_the_page_before_it_was_read()
    {
        var read = 0;

        var failure = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var badge in _client.ListBadgesAsync(new LoyaltyBadgeQuery { WebsiteId = MainWebsite }))
            {
                // Once the first page is in, every later request fails (retries included).
                if (++read == 1) await Sandbox.AddFaultAsync(new { path = "/api/loyalty/badges", status = 500, count = 10 });
            }
        });

        Assert.Equal(1000, read);
        Assert.Equal(HttpStatusCode.InternalServerError, failure.StatusCode);
    }

    [Fact]
    public async Task Arrays_go_as_repeated_query_keys_in_lowercase()
    {
        var ids = new[] { HeldBadge, StableIdOfSeedBadge(7) };
        var users = new[] { Guid.Parse("AAAAAAAA-0000-4000-8000-000000000001"), Guid.Parse("BBBBBBBB-0000-4000-8000-000000000002") };

        await _client.ListBadgesAsync(new LoyaltyBadgeQuery
        {
            BadgeIds = ids, UserIds = users, WalletAddresses = new[] { "0xabc", "0xdef" }, IncludeDeleted = true, OrganizationId = Data.OrganizationId,
        }, pageSize: 50).ToListAsync();

        var query = Query(Sandbox.Requests.Single().Query);
        Assert.Equal(ids.Select(i => i.ToString()), query["badgeIds"]);
        Assert.Equal(users.Select(u => u.ToString().ToLowerInvariant()), query["userId"]);
        Assert.Equal(new[] { "0xabc", "0xdef" }, query["walletAddress"]);
        Assert.Equal(new[] { "true" }, query["includeDeleted"]);
        Assert.Equal(new[] { "50" }, query["limit"]);
    }

    [Fact]
    public async Task Many_ids_are_fetched_a_hundred_per_request()
    {
        var ids = Enumerable.Range(0, 250).Select(StableIdOfSeedBadge).ToList();

        var badges = await _client.ListBadgesAsync(new LoyaltyBadgeQuery { BadgeIds = ids }).ToListAsync();

        Assert.Equal(ids.ToHashSet(), badges.Select(b => b.Id).ToHashSet());
        Assert.Equal(new[] { 100, 100, 50 }, Sandbox.Requests.Select(r => Query(r.Query)["badgeIds"].Length));
    }

    [Fact]
    public async Task Badges_carry_conditions_rewards_and_user_badges_as_typed_members()
    {
        var badge = (await _client.ListBadgesAsync(new LoyaltyBadgeQuery { BadgeIds = new[] { HeldBadge } }).ToListAsync()).Single();

        Assert.NotEmpty(badge.Conditions!);
        Assert.Contains(badge.Conditions!, c => LoyaltyCondition.KnownTypes.Contains(c.Type));
        Assert.NotEmpty(badge.UserBadges!);
        Assert.All(badge.UserBadges!, u => Assert.Equal(badge.Id, u.LoyaltyBadgeId));
        Assert.All(badge.UserBadges!, u => Assert.StartsWith("0x", u.WalletAddress));
        Assert.Superset(new HashSet<string?> { "active", "inactive", "revoked" }, badge.UserBadges!.Select(u => u.Status).ToHashSet());
    }

    [Fact]
    public async Task HasNextPage_sent_as_a_string_still_pages()
    {
        await Sandbox.SetAsync(new { snagHasNextPageAsString = true });

        var badges = await _client.ListBadgesAsync(new LoyaltyBadgeQuery { WebsiteId = MainWebsite }).ToListAsync();

        Assert.Equal(SnagData.DefaultMainWebsiteBadges, badges.Count);
        Assert.Equal(3, Sandbox.Requests.Count);
    }

    [Fact]
    public async Task The_older_LoyaltyBadgeUser_key_fills_UserBadges()
    {
        await Sandbox.SetAsync(new { snagLegacyUserBadgeKey = true });

        var badge = (await _client.ListBadgesAsync(new LoyaltyBadgeQuery { BadgeIds = new[] { HeldBadge } }).ToListAsync()).Single();

        Assert.NotEmpty(badge.UserBadges!);
    }

    [Fact]
    public async Task The_older_badges_envelope_is_read()
    {
        await Sandbox.AddFaultAsync(new
        {
            path = "/api/loyalty/badges", status = 200,
            body = "{\"badges\":[{\"id\":\"" + HeldBadge + "\",\"name\":\"Old shape\",\"loyaltyConditions\":[]}],\"hasNextPage\":\"false\"}",
        });

        var badges = await _client.ListBadgesAsync(new LoyaltyBadgeQuery()).ToListAsync();

        Assert.Equal("Old shape", Assert.Single(badges).Name);
    }

    [Fact]
    public async Task A_page_that_claims_more_but_is_empty_is_refused_instead_of_looping()
    {
        await Sandbox.AddFaultAsync(new { path = "/api/loyalty/badges", status = 200, body = "{\"data\":[],\"hasNextPage\":true}" });

        var ex = await Assert.ThrowsAsync<ApiException>(async () => await _client.ListBadgesAsync(new LoyaltyBadgeQuery()).ToListAsync());

        Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
        Assert.Single(Sandbox.Requests);
    }

    [Theory]
    [InlineData("envelope")]
    [InlineData("array")]
    public async Task Badge_users_are_read_as_an_envelope_or_an_array(string shape)
    {
        await Sandbox.SetAsync(new { snagBadgeUsersShape = shape });
        int expected;
        lock (Data.Gate) expected = Data.UserBadgesOf(HeldBadge).Count;

        var users = await _client.ListBadgeUsersAsync(new LoyaltyBadgeUserQuery { BadgeId = HeldBadge }, pageSize: 2).ToListAsync();

        Assert.Equal(expected, users.Count);
        Assert.Equal(expected, users.Select(u => u.Id).Distinct().Count());
        Assert.All(users, u => Assert.Equal(HeldBadge, u.LoyaltyBadgeId));
        Assert.Equal(shape == "array" ? 1 : (expected + 1) / 2, Sandbox.Requests.Count);
        Assert.Equal(new[] { HeldBadge.ToString() }, Query(Sandbox.Requests[0].Query)["loyaltyBadgeId"]);
    }

    [Fact]
    public async Task Badge_users_sent_as_one_object_are_one_user()
    {
        await Sandbox.SetAsync(new { snagBadgeUsersShape = "object" });

        var users = await _client.ListBadgeUsersAsync(new LoyaltyBadgeUserQuery { BadgeId = HeldBadge }).ToListAsync();

        Assert.Single(users);
        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public async Task Badge_users_filter_by_status_and_wallet()
    {
        var active = await _client.ListBadgeUsersAsync(new LoyaltyBadgeUserQuery { BadgeId = HeldBadge, Status = "active" }).ToListAsync();
        Assert.NotEmpty(active);
        Assert.All(active, u => Assert.Equal("active", u.Status));

        var one = await _client.ListBadgeUsersAsync(new LoyaltyBadgeUserQuery { BadgeId = HeldBadge, WalletAddress = active[0].WalletAddress!.ToUpperInvariant().Replace("0X", "0x") }).ToListAsync();
        Assert.Equal(active[0].Id, Assert.Single(one).Id);
        Assert.Equal(new[] { "active" }, Query(Sandbox.Requests[0].Query)["status"]);
    }

    [Fact]
    public async Task Creating_sends_the_documented_body_and_returns_the_badge()
    {
        var rule = Guid.NewGuid();
        var badge = await _client.CreateBadgeAsync(new LoyaltyBadgeCreate
        {
            OrganizationId = Data.OrganizationId, WebsiteId = MainWebsite, Name = "Gold Member", ImageUrl = "https://cdn.example/gold.png",
            Conditions = new[] { new LoyaltyCondition { Type = "rule", LoyaltyRuleIds = new[] { rule }, RepeatCount = 2 } },
            Rewards = new[] { new LoyaltyReward { RewardType = "points", Amount = 500 } },
            Description = "For the best",
        });

        Assert.Equal(("Gold Member", "For the best"), (badge.Name, badge.Description));
        Assert.Equal("rule", Assert.Single(badge.Conditions!).Type);
        Assert.Equal(500, Assert.Single(badge.Rewards!).Amount);
        var request = Sandbox.Requests.Single();
        Assert.Equal(("POST", "/api/loyalty/badges", 200), (request.Method, request.Path, request.Status));
        Assert.Equal(
            $"{{\"organizationId\":\"{Data.OrganizationId}\",\"websiteId\":\"{MainWebsite}\",\"name\":\"Gold Member\",\"imageUrl\":\"https://cdn.example/gold.png\"," +
            $"\"conditions\":[{{\"type\":\"rule\",\"repeatCount\":2,\"loyaltyRuleIds\":[\"{rule}\"]}}],\"description\":\"For the best\",\"rewards\":[{{\"rewardType\":\"points\",\"amount\":500}}]}}",
            request.Body);
        var listed = await _client.ListBadgesAsync(new LoyaltyBadgeQuery { WebsiteId = MainWebsite }, pageSize: 1).FirstAsync();
        Assert.Equal(badge.Id, listed.Id); // newest first
    }

    [Fact]
    public async Task Copying_an_existing_condition_sends_its_references_as_input_lists()
    {
        var source = (await _client.ListBadgesAsync(new LoyaltyBadgeQuery { BadgeIds = new[] { StableIdOfSeedBadge(0) } }).ToListAsync()).Single();
        Assert.Equal("rule", source.Conditions![0].Type);
        Sandbox.Server.State.Requests.Clear();

        await _client.CreateBadgeAsync(new LoyaltyBadgeCreate
        {
            OrganizationId = Data.OrganizationId, WebsiteId = Data.BetaWebsite.Id, Name = source.Name!, ImageUrl = source.ImageUrl!, Conditions = source.Conditions,
        });

        var body = Sandbox.Requests.Single().Body!;
        Assert.Contains("\"loyaltyRuleIds\":[\"" + source.Conditions[0].Association![0].LoyaltyRule!.Id, body);
        Assert.DoesNotContain("\"association\"", body);
        Assert.DoesNotContain("\"id\"", body);
    }

    [Fact]
    public async Task An_unknown_condition_or_reward_type_is_refused_before_any_request_listing_the_allowed_values()
    {
        var badge = new LoyaltyBadgeCreate
        {
            OrganizationId = Data.OrganizationId, WebsiteId = MainWebsite, Name = "X", ImageUrl = "https://cdn.example/x.png",
            Conditions = new[] { new LoyaltyCondition { Type = "ruel" } },
            Rewards = new[] { new LoyaltyReward { RewardType = "coins" } },
        };

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateBadgeAsync(badge));

        Assert.Contains("Condition[0].Type: 'ruel' is not a condition type; use one of rule, rules, points, section, level, api, badge, badges, csv.", ex.Message);
        Assert.Contains("Reward[0].RewardType: 'coins' is not a reward type; use one of points, multiplier, badge, token.", ex.Message);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public async Task The_server_refusing_a_create_is_a_BadRequest_naming_the_field()
    {
        var ex = await Assert.ThrowsAsync<ApiException>(() => _client.CreateBadgeAsync(new LoyaltyBadgeCreate
        {
            OrganizationId = Data.OrganizationId, WebsiteId = Guid.NewGuid(), Name = "X", ImageUrl = "https://cdn.example/x.png",
            Conditions = new[] { new LoyaltyCondition { Type = "points", Amount = 10 } },
        }));

        Assert.Equal(ApiFailureKind.BadRequest, ex.Kind);
        Assert.StartsWith("websiteId:", ex.ServerMessage);
    }

    [Fact]
    public async Task Updating_posts_only_the_fields_given()
    {
        var badge = await _client.UpdateBadgeAsync(HeldBadge, new LoyaltyBadgeUpdate { Description = "Top tier" });

        Assert.Equal("Top tier", badge.Description);
        var request = Sandbox.Requests.Single();
        Assert.Equal(("POST", $"/api/loyalty/badges/{HeldBadge}", "{\"description\":\"Top tier\"}"), (request.Method, request.Path, request.Body));
    }

    [Fact]
    public async Task Updating_rewards_sends_them_and_an_empty_list_sends_an_empty_array()
    {
        var badge = await _client.UpdateBadgeAsync(HeldBadge, new LoyaltyBadgeUpdate { Rewards = new[] { new LoyaltyReward { RewardType = "Points", Amount = 50 } } });
        Assert.Equal(("points", 50.0), (badge.Rewards!.Single().RewardType, badge.Rewards!.Single().Amount));

        badge = await _client.UpdateBadgeAsync(HeldBadge, new LoyaltyBadgeUpdate { Rewards = Array.Empty<LoyaltyReward>() });
        Assert.Empty(badge.Rewards ?? new List<LoyaltyReward>());

        Assert.Equal(new[] { "{\"rewards\":[{\"rewardType\":\"points\",\"amount\":50}]}", "{\"rewards\":[]}" }, Sandbox.Requests.Select(r => r.Body));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.UpdateBadgeAsync(HeldBadge, new LoyaltyBadgeUpdate { Rewards = new[] { new LoyaltyReward { RewardType = "cash" } } }));
        Assert.Equal(2, Sandbox.Requests.Count);
    }

    [Fact]
    public async Task Updating_nothing_or_an_unknown_badge_fails()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.UpdateBadgeAsync(HeldBadge, new LoyaltyBadgeUpdate()));
        Assert.Empty(Sandbox.Requests);

        var ex = await Assert.ThrowsAsync<ApiException>(() => _client.UpdateBadgeAsync(Guid.NewGuid(), new LoyaltyBadgeUpdate { Name = "X" }));
        Assert.Equal((ApiFailureKind.NotFound, "Badge not found"), (ex.Kind, ex.ServerMessage));
    }

    [Fact]
    public async Task A_deleted_badge_vanishes_unless_deleted_badges_are_included()
    {
        var deleted = await _client.DeleteBadgeAsync(HeldBadge);

        Assert.NotNull(deleted.DeletedAt);
        Assert.Equal("DELETE", Sandbox.Requests.Single().Method);
        Assert.Empty(await _client.ListBadgesAsync(new LoyaltyBadgeQuery { BadgeIds = new[] { HeldBadge } }).ToListAsync());
        Assert.Single(await _client.ListBadgesAsync(new LoyaltyBadgeQuery { BadgeIds = new[] { HeldBadge }, IncludeDeleted = true }).ToListAsync());
        var again = await Assert.ThrowsAsync<ApiException>(() => _client.DeleteBadgeAsync(HeldBadge));
        Assert.Equal(ApiFailureKind.NotFound, again.Kind);
    }

    [Fact]
    public async Task Granting_by_wallet_then_revoking_by_user_id()
    {
        const string wallet = "0x00000000000000000000000000000000000000aa";
        var badge = StableIdOfSeedBadge(100);

        var granted = await _client.GrantAsync(badge, new LoyaltyUserIdentity(null, wallet));

        Assert.Equal(("Granted", "active", badge, wallet), (granted.Action, granted.Status, granted.LoyaltyBadgeId, granted.WalletAddress));
        Assert.Equal("Badge rewarded successfully", granted.Message);
        Assert.Equal($"{{\"walletAddress\":\"{wallet}\"}}", Sandbox.Requests.Single().Body);

        var revoked = await _client.RevokeAsync(badge, new LoyaltyUserIdentity(granted.UserId, null));

        Assert.Equal(("Revoked", "revoked", granted.Id), (revoked.Action, revoked.Status, revoked.Id));
        Assert.Equal($"{{\"userId\":\"{granted.UserId}\"}}", Sandbox.Requests.Last().Body);
        Assert.Equal($"/api/loyalty/badges/{badge}/revoke", Sandbox.Requests.Last().Path);
    }

    [Fact]
    public async Task Granting_with_a_status_and_both_identities_sends_the_user_id()
    {
        var userId = BadgeAdmin.Sandbox.StableId.For("snag/user/3");

        var result = await _client.GrantAsync(StableIdOfSeedBadge(5), new LoyaltyUserIdentity(userId, "0x1111111111111111111111111111111111111111"), "inactive");

        Assert.Equal("inactive", result.Status);
        Assert.Equal($"{{\"userId\":\"{userId}\",\"status\":\"inactive\"}}", Sandbox.Requests.Single().Body);
    }

    [Fact]
    public async Task Revoking_from_a_user_who_does_not_hold_the_badge_is_NotFound()
    {
        var ex = await Assert.ThrowsAsync<ApiException>(() => _client.RevokeAsync(StableIdOfSeedBadge(5), new LoyaltyUserIdentity(BadgeAdmin.Sandbox.StableId.For("snag/user/3"), null)));

        Assert.Equal((ApiFailureKind.NotFound, "User badge not found"), (ex.Kind, ex.ServerMessage));
    }

    [Fact]
    public async Task Websites_list_and_filter_by_name()
    {
        var all = await _client.ListWebsitesAsync(null, null).ToListAsync();
        var main = await _client.ListWebsitesAsync(Data.OrganizationId, "main website").ToListAsync();

        Assert.Equal(new[] { "Main Website", "Beta Website" }, all.Select(w => w.Name));
        Assert.Equal(MainWebsite, Assert.Single(main).Id);
        Assert.True(main[0].AdditionalFields!.ContainsKey("onchainTokens"));
        Assert.Equal(new[] { "main website" }, Query(Sandbox.Requests.Last().Query)["name"]);
    }

    [Fact]
    public async Task A_wrong_key_is_Unauthorized_with_the_servers_message()
    {
        using var client = Sandbox.SnagClient(key: "not-the-snag-key-123");

        var ex = await Assert.ThrowsAsync<ApiException>(async () => await client.ListWebsitesAsync(null, null).ToListAsync());

        Assert.Equal((ApiFailureKind.Unauthorized, "Invalid API key."), (ex.Kind, ex.ServerMessage));
        Assert.DoesNotContain("not-the-snag-key-123", ex.ToString());
    }

    [Fact]
    public async Task A_failed_create_is_not_retried_because_the_server_may_have_acted()
    {
        await Sandbox.AddFaultAsync(new { method = "POST", path = "/api/loyalty/badges", status = 503 });

        var ex = await Assert.ThrowsAsync<ApiException>(() => _client.CreateBadgeAsync(new LoyaltyBadgeCreate
        {
            OrganizationId = Data.OrganizationId, WebsiteId = MainWebsite, Name = "X", ImageUrl = "https://cdn.example/x.png",
            Conditions = new[] { new LoyaltyCondition { Type = "points", Amount = 10 } },
        }));

        Assert.Equal(ApiFailureKind.ServerError, ex.Kind);
        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public void Route_table_is_all_confirmed_and_updates_are_POST()
    {
        Assert.All(SnagRoutes.All, r => Assert.Equal(RouteEvidence.Confirmed, r.Evidence));
        Assert.Equal("POST", SnagRoutes.UpdateBadge.Method);
        Assert.Equal("api/loyalty/badges/3fa85f64-5717-4562-b3fc-2c963f66afa6/reward", SnagRoutes.RewardBadge.Format(Guid.Parse("3FA85F64-5717-4562-B3FC-2C963F66AFA6")));
    }
}
