using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.PartnerPage.Models;
using BadgeAdmin.Sandbox.PartnerPage;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.PartnerPage;

/// <summary>
/// Directories and directory badges through the client against the sandbox over real HTTP: the inferred routes, bodies,
/// both list formats, the sandbox's 400/404/401 rules and faults on these routes, and the delete-while-attached rule.
/// </summary>
public sealed class PartnerDirectoryClientTests : SandboxTest, IDisposable
{
    private const string Prefix = "/api/directory/private/v1alpha/";
    private static readonly Guid Directory = PartnerPageData.PartnerDirectoryId;
    private readonly PartnerPageClient _client;

    public PartnerDirectoryClientTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        _client = sandbox.PartnerPageClient();
    }

    public void Dispose() => _client.Dispose();

    private PartnerPageData Server => Sandbox.Server.State.PartnerPage;

    private static string Badges(Guid directory) => $"{Prefix}badges/directory/{directory}/";

    [Fact]
    public async Task Directories_are_listed_and_read_keeping_fields_the_module_does_not_model()
    {
        var listed = await _client.ListDirectoriesAsync().ToListAsync();
        var one = await _client.GetDirectoryAsync(PartnerPageData.AppDirectoryId);

        Assert.Equal(new[] { Directory, PartnerPageData.AppDirectoryId }, listed.Select(d => d.Id));
        Assert.Equal(("Sandbox App Directory", "sandbox-app-directory"), (one.Name, one.AdditionalFields!["slug"]));
        Assert.Equal(new[] { Prefix + "directories/", Prefix + $"directories/{PartnerPageData.AppDirectoryId}/" }, Sandbox.Requests.Select(r => r.Path));
    }

    [Theory]
    [InlineData("envelope", 3)]
    [InlineData("array", 1)]
    public async Task Directory_badges_are_listed_in_either_format_and_carry_their_directory(string style, int requests)
    {
        await Sandbox.SetAsync(new { partnerPageListStyle = style });

        var badges = await _client.ListDirectoryBadgesAsync(Directory).ToListAsync();

        Assert.Equal(Server.DirectoryBadgeIds, badges.Select(b => b.Id));
        Assert.All(badges, b => Assert.Equal(Directory, b.DirectoryId));
        Assert.All(badges, b => Assert.StartsWith("https://images.sandbox.invalid/badges/", b.Image));
        Assert.Equal(requests, Sandbox.Requests.Count);
        Assert.All(Sandbox.Requests, r => Assert.Equal(("GET", Badges(Directory)), (r.Method, r.Path)));
    }

    [Fact]
    public async Task Create_update_and_delete_send_the_fields_given_to_the_inferred_routes()
    {
        var created = await _client.CreateDirectoryBadgeAsync(Directory, new PartnerDirectoryBadgeChange { Name = "Early", Image = "https://images.example/e.png" });
        var renamed = await _client.UpdateDirectoryBadgeAsync(Directory, created.Id, new PartnerDirectoryBadgeChange { Name = "Earlier" });
        var deleted = await _client.DeleteDirectoryBadgeAsync(Directory, created.Id);

        Assert.Equal((Directory, "Early", "https://images.example/e.png"), (created.DirectoryId, created.Name, created.Image));
        Assert.Equal(("Earlier", "https://images.example/e.png"), (renamed.Name, renamed.Image));
        Assert.Null(deleted); // 204, no body
        Assert.Equal(new[]
        {
            ("POST", Badges(Directory), "{\"name\":\"Early\",\"image\":\"https://images.example/e.png\"}", 201),
            ("PATCH", Badges(Directory) + created.Id + "/", "{\"name\":\"Earlier\"}", 200),
            ("DELETE", Badges(Directory) + created.Id + "/", string.Empty, 204),
        }, Sandbox.Requests.Select(r => (r.Method, r.Path, r.Body ?? string.Empty, r.Status)));
        Assert.DoesNotContain(Server.DirectoryBadges, b => b.Id == created.Id);
    }

    [Fact]
    public async Task An_empty_change_or_an_incomplete_new_badge_is_refused_before_any_request()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.UpdateDirectoryBadgeAsync(Directory, Guid.NewGuid(), new PartnerDirectoryBadgeChange()));
        await Assert.ThrowsAsync<ArgumentException>(() => _client.CreateDirectoryBadgeAsync(Directory, new PartnerDirectoryBadgeChange { Name = "No image" }));
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public async Task Unknown_directory_and_unknown_badge_are_NotFound_with_the_servers_message()
    {
        var noDirectory = await Assert.ThrowsAsync<ApiException>(() => _client.ListDirectoryBadgesAsync(Guid.NewGuid()).ToListAsync().AsTask());
        var noBadge = await Assert.ThrowsAsync<ApiException>(() => _client.GetDirectoryBadgeAsync(Directory, Guid.NewGuid()));

        Assert.Equal((ApiFailureKind.NotFound, "Directory not found."), (noDirectory.Kind, noDirectory.ServerMessage));
        Assert.Equal((ApiFailureKind.NotFound, "Badge not found in this directory."), (noBadge.Kind, noBadge.ServerMessage));
    }

    [Theory]
    [InlineData("{\"image\":\"https://images.example/x.png\"}", "name: This field is required.")]
    [InlineData("{\"name\":\"  \",\"image\":\"https://images.example/x.png\"}", "name: This field may not be blank.")]
    [InlineData("{\"name\":\"X\",\"image\":\"ftp://images.example/x.png\"}", "image: Enter a valid URL.")]
    [InlineData("{\"name\":\"Gold Partner\",\"image\":\"https://images.example/x.png\"}", "name: A badge with this name already exists in this directory.")]
    [InlineData("[1]", "non_field_errors: Invalid data. Expected a dictionary.")]
    public async Task The_sandbox_refuses_a_bad_new_badge_with_a_400_naming_the_field(string body, string message)
    {
        using var http = new HttpClient { BaseAddress = Sandbox.BaseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Sandbox.Server.State.Options.PartnerPageKey);

        var response = await http.PostAsync(Badges(Directory).TrimStart('/'), new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject().Single();

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Equal(message, $"{error.Key}: {error.Value![0]}");
        Assert.Equal(14, Server.DirectoryBadgeIds.Count);
    }

    [Fact]
    public async Task A_patch_with_no_field_is_a_400_as_the_documented_update_rule()
    {
        var gold = Server.DirectoryBadges.Single(b => b.Name == "Gold Partner").Id;
        using var http = new HttpClient { BaseAddress = Sandbox.BaseAddress };
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", Sandbox.Server.State.Options.PartnerPageKey);

        var response = await http.PatchAsJsonAsync($"{Badges(Directory).TrimStart('/')}{gold}/", new { });

        Assert.Equal(400, (int)response.StatusCode);
        Assert.Contains("At least one field must be provided.", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Directory_routes_want_the_key_and_answer_scripted_faults()
    {
        using var wrongKey = Sandbox.PartnerPageClient(key: "wrong-key-0123456789");
        await Sandbox.AddFaultAsync(new { path = Prefix + "badges/directory/*", status = 503, count = 1 });

        var unauthorized = await Assert.ThrowsAsync<ApiException>(() => wrongKey.GetDirectoryAsync(Directory));
        var afterRetry = await _client.ListDirectoryBadgesAsync(Directory).ToListAsync();

        Assert.Equal(ApiFailureKind.Unauthorized, unauthorized.Kind);
        Assert.Equal(14, afterRetry.Count);
        Assert.Equal(new[] { 401, 503, 200 }, Sandbox.Requests.Take(3).Select(r => r.Status));
    }

    [Fact]
    public async Task Deleting_a_directory_badge_detaches_it_from_every_entry()
    {
        var entry = Server.EntryIds[0];
        var shared = Server.BadgesOf(entry)[0].BadgeId;

        await _client.DeleteDirectoryBadgeAsync(Directory, shared);

        Assert.All(Server.EntryIds, e => Assert.DoesNotContain(Server.BadgesOf(e), b => b.BadgeId == shared));
        var attach = await Assert.ThrowsAsync<ApiException>(() => _client.AddBadgeAsync(entry, shared, null));
        Assert.Equal(ApiFailureKind.BadRequest, attach.Kind);
    }

    [Fact]
    public void Directory_routes_are_inferred_and_follow_the_documented_review_shape()
    {
        var directoryBadgeRoutes = new[]
        {
            PartnerPageRoutes.ListDirectoryBadges, PartnerPageRoutes.GetDirectoryBadge, PartnerPageRoutes.CreateDirectoryBadge,
            PartnerPageRoutes.UpdateDirectoryBadge, PartnerPageRoutes.DeleteDirectoryBadge,
        };

        Assert.All(directoryBadgeRoutes.Append(PartnerPageRoutes.ListDirectories).Append(PartnerPageRoutes.GetDirectory),
            r => Assert.Equal(RouteEvidence.Inferred, r.Evidence));
        Assert.All(directoryBadgeRoutes, r => Assert.StartsWith(PartnerPageRoutes.Prefix + "badges/directory/{directoryId}/", r.Template));
        Assert.Equal(directoryBadgeRoutes.Length + 2, PartnerPageRoutes.All.Count(r => r.Template[PartnerPageRoutes.Prefix.Length..].Contains("director", StringComparison.Ordinal)));
    }
}
