using System.Net;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.PartnerPage.Models;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.PartnerPage;

/// <summary>The PartnerPage client against the sandbox over real HTTP: every route, status and list format.</summary>
public sealed class PartnerPageClientTests : SandboxTest, IDisposable
{
    private const string Prefix = "/api/directory/private/v1alpha/";
    private readonly PartnerPageClient _client;

    public PartnerPageClientTests(SandboxFixture sandbox)
        : base(sandbox)
    {
        _client = sandbox.PartnerPageClient();
    }

    public void Dispose() => _client.Dispose();

    private Guid FirstEntry => Sandbox.Server.State.PartnerPage.EntryIds[0];

    [Fact]
    public async Task Listing_entries_follows_next_links_through_every_envelope_page()
    {
        var entries = await _client.ListEntriesAsync().ToListAsync();

        Assert.Equal(Sandbox.Server.State.PartnerPage.EntryIds, entries.Select(e => e.Id));
        Assert.All(entries, e => Assert.False(string.IsNullOrEmpty(e.Name)));
        var requests = Sandbox.Requests;
        Assert.Equal(3, requests.Count); // 12 entries at 5 a page
        Assert.All(requests, r => Assert.Equal(("GET", Prefix + "entries/partners/", "valid"), (r.Method, r.Path, r.Auth)));
        Assert.Equal(new[] { "", "?limit=5&offset=5", "?limit=5&offset=10" }, requests.Select(r => r.Query));
    }

    [Fact]
    public async Task Listing_entries_accepts_a_bare_json_array()
    {
        await Sandbox.SetAsync(new { partnerPageListStyle = "array" });

        var entries = await _client.ListEntriesAsync().ToListAsync();

        Assert.Equal(12, entries.Count);
        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public async Task Listing_stops_requesting_pages_when_the_reader_stops()
    {
        await foreach (var entry in _client.ListEntriesAsync())
        {
            Assert.NotEqual(Guid.Empty, entry.Id);
            break;
        }

        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public async Task Entries_keep_fields_the_module_does_not_model()
    {
        var entry = await _client.GetEntryAsync(FirstEntry);

        Assert.Equal(FirstEntry, entry.Id);
        Assert.Equal("Acme Cloud", entry.Name);
        Assert.Equal("partner", entry.AdditionalFields!["entryType"]);
        Assert.Equal(Prefix + $"entries/partners/{FirstEntry}/", Sandbox.Requests.Single().Path);
    }

    [Fact]
    public async Task Unknown_entry_is_NotFound_with_the_servers_message()
    {
        var ex = await Assert.ThrowsAsync<ApiException>(() => _client.GetEntryAsync(Guid.NewGuid()));

        Assert.Equal(ApiFailureKind.NotFound, ex.Kind);
        Assert.Equal(HttpStatusCode.NotFound, ex.StatusCode);
        Assert.Equal("Partner entry not found.", ex.ServerMessage);
        Assert.Equal("GET", ex.Method);
    }

    [Fact]
    public async Task Badges_of_an_entry_come_in_order_and_carry_the_entry_id()
    {
        var badges = await _client.ListBadgesAsync(FirstEntry).ToListAsync();

        Assert.Equal(Sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry).Select(b => b.BadgeId), badges.Select(b => b.Id));
        Assert.All(badges, b => Assert.Equal(FirstEntry, b.EntryId));
        Assert.All(badges, b => Assert.StartsWith("https://", b.Image));
        Assert.Equal(Prefix + $"entries/partners/{FirstEntry}/badges/", Sandbox.Requests.Single().Path);
    }

    [Fact]
    public async Task Badges_of_an_unknown_entry_are_NotFound()
    {
        var ex = await Assert.ThrowsAsync<ApiException>(async () => await _client.ListBadgesAsync(Guid.NewGuid()).ToListAsync());
        Assert.Equal(ApiFailureKind.NotFound, ex.Kind);
    }

    [Fact]
    public async Task One_badge_is_read_from_the_documented_path()
    {
        var (badgeId, order) = Sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry)[1];

        var badge = await _client.GetBadgeAsync(FirstEntry, badgeId);

        Assert.Equal((badgeId, order, FirstEntry), (badge.Id, badge.Order!.Value, badge.EntryId));
        Assert.Equal(Prefix + $"entries/partners/{FirstEntry}/badges/{badgeId}/", Sandbox.Requests.Single().Path);
    }

    [Fact]
    public async Task Unknown_badge_is_NotFound()
    {
        var ex = await Assert.ThrowsAsync<ApiException>(() => _client.GetBadgeAsync(FirstEntry, Guid.NewGuid()));
        Assert.Equal(ApiFailureKind.NotFound, ex.Kind);
        Assert.Equal("Badge not found on this partner entry.", ex.ServerMessage);
    }

    [Fact]
    public async Task Attaching_posts_id_and_order_to_the_collection()
    {
        var attached = Sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry).Select(b => b.BadgeId).ToHashSet();
        var free = Sandbox.Server.State.PartnerPage.DirectoryBadgeIds.First(id => !attached.Contains(id));

        var badge = await _client.AddBadgeAsync(FirstEntry, free, 7);

