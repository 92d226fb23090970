using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Contract;

/// <summary>
/// The sandbox's Snag responses checked against Snag's own OpenAPI description (the partial extract in
/// ../shared/snag-openapi-badges.yaml): every badge, badge-user and website operation the extract covers, with data
/// that exercises rewards of each type, user badges in every status, conditions with and without a type, and a
/// deleted badge. Run with the default settings: the drift switches reproduce documented deviations on purpose.
/// </summary>
public sealed class SnagContractTests : SandboxTest, IDisposable
{
    private const string Badges = "/api/loyalty/badges";
    private static readonly Lazy<OpenApiContract> Extract = new(() => OpenApiContract.Load(OpenApiContract.SnagExtractPath));
    private readonly HttpClient _http;

    public SnagContractTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        _http = new HttpClient { BaseAddress = sandbox.BaseAddress };
        _http.DefaultRequestHeaders.Add("X-API-KEY", sandbox.Server.State.Options.SnagKey);
    }

    public void Dispose() => _http.Dispose();

    private static OpenApiContract Contract => Extract.Value;

    private Guid Organization => Sandbox.Snag.OrganizationId;

    private Guid Website => Sandbox.Snag.MainWebsite.Id;

    private async Task<JsonNode> Ok(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }

    private Task<JsonNode> Get(string url) => _http.GetAsync(url.TrimStart('/')).ContinueWith(t => Ok(t.Result)).Unwrap();

    private Task<JsonNode> Post(string url, object body) => _http.PostAsJsonAsync(url.TrimStart('/'), body).ContinueWith(t => Ok(t.Result)).Unwrap();

    private static void Conforms(JsonNode? body, string path, string method)
    {
        var problems = Contract.Check(body, Contract.ResponseSchema(path, method));
        Assert.True(problems.Count == 0, $"{method.ToUpperInvariant()} {path} breaks the contract:\n" + string.Join("\n", problems.Take(20)));
    }

    /// <summary>A badge with a reward of every type and a condition without a type, created through the API.</summary>
    private async Task<JsonNode> CreateRichBadge() => await Post(Badges, new
    {
        organizationId = Organization, websiteId = Website, name = "Contract Badge", imageUrl = "https://images.example/c.png",
        conditions = new object[] { new { }, new { type = "points", amount = 100 } },
        rewards = new object[]
        {
            new { rewardType = "points", amount = 5 },
            new { rewardType = "multiplier", multiplier = 1.5, isRetroactive = true, loyaltyCurrencyIds = Array.Empty<Guid>() },
            new { rewardType = "badge" },
            new { rewardType = "token" },
        },
    });

    [Fact]
    public void The_checker_reports_what_the_contract_forbids()
    {
        // The test is only as good as its checker: each kind of break it must catch, on the extract's own schemas.
        var list = Contract.ResponseSchema(Badges, "get");
        var websites = Contract.ResponseSchema("/api/websites", "get");
        var good = JsonNode.Parse("""{"data":[{"id":"x","rewards":[{"rewardType":"points","multiplier":2}],"loyaltyBadgeUsers":[{"completedAt":"2026-01-01T00:00:00Z"}]}],"hasNextPage":false}""");
        var breaks = new Dictionary<string, string>
        {
            ["""{"data":[{"rewards":[{"rewardType":"points","multiplier":null}]}],"hasNextPage":false}"""] = "$.data[0].rewards[0].multiplier: null",
            ["""{"data":[{"rewards":[{"rewardType":"points","multiplier":"2"}]}],"hasNextPage":false}"""] = "where the schema wants number",
            ["""{"data":[{"rewards":[{"rewardType":"cash"}]}],"hasNextPage":false}"""] = "is not one of points, multiplier, badge, token",
            ["""{"data":[{"loyaltyBadgeUsers":[{"completedAt":null}]}],"hasNextPage":false}"""] = "completedAt: null",
            ["""{"data":[]}"""] = "required 'hasNextPage' is missing",
            ["""{"data":{},"hasNextPage":false}"""] = "where the schema wants array",
        };

        Assert.Empty(Contract.Check(good, list));
        foreach (var (json, problem) in breaks)
        {
            Assert.Contains(Contract.Check(JsonNode.Parse(json), list), p => p.Contains(problem, StringComparison.Ordinal));
        }

        var site = """{"data":[{"id":"%ID%","name":"n","termsSignedAt":"%AT%","collections":[],"_count":{},"onchainTokens":[]}],"hasNextPage":true}""";
        Assert.Empty(Contract.Check(JsonNode.Parse(site.Replace("%ID%", Guid.NewGuid().ToString()).Replace("%AT%", "2026-01-01T12:00:00.000Z")), websites));
        Assert.Contains(Contract.Check(JsonNode.Parse(site.Replace("%ID%", "42").Replace("%AT%", "2026-01-01T12:00:00.000Z")), websites), p => p.Contains("is not a uuid"));
        Assert.Contains(Contract.Check(JsonNode.Parse(site.Replace("%ID%", Guid.NewGuid().ToString()).Replace("%AT%", "yesterday")), websites), p => p.Contains("is not a date-time"));
        Assert.Contains(Contract.Check(JsonNode.Parse(site.Replace("%ID%", Guid.NewGuid().ToString()).Replace("\"%AT%\"", "null").Replace("\"collections\":[],", "")), websites),
            p => p.Contains("required 'collections' is missing"));
    }

    [Fact]
    public async Task Listing_badges_conforms_with_user_badges_in_every_status_and_rewards_of_every_type()
    {
        await CreateRichBadge();

        var page = await Get($"{Badges}?websiteId={Website}&limit=60");

        var users = page["data"]!.AsArray().SelectMany(b => b!["loyaltyBadgeUsers"]!.AsArray()).ToList();
        Assert.Equal(new[] { "active", "inactive", "revoked" }, users.Select(u => (string)u!["status"]!).Distinct().Order());
        Assert.Contains(users, u => u!["completedAt"] is JsonValue); // completed user badges carry the date as a string
        Assert.Contains(page["data"]!.AsArray(), b => b!["rewards"]!.AsArray().Any(r => (string)r!["rewardType"]! == "multiplier"));
        Conforms(page, Badges, "get");
    }

    [Fact]
    public async Task Creating_updating_and_deleting_a_badge_conform()
    {
        var created = await CreateRichBadge();
        var id = (string)created["id"]!;
        var updated = await Post($"{Badges}/{id}", new { name = "Contract Badge 2", rewards = new object[] { new { rewardType = "multiplier", multiplier = 2 } } });
        var deleted = await Ok(await _http.DeleteAsync($"{Badges.TrimStart('/')}/{id}"));
        var listedDeleted = await Get($"{Badges}?badgeIds={id}&includeDeleted=true");

        Conforms(created, Badges, "post");
        Conforms(updated, Badges + "/{id}", "post");
        Conforms(deleted, Badges + "/{id}", "delete");
        Conforms(listedDeleted, Badges, "get");
        Assert.Equal(2.0, (double)updated["rewards"]![0]!["multiplier"]!);
    }

    [Fact]
    public async Task Rewarding_and_revoking_conform()
    {
        var badge = (string)(await CreateRichBadge())["id"]!;
        var wallet = "0x" + new string('c', 40);

        var rewarded = await Post($"{Badges}/{badge}/reward", new { walletAddress = wallet });
        var revoked = await Post($"{Badges}/{badge}/revoke", new { userId = (string)rewarded["data"]!["userId"]! });

        Conforms(rewarded, Badges + "/{id}/reward", "post");
        Conforms(revoked, Badges + "/{id}/revoke", "post");
    }

    [Fact]
    public async Task Badge_users_conform_in_the_documented_single_object_shape_and_as_items_of_the_envelope()
    {
        // The extract describes the 200 as one user-badge object (api-reference §1.8 item 4: a spec quirk); the
        // sandbox's default envelope carries such objects in data, and its "object" drift sends one bare.
        var held = Sandbox.Snag.UserBadges[0].BadgeId;
        var schema = Contract.ResponseSchema("/api/loyalty/badge_users", "get");

        var envelope = await Get($"/api/loyalty/badge_users?loyaltyBadgeId={held}&limit=20");
        await Sandbox.SetAsync(new { snagBadgeUsersShape = "object" });
        var single = await Get($"/api/loyalty/badge_users?loyaltyBadgeId={held}");

        var rows = envelope["data"]!.AsArray();
        Assert.NotEmpty(rows);
        Assert.All(rows, row => Assert.Empty(Contract.Check(row, schema)));
        Assert.Empty(Contract.Check(single, schema));
    }

    [Fact]
    public async Task Requests_the_extract_allows_are_accepted_where_no_doc_says_otherwise()
    {
        // The extract types walletAddress as a string and Snag takes wallets of several chains (api-reference §1.9);
        // a badge name has no minimum length in any source. Neither is refused.
        var badge = (string)(await CreateRichBadge())["id"]!;

        var solana = await Post($"{Badges}/{badge}/reward", new { walletAddress = "7EcDhSYGxXyscszYEp35KHN8vvw3svAuLKTzXwCFLtV" });
        var renamed = await Post($"{Badges}/{badge}", new { name = "" });

        Conforms(solana, Badges + "/{id}/reward", "post");
        Assert.Equal(string.Empty, (string)renamed["name"]!);
    }

    [Fact]
    public async Task A_csv_badge_with_its_files_and_data_jobs_in_every_state_conforms_on_create_update_and_list()
    {
        var file = new { src = "https://files.example/holders.csv", name = "Holders", description = "From the CRM" };
        object CsvBadge(string name) => new
        {
            organizationId = Organization, websiteId = Website, name, imageUrl = "https://images.example/c.png",
            conditions = new[] { new { type = "csv" } }, csvFiles = new[] { file },
        };

        await Sandbox.SetAsync(new { snagDataJobMs = 60_000 });
        var pending = await Post(Badges, CsvBadge("Pending"));
        await Sandbox.SetAsync(new { snagDataJobMs = 0 });
        foreach (var outcome in new[] { "complete", "failed", "cancelled" })
        {
            await Sandbox.SetAsync(new { snagDataJobOutcome = outcome });
            await Post(Badges, CsvBadge(outcome));
        }

        await Sandbox.SetAsync(new { snagDataJobOutcome = "complete" });
        var updated = await Post($"{Badges}/{(string)pending["id"]!}", new { csvFiles = new[] { file }, rewards = Array.Empty<object>() });
        var page = await Get($"{Badges}?websiteId={Website}&limit=4");

        var jobs = page["data"]!.AsArray().SelectMany(b => b!["dataJobs"]!.AsArray()).Select(j => (string)j!["status"]!).ToList();
        Assert.Equal(new[] { "cancelled", "failed", "complete", "pending", "complete" }, jobs);
        Assert.Equal(2, updated["loyaltyConditions"]![0]!["csvFiles"]!.AsArray().Count);
        Conforms(pending, Badges, "post");
        Conforms(updated, Badges + "/{id}", "post");
        Conforms(page, Badges, "get");
    }

    [Fact]
    public async Task Listing_badges_of_a_user_group_conforms()
    {
        var page = await Get($"{Badges}?userGroupExternalIdentifier=vip&limit=10");

        Assert.NotEmpty(page["data"]!.AsArray());
        Conforms(page, Badges, "get");
    }

    [Fact]
    public async Task Listing_websites_conforms()
    {
        var sites = await Get($"/api/websites?organizationId={Organization}");

        Assert.Equal(2, sites["data"]!.AsArray().Count);
        Conforms(sites, "/api/websites", "get");
    }
}
