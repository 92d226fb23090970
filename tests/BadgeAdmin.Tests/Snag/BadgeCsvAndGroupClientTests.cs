using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;
using BadgeAdmin.Sandbox.Snag;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Snag;

/// <summary>
/// The Snag client's CSV files (create and update bodies), data jobs read back, and the user-group filters of the badge
/// list, against the sandbox over real HTTP, asserting the exact requests.
/// </summary>
public sealed class BadgeCsvAndGroupClientTests : SandboxTest, IDisposable
{
    private const string Url = "https://files.example.com/holders.csv";
    private readonly SnagClient _client;

    public BadgeCsvAndGroupClientTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        _client = sandbox.SnagClient();
    }

    public void Dispose() => _client.Dispose();

    private SnagData Data => Sandbox.Snag;

    private static Guid SeedBadge(int i) => BadgeAdmin.Sandbox.StableId.For($"snag/badge/{i}");

    private LoyaltyBadgeCreate CsvBadge(IReadOnlyList<LoyaltyCondition>? conditions = null, IReadOnlyList<LoyaltyCsvFile>? files = null) => new()
    {
        OrganizationId = Data.OrganizationId, WebsiteId = Data.MainWebsite.Id, Name = "Holders", ImageUrl = "https://cdn.example/h.png",
        Conditions = conditions ?? Array.Empty<LoyaltyCondition>(), CsvFiles = files,
    };

    [Fact]
    public async Task Creating_with_csv_files_alone_sends_one_csv_condition_and_the_files_and_reads_the_pending_job_back()
    {
        var badge = await _client.CreateBadgeAsync(CsvBadge(files: new[] { new LoyaltyCsvFile(Url) { Name = "List", Description = "From the CRM" } }));

        Assert.Equal(
            $"{{\"organizationId\":\"{Data.OrganizationId}\",\"websiteId\":\"{Data.MainWebsite.Id}\",\"name\":\"Holders\",\"imageUrl\":\"https://cdn.example/h.png\"," +
            $"\"conditions\":[{{\"type\":\"csv\"}}],\"csvFiles\":[{{\"src\":\"{Url}\",\"name\":\"List\",\"description\":\"From the CRM\"}}]}}",
            Sandbox.Requests.Single().Body);
        var file = Assert.Single(Assert.Single(badge.Conditions!).CsvFiles!);
        Assert.Equal((Url, "List", "From the CRM"), (file.Src, file.Name, file.Description));
        Assert.NotNull(file.Id);
        var job = Assert.Single(badge.DataJobs!);
        Assert.Equal(("pending", (string?)null), (job.Status, job.Message));
        Assert.Equal("pending", badge.DataJobStatus);
    }

    [Fact]
    public async Task Csv_files_with_problems_are_refused_before_any_request_each_named()
    {
        var bad = CsvBadge(files: new[] { new LoyaltyCsvFile(), new LoyaltyCsvFile("files.example.com/a.csv"), null! });

        var ex = await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateBadgeAsync(bad));

        Assert.Contains("CsvFile[0].Src: required", ex.Message);
        Assert.Contains("CsvFile[1].Src: 'files.example.com/a.csv' is not an http(s) URL.", ex.Message);
        Assert.Contains("CsvFile[2]: is null.", ex.Message);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public async Task Neither_conditions_nor_csv_files_is_refused_and_conditions_with_files_are_sent_as_given()
    {
        var none = await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateBadgeAsync(CsvBadge()));
        Assert.Contains("Condition: at least one condition is required (or CSV files, which bring a csv condition).", none.Message);

        var points = CsvBadge(new[] { new LoyaltyCondition { Type = "points", Amount = 5 } }, new[] { new LoyaltyCsvFile(Url) });
        Assert.True(points.CsvFilesWithoutCsvCondition);
        await _client.CreateBadgeAsync(points);

        var body = Sandbox.Requests.Single().Body!;
        Assert.Contains("\"conditions\":[{\"type\":\"points\",\"amount\":5}],\"csvFiles\":[{\"src\":\"" + Url + "\"}]", body);
        Assert.False(CsvBadge(new[] { new LoyaltyCondition { Type = "CSV" } }, new[] { new LoyaltyCsvFile(Url) }).CsvFilesWithoutCsvCondition);
    }

    [Fact]
    public async Task A_copied_csv_condition_brings_its_files_as_the_new_badges_csv_files()
    {
        var source = await _client.CreateBadgeAsync(CsvBadge(files: new[] { new LoyaltyCsvFile(Url) { Name = "List" } }));
        Sandbox.Server.State.Requests.Clear();

        await _client.CreateBadgeAsync(new LoyaltyBadgeCreate
        {
            OrganizationId = Data.OrganizationId, WebsiteId = Data.BetaWebsite.Id, Name = "Copy", ImageUrl = source.ImageUrl!, Conditions = source.Conditions!,
        });

        var body = Sandbox.Requests.Single().Body!;
        Assert.Contains("\"conditions\":[{\"type\":\"csv\"}],", body);
        Assert.Contains("\"csvFiles\":[{\"src\":\"" + Url + "\",\"name\":\"List\"}]", body);
    }

    [Fact]
    public async Task Updating_csv_files_sends_them_beside_rewards_and_starts_a_job_per_file()
    {
        var badge = await _client.UpdateBadgeAsync(SeedBadge(7), new LoyaltyBadgeUpdate
        {
            Rewards = Array.Empty<LoyaltyReward>(),
            CsvFiles = new[] { new LoyaltyCsvFile(Url), new LoyaltyCsvFile("https://files.example.com/more.csv") { Name = "More" } },
        });

        Assert.Equal($"{{\"rewards\":[],\"csvFiles\":[{{\"src\":\"{Url}\"}},{{\"src\":\"https://files.example.com/more.csv\",\"name\":\"More\"}}]}}", Sandbox.Requests.Single().Body);
        Assert.Equal(2, badge.DataJobs!.Count);
        Assert.False(new LoyaltyBadgeUpdate { CsvFiles = new[] { new LoyaltyCsvFile(Url) } }.IsEmpty);
        await Assert.ThrowsAsync<ArgumentException>(() => _client.UpdateBadgeAsync(SeedBadge(7), new LoyaltyBadgeUpdate { CsvFiles = new[] { new LoyaltyCsvFile("ftp://x/y.csv") } }));
        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public async Task Data_jobs_read_back_complete_failed_or_cancelled_with_their_messages()
    {
        var states = new List<(string? Status, string? Job, string? Message)>();
        foreach (var outcome in new[] { "complete", "failed", "cancelled" })
        {
            await Sandbox.SetAsync(new { snagDataJobMs = 0, snagDataJobOutcome = outcome });
            var made = await _client.CreateBadgeAsync(CsvBadge(files: new[] { new LoyaltyCsvFile(Url) { Name = outcome } }));
            var read = await _client.ListBadgesAsync(new LoyaltyBadgeQuery { BadgeIds = new[] { made.Id } }).SingleAsync();
            states.Add((read.DataJobStatus, read.DataJobs!.Single().Status, read.DataJobs!.Single().Message));
        }

        Assert.Equal(("complete", "complete"), (states[0].Status, states[0].Job));
        Assert.Contains("no holders added", states[0].Message);
        Assert.Equal(("failed", "failed", "failed: row 3: 'not-a-wallet' is not a valid wallet address"), states[1]);
        Assert.Equal(("cancelled", "cancelled", "cancelled: cancelled"), states[2]);
    }

    [Fact]
    public async Task User_group_filters_go_as_query_keys_and_leave_holders_unknown()
    {
        var vip = Data.UserGroups.Single(g => g.ExternalIdentifier == "vip");

        var byId = await _client.ListBadgesAsync(new LoyaltyBadgeQuery { WebsiteId = Data.MainWebsite.Id, UserGroupId = vip.Id }).ToListAsync();
        var byExternal = await _client.ListBadgesAsync(new LoyaltyBadgeQuery { UserGroupExternalIdentifier = "vip" }).ToListAsync();
        var staff = await _client.ListBadgesAsync(new LoyaltyBadgeQuery { UserGroupExternalIdentifier = "staff" }).ToListAsync();
        var whole = await _client.ListBadgesAsync(new LoyaltyBadgeQuery { BadgeIds = byId.Select(b => b.Id).ToList() }).ToListAsync();

        var queries = Sandbox.Requests.Select(r => r.Query).ToList();
        Assert.Equal($"?websiteId={Data.MainWebsite.Id}&userGroupId={vip.Id}&limit=1000", queries[0]);
        Assert.Equal("?userGroupExternalIdentifier=vip&limit=1000", queries[1]);
        Assert.NotEmpty(byId);
        Assert.Equal(byId.Select(b => b.Id), byExternal.Select(b => b.Id));
        Assert.Empty(staff); // staff hold no seeded badge
        Assert.All(byId, b => Assert.Null(b.Holders));
        Assert.All(byId, b => Assert.All(b.UserBadges!, u => Assert.Contains(u.UserId!.Value, vip.Members)));
        Assert.All(whole, b => Assert.NotNull(b.Holders));
        Assert.Contains(whole, b => b.Holders > 0);
    }

    [Fact]
    public async Task A_listing_by_user_or_wallet_leaves_holders_unknown_and_a_listing_of_all_counts_them()
    {
        SnagUserBadge holder;
        lock (Data.Gate) holder = Data.UserBadgesOf(SeedBadge(2499)).First(u => u.Status == "active");

        var byUser = await _client.ListBadgesAsync(new LoyaltyBadgeQuery { UserIds = new[] { holder.User.Id } }).FirstAsync(b => b.Id == SeedBadge(2499));
        var byWallet = await _client.ListBadgesAsync(new LoyaltyBadgeQuery { WalletAddresses = new[] { holder.User.WalletAddress } }).FirstAsync(b => b.Id == SeedBadge(2499));
        var all = await _client.ListBadgesAsync(new LoyaltyBadgeQuery { BadgeIds = new[] { SeedBadge(2499) } }).SingleAsync();

        Assert.Null(byUser.Holders);
        Assert.Null(byWallet.Holders);
        Assert.Equal(Data.UserBadgesOf(SeedBadge(2499)).Count(u => u.Status == "active"), all.Holders);
        Assert.True(all.Holders > 1);
    }
}