        Assert.Equal((free, 7, FirstEntry), (badge.Id, badge.Order!.Value, badge.EntryId));
        var request = Sandbox.Requests.Single();
        Assert.Equal(("POST", Prefix + $"entries/partners/{FirstEntry}/badges/", 201), (request.Method, request.Path, request.Status));
        Assert.Equal($"{{\"id\":\"{free}\",\"order\":7}}", request.Body);
    }

    [Fact]
    public async Task Attaching_without_order_sends_no_order_field()
    {
        var attached = Sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry).Select(b => b.BadgeId).ToHashSet();
        var free = Sandbox.Server.State.PartnerPage.DirectoryBadgeIds.First(id => !attached.Contains(id));

        await _client.AddBadgeAsync(FirstEntry, free, null);

        Assert.Equal($"{{\"id\":\"{free}\"}}", Sandbox.Requests.Single().Body);
    }

    [Fact]
    public async Task Attaching_a_badge_twice_is_a_BadRequest_naming_the_field()
    {
        var existing = Sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry)[0].BadgeId;

        var ex = await Assert.ThrowsAsync<ApiException>(() => _client.AddBadgeAsync(FirstEntry, existing, null));

        Assert.Equal(ApiFailureKind.BadRequest, ex.Kind);
        Assert.Equal("id: This badge is already attached to this entry.", ex.ServerMessage);
    }

    [Fact]
    public async Task Updating_sends_only_the_fields_given_with_PATCH()
    {
        var badgeId = Sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry)[0].BadgeId;

        var badge = await _client.UpdateBadgeAsync(FirstEntry, badgeId, new PartnerBadgeChange { Order = 4 });

        Assert.Equal(4, badge.Order);
        var request = Sandbox.Requests.Single();
        Assert.Equal(("PATCH", Prefix + $"entries/partners/{FirstEntry}/badges/{badgeId}/", "{\"order\":4}"), (request.Method, request.Path, request.Body));
        Assert.Contains((badgeId, 4), Sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry));
    }

    [Fact]
    public async Task Updating_can_point_the_entry_badge_at_another_directory_badge()
    {
        var badgeId = Sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry)[0].BadgeId;
        var attached = Sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry).Select(b => b.BadgeId).ToHashSet();
        var free = Sandbox.Server.State.PartnerPage.DirectoryBadgeIds.First(id => !attached.Contains(id));

        var badge = await _client.UpdateBadgeAsync(FirstEntry, badgeId, new PartnerBadgeChange { Id = free, Order = 0 });

        Assert.Equal(free, badge.Id);
        Assert.Equal($"{{\"id\":\"{free}\",\"order\":0}}", Sandbox.Requests.Single().Body);
    }

    [Fact]
    public async Task An_update_that_changes_nothing_is_refused_before_any_request()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => _client.UpdateBadgeAsync(FirstEntry, Guid.NewGuid(), new PartnerBadgeChange()));
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public async Task Removing_deletes_the_badge()
    {
        var badgeId = Sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry)[0].BadgeId;

        var removed = await _client.RemoveBadgeAsync(FirstEntry, badgeId);

        Assert.Null(removed); // 204, no body
        Assert.DoesNotContain(Sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry), b => b.BadgeId == badgeId);
        var request = Sandbox.Requests.Single();
        Assert.Equal(("DELETE", 204), (request.Method, request.Status));
        var again = await Assert.ThrowsAsync<ApiException>(() => _client.RemoveBadgeAsync(FirstEntry, badgeId));
        Assert.Equal(ApiFailureKind.NotFound, again.Kind);
    }

    [Fact]
    public async Task A_wrong_key_is_Unauthorized_and_the_key_is_not_in_the_error()
    {
        using var client = Sandbox.PartnerPageClient(key: "wrong-key-0123456789");

        var ex = await Assert.ThrowsAsync<ApiException>(() => client.GetEntryAsync(FirstEntry));

        Assert.Equal(ApiFailureKind.Unauthorized, ex.Kind);
        Assert.Equal("Invalid API key.", ex.ServerMessage);
        Assert.DoesNotContain("wrong-key-0123456789", ex.ToString());
        Assert.Equal("invalid", Sandbox.Requests.Single().Auth);
    }

    [Fact]
    public async Task A_next_link_to_another_host_is_refused()
    {
        await Sandbox.AddFaultAsync(new
        {
            method = "GET", path = Prefix + "entries/partners/", status = 200,
            body = "{\"count\":2,\"next\":\"https://elsewhere.example/api/directory/private/v1alpha/entries/partners/?offset=1\",\"previous\":null,\"results\":[{\"id\":\"" + FirstEntry + "\"}]}",
        });

        var read = new List<PartnerEntry>();
        var ex = await Assert.ThrowsAsync<ApiException>(async () =>
        {
            await foreach (var entry in _client.ListEntriesAsync()) read.Add(entry);
        });

        Assert.Equal(ApiFailureKind.InvalidResponse, ex.Kind);
        Assert.Contains("another host", ex.Message);
        Assert.Empty(read); // the page is refused as a whole before its items are written
        Assert.Single(Sandbox.Requests);
    }

    [Fact]
    public async Task Every_request_carries_the_bare_key_and_the_user_agent()
    {
        using var client = new PartnerPageClient(new ConnectionSettings(Sandbox.BaseAddress, PartnerPageConnection.ApiKeyHeader, SandboxOptions.DefaultPartnerPageKey)
        {
            UserAgent = "BadgeAdmin/0.1.0 PowerShell/7.6.0",
        });

        await client.GetEntryAsync(FirstEntry);

        var request = Sandbox.Requests.Single();
        Assert.Equal(("valid", "BadgeAdmin/0.1.0 PowerShell/7.6.0"), (request.Auth, request.UserAgent));
    }

    [Fact]
    public void Route_table_marks_only_the_documented_PATCH_as_confirmed()
    {
        var confirmed = PartnerPageRoutes.All.Where(r => r.Evidence == RouteEvidence.Confirmed).ToList();

        Assert.Equal(new[] { PartnerPageRoutes.UpdateEntryBadge }, confirmed);
        Assert.All(PartnerPageRoutes.All, r => Assert.EndsWith("/", r.Template));
        Assert.All(PartnerPageRoutes.All, r => Assert.StartsWith(PartnerPageRoutes.Prefix, r.Template));
    }
}
