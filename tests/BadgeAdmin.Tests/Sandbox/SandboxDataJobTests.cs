using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Sandbox;

/// <summary>
/// The sandbox's emulation of CSV files and data jobs (pending → processing → complete, failed or cancelled over time,
/// as its settings say) and of the user groups the badge list filters by.
/// </summary>
public sealed class SandboxDataJobTests : SandboxTest, IDisposable
{
    private readonly HttpClient _http;

    public SandboxDataJobTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        _http = sandbox.SnagHttpClient();
    }

    public void Dispose() => _http.Dispose();

    private async Task<JsonNode> CreateCsvBadgeAsync(params object[] csvFiles)
    {
        using var response = await _http.PostAsJsonAsync("api/loyalty/badges", new
        {
            organizationId = Sandbox.Snag.OrganizationId, websiteId = Sandbox.Snag.MainWebsite.Id, name = "CSV", imageUrl = "https://cdn.example/c.png",
            conditions = new[] { new { type = "csv" } }, csvFiles,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    private async Task<JsonNode> JobOfAsync(string badgeId) =>
        JsonNode.Parse(await _http.GetStringAsync($"api/loyalty/badges?badgeIds={badgeId}"))!["data"]![0]!["dataJobs"]![0]!;

    [Fact]
    public async Task A_data_job_goes_from_pending_to_processing_to_complete_step_by_step()
    {
        await Sandbox.SetAsync(new { snagDataJobMs = 400 });
        var clock = Stopwatch.StartNew();
        var id = (string)(await CreateCsvBadgeAsync(new { src = "https://files.example/a.csv", name = "A" }))["id"]!;

        var seen = new List<string>();
        JsonNode job;
        do
        {
            job = await JobOfAsync(id);
            var status = (string)job["status"]!;
            if (seen.Count == 0 || seen[^1] != status) seen.Add(status);
            await Task.Delay(25);
        }
        while (seen[^1] is "pending" or "processing" && clock.Elapsed < TimeSpan.FromSeconds(20));

        Assert.Equal(new[] { "pending", "processing", "complete" }, seen);
        Assert.True(clock.Elapsed >= TimeSpan.FromMilliseconds(800), $"complete after {clock.Elapsed}");
        Assert.StartsWith("A: processed", (string)job["message"]!);
        Assert.True(DateTimeOffset.Parse((string)job["updatedAt"]!) > DateTimeOffset.Parse((string)job["createdAt"]!));
    }

    [Fact]
    public async Task The_outcome_setting_makes_new_jobs_fail_or_be_cancelled_and_reset_restores_the_default()
    {
        await Sandbox.SetAsync(new { snagDataJobMs = 0, snagDataJobOutcome = "failed" });
        var failed = (string)(await CreateCsvBadgeAsync(new { src = "https://files.example/f.csv" }))["id"]!;
        await Sandbox.SetAsync(new { snagDataJobOutcome = "cancelled" });
        var cancelled = (string)(await CreateCsvBadgeAsync(new { src = "https://files.example/c.csv" }))["id"]!;

        Assert.Equal(("failed", "https://files.example/f.csv: row 3: 'not-a-wallet' is not a valid wallet address"),
            ((string)(await JobOfAsync(failed))["status"]!, (string)(await JobOfAsync(failed))["message"]!));
        Assert.Equal("cancelled", (string)(await JobOfAsync(cancelled))["status"]!);

        Sandbox.Reset();
        Assert.Equal((SandboxState.DefaultSnagDataJobMs, "complete"), (Sandbox.Server.State.SnagDataJobMs, Sandbox.Server.State.SnagDataJobOutcome));
    }

    [Theory]
    [InlineData("{\"snagDataJobOutcome\":\"done\"}", "'snagDataJobOutcome'")]
    [InlineData("{\"snagDataJobMs\":-1}", "'snagDataJobMs'")]
    public async Task Bad_data_job_settings_are_refused_naming_them(string body, string named)
    {
        using var response = await _http.PostAsync("_sandbox/settings", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.StartsWith(named, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task Csv_files_show_in_the_csv_condition_and_an_update_adds_files_and_jobs()
    {
        var created = await CreateCsvBadgeAsync(new { src = "https://files.example/a.csv", name = "A", description = "First" });
        var id = (string)created["id"]!;

        using var update = await _http.PostAsJsonAsync($"api/loyalty/badges/{id}", new { csvFiles = new[] { new { src = "https://files.example/b.csv" } } });
        var updated = JsonNode.Parse(await update.Content.ReadAsStringAsync())!;

        var files = updated["loyaltyConditions"]![0]!["csvFiles"]!.AsArray();
        Assert.Equal(new[] { "https://files.example/a.csv", "https://files.example/b.csv" }, files.Select(f => (string)f!["url"]!));
        Assert.Equal(("A", "First"), ((string)files[0]!["name"]!, (string)files[0]!["description"]!));
        Assert.Null(files[1]!["name"]);
        Assert.Equal(2, updated["dataJobs"]!.AsArray().Count);
        Assert.Null(updated["dataJobs"]![0]!["message"]); // still pending: no message yet
    }

    [Theory]
    [InlineData("{\"csvFiles\":{}}", "csvFiles: Expected array")]
    [InlineData("{\"csvFiles\":[{\"name\":\"x\"}]}", "csvFiles[0].src: Required")]
    [InlineData("{\"csvFiles\":[\"https://files.example/a.csv\"]}", "csvFiles[0]: Expected object")]
    public async Task Bad_csv_files_are_400s_naming_the_item(string body, string message)
    {
        using var response = await _http.PostAsync($"api/loyalty/badges/{StableId.For("snag/badge/1")}", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(message, JsonNode.Parse(await response.Content.ReadAsStringAsync())!["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task User_groups_are_in_the_seed_and_filter_the_badge_list_to_their_members_badges()
    {
        var seed = JsonNode.Parse(await _http.GetStringAsync("_sandbox/seed"))!;
        var groups = seed["snag"]!["userGroups"]!.AsArray();
        Assert.Equal(new[] { "vip", "beta-testers", "staff" }, groups.Select(g => (string)g!["externalIdentifier"]!));
        var vip = (string)groups[0]!["id"]!;

        var byId = JsonNode.Parse(await _http.GetStringAsync($"api/loyalty/badges?userGroupId={vip}&limit=1000"))!["data"]!.AsArray();
        var both = JsonNode.Parse(await _http.GetStringAsync($"api/loyalty/badges?userGroupId={vip}&userGroupExternalIdentifier=staff"))!["data"]!.AsArray();
        using var bad = await _http.GetAsync("api/loyalty/badges?userGroupId=vip");

        var members = Sandbox.Snag.UserGroups[0].Members;
        Assert.NotEmpty(byId);
        Assert.All(byId, b => Assert.All(b!["loyaltyBadgeUsers"]!.AsArray(), u => Assert.Contains(Guid.Parse((string)u!["userId"]!), members)));
        Assert.Empty(both); // no group is both
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }
}
