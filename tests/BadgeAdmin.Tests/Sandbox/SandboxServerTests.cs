using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Sandbox;

/// <summary>The sandbox's own rules: options, loopback only, control routes, the request log and fault injection.</summary>
public sealed class SandboxServerTests : SandboxTest, IDisposable
{
    private const string Entries = "api/directory/private/v1alpha/entries/partners/";
    private readonly HttpClient _http;

    public SandboxServerTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        _http = new HttpClient { BaseAddress = sandbox.BaseAddress };
    }

    public void Dispose() => _http.Dispose();

    private HttpRequestMessage Api(HttpMethod method, string path, string? key = SandboxOptions.DefaultPartnerPageKey)
    {
        var request = new HttpRequestMessage(method, path);
        if (key is not null) request.Headers.TryAddWithoutValidation("Authorization", key);
        return request;
    }

    [Theory]
    [InlineData("--urls", "http://0.0.0.0:5080")]
    [InlineData("--urls", "http://192.168.1.4:5080")]
    [InlineData("--urls", "https://127.0.0.1:5080")]
    [InlineData("--latency-ms", "-1")]
    [InlineData("--port", "http")]
    [InlineData("--bogus", "1")]
    public void Bad_options_are_refused_with_a_message_naming_them(string option, string value)
    {
        var ex = Assert.Throws<ArgumentException>(() => SandboxOptions.Parse(new[] { option, value }));
        Assert.Contains(option, ex.Message);
    }

    [Fact]
    public void Options_accept_loopback_urls_and_keys()
    {
        var options = SandboxOptions.Parse(new[] { "--urls", "http://localhost:0", "--partnerpage-key", "k1", "--snag-key", "k2", "--latency-ms", "20" });

        Assert.Equal((IPAddress.Loopback, 0, "k1", "k2", 20), (options.Address, options.Port, options.PartnerPageKey, options.SnagKey, options.LatencyMs));
        Assert.Equal(IPAddress.IPv6Loopback, SandboxOptions.Parse(new[] { "--urls", "http://[::1]:5080" }).Address);
    }

    [Fact]
    public async Task The_server_listens_on_loopback_only()
    {
        Assert.True(IPAddress.IsLoopback(IPAddress.Parse(Sandbox.BaseAddress.Host)));
        await Assert.ThrowsAsync<ArgumentException>(() => SandboxServer.StartAsync(new SandboxOptions { Address = IPAddress.Any }));
    }

    [Theory]
    [InlineData(null, "missing", "Authentication credentials were not provided.")]
    [InlineData("Bearer sandbox-partnerpage", "invalid", "Invalid API key.")]
    public async Task A_missing_or_wrong_key_gets_401_and_the_log_records_no_key(string? key, string logged, string detail)
    {
        using var response = await _http.SendAsync(Api(HttpMethod.Get, Entries, key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal(detail, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["detail"]!.GetValue<string>());
        var log = await Sandbox.RequestLogAsync();
        Assert.Equal(logged, log.Single()!["auth"]!.GetValue<string>());
        Assert.DoesNotContain("sandbox-partnerpage", log.ToJsonString());
    }

    [Fact]
    public async Task Routes_without_the_trailing_slash_are_not_found_as_in_the_real_api()
    {
        using var response = await _http.SendAsync(Api(HttpMethod.Get, Entries.TrimEnd('/')));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task A_fault_answers_the_next_matching_requests_then_stops()
    {
        await Sandbox.AddFaultAsync(new { method = "GET", path = "/" + Entries, status = 429, count = 2, retryAfter = "3", retryAfterMs = "2500", body = "{\"message\":\"slow down\"}" });

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var response = await _http.SendAsync(Api(HttpMethod.Get, Entries));
            statuses.Add(response.StatusCode);
            if (i == 0)
            {
                Assert.Equal("3", response.Headers.GetValues("Retry-After").Single());
                Assert.Equal("2500", response.Headers.GetValues("retry-after-ms").Single());
                Assert.Equal("{\"message\":\"slow down\"}", await response.Content.ReadAsStringAsync());
            }
        }

        Assert.Equal(new[] { HttpStatusCode.TooManyRequests, HttpStatusCode.TooManyRequests, HttpStatusCode.OK }, statuses);
        Assert.Equal(new[] { true, true, false }, Sandbox.Requests.Select(r => r.Faulted));
    }

    [Fact]
    public async Task A_fault_matches_method_and_path_pattern_only()
    {
        await Sandbox.AddFaultAsync(new { method = "PATCH", path = "/api/*/badges/*", status = 500 });

        using var get = await _http.SendAsync(Api(HttpMethod.Get, Entries));
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
        Assert.Single(Sandbox.Server.State.Faults.Snapshot());
    }

    [Fact]
    public async Task An_aborting_fault_drops_the_connection()
    {
        await Sandbox.AddFaultAsync(new { path = "/" + Entries, abort = true });

        await Assert.ThrowsAnyAsync<HttpRequestException>(() => _http.SendAsync(Api(HttpMethod.Get, Entries)));
    }

    [Theory]
    [InlineData("{\"status\":\"x\"}", "status")]
    [InlineData("{\"count\":0}", "count")]
    [InlineData("{\"stall\":\"yes\"}", "stall")]
    [InlineData("[1]", "JSON object")]
    public async Task A_bad_fault_rule_is_a_400_naming_the_field(string body, string named)
    {
        using var response = await _http.PostAsync("_sandbox/faults", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(named, await response.Content.ReadAsStringAsync());
        Assert.Empty(Sandbox.Server.State.Faults.Snapshot());
    }

    [Fact]
    public async Task Reset_restores_the_seed_and_clears_log_and_faults()
    {
        var entry = Sandbox.Server.State.PartnerPage.EntryIds[0];
        var badge = Sandbox.Server.State.PartnerPage.BadgesOf(entry)[0].BadgeId;
        using (await _http.SendAsync(Api(HttpMethod.Delete, $"{Entries}{entry}/badges/{badge}/"))) { }
        await Sandbox.AddFaultAsync(new { status = 500 });

        using var reset = await _http.PostAsync("_sandbox/reset", null);

        reset.EnsureSuccessStatusCode();
        Assert.Contains(Sandbox.Server.State.PartnerPage.BadgesOf(entry), b => b.BadgeId == badge);
        Assert.Empty(Sandbox.Requests);
        Assert.Empty(Sandbox.Server.State.Faults.Snapshot());
    }

    [Fact]
    public async Task Settings_are_validated_and_reported()
    {
        using var bad = await _http.PostAsJsonAsync("_sandbox/settings", new { partnerPageListStyle = "xml" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("partnerPageListStyle", await bad.Content.ReadAsStringAsync());

        using var good = await _http.PostAsJsonAsync("_sandbox/settings", new { partnerPagePageSize = 3, latencyMs = 5 });
        var settings = JsonNode.Parse(await good.Content.ReadAsStringAsync())!;
        Assert.Equal((3, 5), (settings["partnerPagePageSize"]!.GetValue<int>(), settings["latencyMs"]!.GetValue<int>()));
    }

    [Fact]
    public void Seed_ids_are_the_same_on_every_run()
    {
        Assert.Equal(StableId.For("partnerpage/entry/Acme Cloud"), Sandbox.Server.State.PartnerPage.EntryIds[0]);
        Assert.Equal(4, StableId.For("x").ToString()[14] - '0'); // a version-4 layout
    }
}

/// <summary>The sandbox's Snag emulation: seed, key check, the server-side rules the docs state, wallets as the reward route meets them, and badges with thousands of holders.</summary>
public sealed class SandboxSnagTests : SandboxTest, IDisposable
{
    private readonly HttpClient _http;

    public SandboxSnagTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        _http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        _http.DefaultRequestHeaders.Add("X-API-KEY", SandboxOptions.DefaultSnagKey);
    }

    public void Dispose() => _http.Dispose();

    private BadgeAdmin.Sandbox.Snag.SnagData Data => Sandbox.Snag;

    private static Guid SeedBadge(int i) => StableId.For($"snag/badge/{i}");

    private async Task<(HttpStatusCode Status, string Message)> PostAsync(string path, string json)
    {
        using var response = await _http.PostAsync(path, new StringContent(json, System.Text.Encoding.UTF8, "application/json"));
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        return (response.StatusCode, body?["message"]?.GetValue<string>() ?? "");
    }

    [Fact]
    public void The_seed_has_one_organization_two_websites_2500_badges_on_one_and_every_status()
    {
        lock (Data.Gate)
        {
            Assert.Equal(2, Data.Websites.Count);
            Assert.Equal(2500, Data.Badges.Count(b => b.WebsiteId == Data.MainWebsite.Id));
            Assert.All(Data.Badges, b => Assert.Equal(Data.OrganizationId, b.OrganizationId));
            Assert.Equal(new[] { "active", "inactive", "revoked" }, Data.UserBadges.Select(u => u.Status).Distinct().Order());
            Assert.All(Data.Users, u => Assert.Matches("^0x[0-9a-f]{40}$", u.WalletAddress));
        }
    }

    [Fact]
    public async Task Snag_routes_want_the_X_API_KEY()
    {
        using var anonymous = new HttpClient { BaseAddress = Sandbox.BaseAddress };
        using var response = await anonymous.GetAsync("api/websites");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("missing", Sandbox.Requests.Single().Auth);
    }

    [Fact]
    public async Task An_update_cannot_change_conditions()
    {
        var (status, message) = await PostAsync($"api/loyalty/badges/{SeedBadge(1)}", "{\"conditions\":[{\"type\":\"points\"}]}");

        Assert.Equal((HttpStatusCode.BadRequest, true), (status, message.StartsWith("conditions:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Reward_and_revoke_need_a_user_id_or_a_wallet()
    {
        Assert.Equal((HttpStatusCode.BadRequest, "userId or walletAddress is required"), await PostAsync($"api/loyalty/badges/{SeedBadge(1)}/reward", "{}"));
        Assert.Equal((HttpStatusCode.BadRequest, "userId or walletAddress is required"), await PostAsync($"api/loyalty/badges/{SeedBadge(1)}/revoke", "{\"status\":\"revoked\"}"));
        Assert.Equal((HttpStatusCode.BadRequest, "userId or walletAddress is required"), await PostAsync($"api/loyalty/badges/{SeedBadge(1)}/reward", "{\"walletAddress\":\"  \"}"));
    }

    [Fact]
    public async Task A_deleted_badge_vanishes_unless_includeDeleted()
    {
        using (await _http.DeleteAsync($"api/loyalty/badges/{SeedBadge(2)}")) { }

        var hidden = JsonNode.Parse(await _http.GetStringAsync($"api/loyalty/badges?badgeIds={SeedBadge(2)}"))!["data"]!.AsArray();
        var shown = JsonNode.Parse(await _http.GetStringAsync($"api/loyalty/badges?badgeIds={SeedBadge(2)}&includeDeleted=true"))!["data"]!.AsArray();

        Assert.Empty(hidden);
        Assert.NotNull(Assert.Single(shown)!["deletedAt"]);
    }

    [Theory]
    [InlineData("api/loyalty/badges?limit=0", "limit:")]
    [InlineData("api/loyalty/badges?limit=1001", "limit:")]
    [InlineData("api/loyalty/badges?websiteId=nope", "websiteId:")]
    [InlineData("api/loyalty/badge_users", "loyaltyBadgeId:")]
    [InlineData("api/loyalty/badge_users?loyaltyBadgeId=3fa85f64-5717-4562-b3fc-2c963f66afa6&status=gone", "status:")]
    public async Task Bad_query_parameters_are_400s_naming_them(string path, string named)
    {
        using var response = await _http.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(named, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_badge_users_cursor_survives_rows_that_stop_matching()
    {
        var badge = SeedBadge(2499);
        var first = JsonNode.Parse(await _http.GetStringAsync($"api/loyalty/badge_users?loyaltyBadgeId={badge}&status=active&limit=1"))!;
        var cursor = first["data"]![0]!["id"]!.GetValue<string>();
        var wallet = first["data"]![0]!["user"]!["walletAddress"]!.GetValue<string>();
        await PostAsync($"api/loyalty/badges/{badge}/revoke", $"{{\"walletAddress\":\"{wallet}\"}}");

        using var next = await _http.GetAsync($"api/loyalty/badge_users?loyaltyBadgeId={badge}&status=active&limit=1&startingAfter={cursor}");

        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
    }

    [Fact]
    public async Task Badge_users_carry_completedAt_as_a_string_when_granted_and_leave_it_out_otherwise()
    {
        var page = JsonNode.Parse(await _http.GetStringAsync($"api/loyalty/badge_users?loyaltyBadgeId={SeedBadge(2499)}"))!["data"]!.AsArray();

        var active = page.First(u => u!["status"]!.GetValue<string>() == "active")!;
        Assert.True(DateTimeOffset.TryParse(active["completedAt"]!.GetValue<string>(), out _));
        var other = page.First(u => u!["status"]!.GetValue<string>() != "active")!;
        Assert.False(other.AsObject().ContainsKey("completedAt"));
    }

    /// <summary>A seed badge with no holders, for the tests of badges with many.</summary>
    private static Guid Badge => StableId.For("snag/badge/7");

    private static string W(int i) => $"0x{i:x40}";

    private async Task<HttpResponseMessage> RewardAsync(string wallet) =>
        await _http.PostAsJsonAsync($"api/loyalty/badges/{Badge}/reward", new { walletAddress = wallet });

    [Fact]
    public async Task Ten_thousand_holders_made_by_the_control_route_list_in_ten_pages_once_each()
    {
        using var made = await _http.PostAsJsonAsync("_sandbox/holders", new { badgeId = Badge, walletAddresses = Enumerable.Range(0, 10_000).Select(W) });

        Assert.Equal(HttpStatusCode.Created, made.StatusCode);
        Assert.Equal(10_000, JsonNode.Parse(await made.Content.ReadAsStringAsync())!["added"]!.GetValue<int>());
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = JsonNode.Parse(await _http.GetStringAsync($"api/loyalty/badge_users?loyaltyBadgeId={Badge}&limit=1000" + (cursor is null ? "" : $"&startingAfter={cursor}")))!;
            var data = page["data"]!.AsArray();
            seen.AddRange(data.Select(u => u!["user"]!["walletAddress"]!.GetValue<string>()));
            cursor = data.Count > 0 ? data[^1]!["id"]!.GetValue<string>() : null;
            pages++;
            if (!page["hasNextPage"]!.GetValue<bool>()) break;
        }
        while (pages < 20);

        Assert.Equal(10, pages);
        Assert.Equal(Enumerable.Range(0, 10_000).Select(W).Order(), seen.Order());
        Assert.All(Data.UserBadgesOf(Badge), u => Assert.Equal("active", u.Status));
    }

    [Fact]
    public async Task The_control_route_refuses_what_it_cannot_use()
    {
        using var noBadge = await _http.PostAsJsonAsync("_sandbox/holders", new { badgeId = Guid.NewGuid(), walletAddresses = new[] { W(1) } });
        using var noList = await _http.PostAsJsonAsync("_sandbox/holders", new { badgeId = Badge });
        using var blank = await _http.PostAsJsonAsync("_sandbox/holders", new { badgeId = Badge, walletAddresses = new[] { " " } });
        using var status = await _http.PostAsJsonAsync("_sandbox/holders", new { badgeId = Badge, walletAddresses = new[] { W(1) }, status = "gone" });

        Assert.Equal(HttpStatusCode.NotFound, noBadge.StatusCode);
        Assert.Equal(new[] { HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest }, new[] { noList.StatusCode, blank.StatusCode, status.StatusCode });
        Assert.Empty(Data.UserBadgesOf(Badge));
    }

    [Fact]
    public async Task A_checksummed_wallet_is_the_user_of_its_lower_case_form()
    {
        const string checksummed = "0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed";
        using (var first = await RewardAsync(checksummed)) Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        using (var second = await RewardAsync(checksummed.ToLowerInvariant())) Assert.Equal(HttpStatusCode.OK, second.StatusCode);

        var holder = Assert.Single(Data.UserBadgesOf(Badge));
        Assert.Equal(checksummed.ToLowerInvariant(), holder.User.WalletAddress); // stored formatted, as the API's "formatted wallet address"
        var listed = JsonNode.Parse(await _http.GetStringAsync($"api/loyalty/badge_users?loyaltyBadgeId={Badge}&walletAddress={checksummed}"))!["data"]!.AsArray();
        Assert.Single(listed);
    }

    [Fact]
    public async Task Other_addresses_that_differ_in_case_are_two_users_kept_as_given()
    {
        using (await RewardAsync("So11111111111111111111111111111111111111112")) { }
        using (await RewardAsync("sO11111111111111111111111111111111111111112")) { }

        Assert.Equal(new[] { "So11111111111111111111111111111111111111112", "sO11111111111111111111111111111111111111112" },
            Data.UserBadgesOf(Badge).Select(u => u.User.WalletAddress).Order(StringComparer.Ordinal));
        Assert.Null(Data.FindUser("so11111111111111111111111111111111111111112"));
    }
}

/// <summary>The seed route that tells scripts the sandbox's fixed ids.</summary>
public sealed class SandboxSeedRouteTests(SandboxFixture sandbox) : SandboxTest(sandbox)
{
    [Fact]
    public async Task The_seed_route_names_the_organization_websites_and_entries()
    {
        using var http = new HttpClient { BaseAddress = Sandbox.BaseAddress };

        var seed = JsonNode.Parse(await http.GetStringAsync("_sandbox/seed"))!;

        Assert.Equal(Sandbox.Snag.OrganizationId.ToString(), seed["snag"]!["organizationId"]!.GetValue<string>());
        Assert.Equal(Sandbox.Snag.MainWebsite.Id.ToString(), seed["snag"]!["mainWebsiteId"]!.GetValue<string>());
        Assert.Equal(12, seed["partnerPage"]!["entryIds"]!.AsArray().Count);
        Assert.Equal(BadgeAdmin.Sandbox.PartnerPage.PartnerPageData.PartnerDirectoryId.ToString(), seed["partnerPage"]!["directoryId"]!.GetValue<string>());
        Assert.DoesNotContain(Sandbox.Requests, r => r.Path.StartsWith("/_sandbox", StringComparison.Ordinal));
    }
}
