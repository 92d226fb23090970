using System.Management.Automation;
using System.Security;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.PartnerPage;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.PartnerPage.Models;
using BadgeAdmin.Sandbox;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.PartnerPage;

/// <summary>
/// The PartnerPage cmdlets driven as the engine drives them, against the sandbox over real HTTP: what they send,
/// write, ask and report. Pipelines are bound item by item as PowerShell's binder would (the binding attributes
/// themselves are checked in ModuleMetadataTests).
/// </summary>
public sealed class PartnerPageCmdletTests : IClassFixture<SandboxFixture>, IDisposable
{
    private const string Prefix = "/api/directory/private/v1alpha/";
    private readonly SandboxFixture _sandbox;
    private readonly PartnerPageConnection _connection;

    public PartnerPageCmdletTests(SandboxFixture sandbox)
    {
        _sandbox = sandbox;
        _sandbox.Reset();
        _connection = new PartnerPageConnection(sandbox.PartnerPageSettings(), "test");
    }

    public void Dispose() => _connection.Dispose();

    private Guid FirstEntry => _sandbox.Server.State.PartnerPage.EntryIds[0];

    private RecordingRuntime Connected()
    {
        var runtime = new RecordingRuntime();
        runtime.Connections.SetPartnerPage(_connection);
        return runtime;
    }

    private List<PartnerBadge> BadgesOf(Guid entry)
    {
        var runtime = CmdletRunner.Run(new GetPartnerBadgeCommand { EntryId = entry }, Connected());
        return runtime.Objects.Cast<PartnerBadge>().ToList();
    }

    [Fact]
    public void Connect_reads_the_key_from_the_environment_and_keeps_the_connection_for_the_runspace()
    {
        var runtime = new RecordingRuntime();
        runtime.Environment["PARTNERPAGE_API_KEY"] = SandboxOptions.DefaultPartnerPageKey;

        CmdletRunner.Run(new ConnectPartnerPageCommand { BaseUri = _sandbox.BaseAddress, PassThruRequested = true }, runtime);

        var connection = Assert.IsType<PartnerPageConnection>(Assert.Single(runtime.Objects));
        Assert.Same(connection, runtime.Connections.PartnerPage);
        Assert.Equal(("$env:PARTNERPAGE_API_KEY", _sandbox.BaseAddress), (connection.ApiKeySource, connection.BaseUri));
        Assert.Empty(_sandbox.Requests); // connecting sends nothing

        CmdletRunner.Run(new GetPartnerEntryCommand { Id = new[] { FirstEntry } }, runtime);
        Assert.Equal("valid", _sandbox.Requests.Single().Auth);
        Assert.StartsWith("BadgeAdmin/0.1.0 PowerShell/7.6.0", _sandbox.Requests.Single().UserAgent);
    }

    [Fact]
    public void Connect_prefers_the_ApiKey_parameter_and_writes_nothing_without_PassThru()
    {
        var runtime = new RecordingRuntime();
        runtime.Environment["PARTNERPAGE_API_KEY"] = "from-the-environment";
        CmdletRunner.Run(new ConnectPartnerPageCommand { ApiKey = TestSecrets.Secure(SandboxOptions.DefaultPartnerPageKey), BaseUri = _sandbox.BaseAddress }, runtime);

        Assert.Empty(runtime.Objects);
        Assert.Equal("Parameter", runtime.Connections.PartnerPage!.ApiKeySource);
    }

    [Fact]
    public void Connect_without_any_key_is_a_terminating_ApiKeyMissing_error()
    {
        var ex = Assert.Throws<TerminatingErrorException>(() => CmdletRunner.Run(new ConnectPartnerPageCommand()));

        Assert.Equal((ErrorIds.ApiKeyMissing, ErrorCategory.InvalidArgument), (ex.Error.ErrorId, ex.Error.Category));
        Assert.Contains("PARTNERPAGE_API_KEY", ex.Error.Exception.Message);
    }

    [Fact]
    public void Connect_refuses_plain_http_to_a_remote_host()
    {
        var runtime = new RecordingRuntime();
        runtime.Environment["PARTNERPAGE_API_KEY"] = "k-0123456789";

        var ex = Assert.Throws<TerminatingErrorException>(() =>
            CmdletRunner.Run(new ConnectPartnerPageCommand { BaseUri = new Uri("http://partnerpage.example/") }, runtime));

        Assert.Equal(ErrorIds.InvalidBaseUri, ex.Error.ErrorId);
        Assert.Contains("https", ex.Error.Exception.Message);
        Assert.Null(runtime.Connections.PartnerPage);
    }

    [Fact]
    public void Reconnecting_disposes_the_previous_connection_and_Disconnect_drops_it()
    {
        var runtime = new RecordingRuntime();
        runtime.Environment["PARTNERPAGE_API_KEY"] = SandboxOptions.DefaultPartnerPageKey;
        CmdletRunner.Run(new ConnectPartnerPageCommand { BaseUri = _sandbox.BaseAddress }, runtime);
        var first = runtime.Connections.PartnerPage!;

        CmdletRunner.Run(new ConnectPartnerPageCommand { BaseUri = _sandbox.BaseAddress }, runtime);
        Assert.True(first.IsDisposed);

        var second = runtime.Connections.PartnerPage!;
        CmdletRunner.Run(new DisconnectPartnerPageCommand(), runtime);
        Assert.True(second.IsDisposed);
        Assert.Null(runtime.Connections.PartnerPage);
    }

    [Fact]
    public void Cmdlets_without_a_connection_end_with_NotConnected_before_any_request()
    {
        var ex = Assert.Throws<TerminatingErrorException>(() => CmdletRunner.Run(new GetPartnerEntryCommand()));

        Assert.Equal((ErrorIds.NotConnected, ErrorCategory.ConnectionError), (ex.Error.ErrorId, ex.Error.Category));
        Assert.Contains("Connect-PartnerPage", ex.Error.Exception.Message);
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void A_disconnected_connection_passed_with_Connection_is_refused()
    {
        var closed = new PartnerPageConnection(_sandbox.PartnerPageSettings(), "test");
        closed.Dispose();

        var ex = Assert.Throws<TerminatingErrorException>(() => CmdletRunner.Run(new GetPartnerEntryCommand { Connection = closed }));

        Assert.Equal(ErrorIds.ConnectionClosed, ex.Error.ErrorId);
    }

    [Fact]
    public void Get_PartnerEntry_streams_every_entry_and_reports_each_request_verbosely()
    {
        var runtime = CmdletRunner.Run(new GetPartnerEntryCommand(), Connected());

        Assert.Equal(_sandbox.Server.State.PartnerPage.EntryIds, runtime.Objects.Cast<PartnerEntry>().Select(e => e.Id));
        Assert.Equal(3, runtime.Verbose.Count);
        Assert.All(runtime.Verbose, line => Assert.Matches(@"^GET /api/directory/private/v1alpha/entries/partners/\S* → 200 in \d+ ms$", line));
        Assert.Empty(runtime.OffThreadCalls);
    }

    [Fact]
    public void Get_PartnerEntry_with_the_connection_parameter_uses_it()
    {
        var runtime = CmdletRunner.Run(new GetPartnerEntryCommand { Id = new[] { FirstEntry }, Connection = _connection });

        Assert.Equal(FirstEntry, Assert.IsType<PartnerEntry>(Assert.Single(runtime.Objects)).Id);
    }

    [Fact]
    public void Get_PartnerEntry_stops_paging_when_the_pipeline_stops_early()
    {
        var runtime = Connected();
        runtime.StopAfterObjects = 3; // Select-Object -First 3

        Assert.Throws<PipelineStoppedException>(() => CmdletRunner.Run(new GetPartnerEntryCommand(), runtime));

        Assert.Equal(3, runtime.Objects.Count);
        Assert.Single(_sandbox.Requests);
    }

    [Fact]
    public void Get_PartnerEntry_reports_each_missing_id_and_goes_on()
    {
        var missing = Guid.NewGuid();
        var runtime = CmdletRunner.Run(new GetPartnerEntryCommand { Id = new[] { missing, FirstEntry } }, Connected());

        Assert.Equal(FirstEntry, Assert.IsType<PartnerEntry>(Assert.Single(runtime.Objects)).Id);
        var error = Assert.Single(runtime.Errors);
        Assert.Equal((ErrorIds.PartnerEntryNotFound, ErrorCategory.ObjectNotFound, (object?)missing), (error.ErrorId, error.Category, error.TargetObject));
        Assert.StartsWith("Partner entry not found. (GET " + Prefix, error.DetailsMessage);
    }

    [Fact]
    public void Get_PartnerEntry_piped_to_Get_PartnerBadge_lists_each_entrys_badges()
    {
        var entries = CmdletRunner.Run(new GetPartnerEntryCommand(), Connected()).Objects.Cast<PartnerEntry>().ToList();

        var runtime = CmdletRunner.RunPipeline(new GetPartnerBadgeCommand(), entries, (c, entry) => ((GetPartnerBadgeCommand)c).Entry = entry, Connected());

        var badges = runtime.Objects.Cast<PartnerBadge>().ToList();
        var expected = entries.Sum(e => _sandbox.Server.State.PartnerPage.BadgesOf(e.Id).Count);
        Assert.Equal(expected, badges.Count);
        Assert.Equal(entries.Select(e => e.Id), badges.Select(b => b.EntryId).Distinct());
        Assert.All(entries, e => Assert.InRange(badges.Count(b => b.EntryId == e.Id), 2, 6));
    }

    [Fact]
    public void Get_PartnerBadge_with_an_id_gets_one_badge_and_reports_a_missing_one()
    {
        var existing = _sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry)[0].BadgeId;

        var found = CmdletRunner.Run(new GetPartnerBadgeCommand { EntryId = FirstEntry, Id = existing }, Connected());
        var missing = CmdletRunner.Run(new GetPartnerBadgeCommand { EntryId = FirstEntry, Id = Guid.NewGuid() }, Connected());

        Assert.Equal(existing, Assert.IsType<PartnerBadge>(Assert.Single(found.Objects)).Id);
        Assert.Equal(ErrorIds.PartnerBadgeNotFound, Assert.Single(missing.Errors).ErrorId);
    }

    [Fact]
    public void Set_PartnerBadge_from_the_pipeline_patches_each_badge_and_passes_it_thru()
    {
        var badges = BadgesOf(FirstEntry);
        _sandbox.Server.State.Requests.Clear();

        var runtime = CmdletRunner.RunPipeline(new SetPartnerBadgeCommand { Order = 0, PassThruRequested = true }, badges,
            (c, b) => { var set = (SetPartnerBadgeCommand)c; set.EntryId = b.EntryId; set.Id = b.Id; }, Connected());

        Assert.Equal(badges.Select(b => b.Id), runtime.Objects.Cast<PartnerBadge>().Select(b => b.Id));
        Assert.All(runtime.Objects.Cast<PartnerBadge>(), b => Assert.Equal(0, b.Order));
        Assert.Equal(badges.Count, runtime.ShouldProcessCalls.Count);
        Assert.Equal($"badge {badges[0].Id} of partner entry {FirstEntry}", runtime.ShouldProcessCalls[0].Target);
        Assert.Equal("Set order to 0", runtime.ShouldProcessCalls[0].Action);
        Assert.All(_sandbox.Requests, r => Assert.Equal(("PATCH", "{\"order\":0}"), (r.Method, r.Body)));
        // Sent concurrently (-ThrottleLimit 4 by default): every badge once, in any order; the output keeps input order.
        Assert.Equal(badges.Select(b => Prefix + $"entries/partners/{FirstEntry}/badges/{b.Id}/").Order(), _sandbox.Requests.Select(r => r.Path).Order());
    }

    [Fact]
    public void Set_PartnerBadge_writes_nothing_without_PassThru()
    {
        var badge = BadgesOf(FirstEntry)[0];

        var runtime = CmdletRunner.Run(new SetPartnerBadgeCommand { EntryId = FirstEntry, Id = badge.Id, Order = 5 }, Connected());

        Assert.Empty(runtime.Objects);
        Assert.Contains((badge.Id, 5), _sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry));
    }

    [Fact]
    public void Set_PartnerBadge_WhatIf_sends_no_request()
    {
        var badges = BadgesOf(FirstEntry);
        _sandbox.Server.State.Requests.Clear();
        var runtime = Connected();
        runtime.ShouldProcessAnswer = false;

        CmdletRunner.RunPipeline(new SetPartnerBadgeCommand { Order = 9 }, badges,
            (c, b) => { var set = (SetPartnerBadgeCommand)c; set.EntryId = b.EntryId; set.Id = b.Id; }, runtime);

        Assert.Equal(badges.Count, runtime.ShouldProcessCalls.Count);
        Assert.Empty(_sandbox.Requests);
        Assert.Empty(runtime.Objects);
    }

    [Fact]
    public void Set_PartnerBadge_with_nothing_to_change_ends_before_any_request()
    {
        var ex = Assert.Throws<TerminatingErrorException>(() =>
            CmdletRunner.Run(new SetPartnerBadgeCommand { EntryId = FirstEntry, Id = Guid.NewGuid() }, Connected()));

        Assert.Equal((ErrorIds.NothingToChange, ErrorCategory.InvalidArgument), (ex.Error.ErrorId, ex.Error.Category));
        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void Set_PartnerBadge_failures_are_per_item_with_the_servers_message()
    {
        var badges = BadgesOf(FirstEntry);
        var attached = badges.Select(b => b.Id).ToHashSet();
        var taken = badges[1].Id;
        _sandbox.Server.State.Requests.Clear();
        var inputs = new[] { (FirstEntry, Guid.NewGuid()), (FirstEntry, badges[0].Id) };

        var runtime = CmdletRunner.RunPipeline(new SetPartnerBadgeCommand { BadgeId = taken, PassThruRequested = true }, inputs,
            (c, i) => { var set = (SetPartnerBadgeCommand)c; set.EntryId = i.Item1; set.Id = i.Item2; }, Connected());

        Assert.Equal(2, runtime.Errors.Count);
        Assert.Equal((ErrorIds.PartnerBadgeNotFound, ErrorCategory.ObjectNotFound), (runtime.Errors[0].ErrorId, runtime.Errors[0].Category));
        Assert.Equal((ErrorIds.RequestRejected, ErrorCategory.InvalidArgument), (runtime.Errors[1].ErrorId, runtime.Errors[1].Category));
        Assert.Equal((object)badges[0].Id, runtime.Errors[1].TargetObject);
        Assert.StartsWith("id: This badge is already attached to this entry.", runtime.Errors[1].DetailsMessage);
        Assert.Equal(2, _sandbox.Requests.Count);
    }

    [Fact]
    public void New_PartnerBadge_attaches_and_writes_the_badge()
    {
        var attached = _sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry).Select(b => b.BadgeId).ToHashSet();
        var free = _sandbox.Server.State.PartnerPage.DirectoryBadgeIds.First(id => !attached.Contains(id));

        var runtime = CmdletRunner.Run(new NewPartnerBadgeCommand { EntryId = FirstEntry, BadgeId = free, Order = 1 }, Connected());

        var badge = Assert.IsType<PartnerBadge>(Assert.Single(runtime.Objects));
        Assert.Equal((free, FirstEntry, 1), (badge.Id, badge.EntryId, badge.Order!.Value));
        Assert.Equal(($"partner entry {FirstEntry}", $"Attach badge {free} at order 1"), Assert.Single(runtime.ShouldProcessCalls));
        Assert.Equal("POST", _sandbox.Requests.Single().Method);
    }

    [Fact]
    public void New_PartnerBadge_WhatIf_sends_no_request()
    {
        var runtime = Connected();
        runtime.ShouldProcessAnswer = false;

        CmdletRunner.Run(new NewPartnerBadgeCommand { EntryId = FirstEntry, BadgeId = Guid.NewGuid() }, runtime);

        Assert.Empty(_sandbox.Requests);
    }

    [Fact]
    public void Remove_PartnerBadge_for_filtered_badges_deletes_only_those()
    {
        var entry = _sandbox.Server.State.PartnerPage.EntryIds.First(e => _sandbox.Server.State.PartnerPage.BadgesOf(e).Count >= 5);
        var badges = BadgesOf(entry);
        var doomed = badges.Where(b => b.Order > 2).ToList(); // Where-Object Order -gt 2
        _sandbox.Server.State.Requests.Clear();

        var runtime = CmdletRunner.RunPipeline(new RemovePartnerBadgeCommand(), doomed,
            (c, b) => { var remove = (RemovePartnerBadgeCommand)c; remove.EntryId = b.EntryId; remove.Id = b.Id; }, Connected());

        Assert.Empty(runtime.Objects);
        Assert.Empty(runtime.Errors);
        Assert.Equal(badges.Where(b => b.Order <= 2).Select(b => b.Id), _sandbox.Server.State.PartnerPage.BadgesOf(entry).Select(b => b.BadgeId));
        Assert.Equal(doomed.Count, _sandbox.Requests.Count(r => r.Method == "DELETE"));
        Assert.All(runtime.ShouldProcessCalls, c => Assert.Equal("Remove badge from entry", c.Action));
    }

    [Fact]
    public void Remove_PartnerBadge_PassThru_writes_the_removed_badge()
    {
        var badge = BadgesOf(FirstEntry)[0];

        var runtime = CmdletRunner.Run(new RemovePartnerBadgeCommand { EntryId = FirstEntry, Id = badge.Id, PassThruRequested = true }, Connected());

        var removed = Assert.IsType<PartnerBadge>(Assert.Single(runtime.Objects));
        Assert.Equal((badge.EntryId, badge.Id), (removed.EntryId, removed.Id));
    }

    [Fact]
    public void Remove_PartnerBadge_of_a_missing_badge_is_a_non_terminating_PartnerBadgeNotFound()
    {
        var missing = Guid.NewGuid();

        var runtime = CmdletRunner.Run(new RemovePartnerBadgeCommand { EntryId = FirstEntry, Id = missing }, Connected());

        var error = Assert.Single(runtime.Errors);
        Assert.Equal((ErrorIds.PartnerBadgeNotFound, ErrorCategory.ObjectNotFound, (object?)missing), (error.ErrorId, error.Category, error.TargetObject));
        Assert.Contains("Badge not found on this partner entry.", error.DetailsMessage);
    }

    [Fact]
    public async Task Api_failures_map_to_error_ids_and_categories()
    {
        var cases = new (int Status, string Id, ErrorCategory Category)[]
        {
            (400, ErrorIds.RequestRejected, ErrorCategory.InvalidArgument),
            (401, ErrorIds.ApiKeyRejected, ErrorCategory.SecurityError),
            (403, ErrorIds.AccessDenied, ErrorCategory.PermissionDenied),
            (404, ErrorIds.PartnerEntryNotFound, ErrorCategory.ObjectNotFound),
            (409, ErrorIds.Conflict, ErrorCategory.ResourceExists),
            (500, ErrorIds.ServiceError, ErrorCategory.ResourceUnavailable),
            (501, ErrorIds.ServiceError, ErrorCategory.ResourceUnavailable),
        };
        using var noRetries = new PartnerPageConnection(_sandbox.PartnerPageSettings(maxRetries: 0), "test");
        foreach (var (status, id, category) in cases)
        {
            await _sandbox.AddFaultAsync(new { path = Prefix + "entries/partners/*", status, body = "{\"detail\":\"scripted " + status + "\"}" });

            var runtime = CmdletRunner.Run(new GetPartnerEntryCommand { Id = new[] { FirstEntry }, Connection = noRetries });

            var error = Assert.Single(runtime.Errors);
            Assert.Equal((id, category), (error.ErrorId, error.Category));
            Assert.StartsWith($"scripted {status} (GET ", error.DetailsMessage);
        }
    }

    [Fact]
    public async Task A_retry_is_a_warning_on_the_pipeline_thread_and_the_call_then_succeeds()
    {
        await _sandbox.AddFaultAsync(new { path = Prefix + "entries/partners/*", status = 503, retryAfter = "0" });

        var runtime = CmdletRunner.Run(new GetPartnerEntryCommand { Id = new[] { FirstEntry } }, Connected());

        Assert.Single(runtime.Objects);
        var warning = Assert.Single(runtime.Warnings);
        Assert.Matches(@"^GET /api/\S+ answered 503 Service Unavailable; retrying in 0 s \(retry 1 of 2\)\.$", warning);
        Assert.Equal(2, _sandbox.Requests.Count);
        Assert.Empty(runtime.OffThreadCalls);
    }

    [Fact]
    public void Debug_shows_bodies_with_the_key_masked()
    {
        var runtime = Connected();
        runtime.DebugEnabled = true;
        var badge = _sandbox.Server.State.PartnerPage.BadgesOf(FirstEntry)[0].BadgeId;

        CmdletRunner.Run(new SetPartnerBadgeCommand { EntryId = FirstEntry, Id = badge, Order = 2 }, runtime);

        Assert.Contains(runtime.Debug, d => d.Contains("{\"order\":2}") && d.Contains("Authorization: ***"));
        Assert.Contains(runtime.Debug, d => d.StartsWith("HTTP response: 200"));
        Assert.DoesNotContain(runtime.AllText(), t => t.Contains(SandboxOptions.DefaultPartnerPageKey));
    }

    [Fact]
    public async Task Stopping_the_pipeline_cancels_a_stalled_request_within_a_second()
    {
        await _sandbox.AddFaultAsync(new { path = Prefix + "entries/partners/*", stall = true });
        var cmdlet = new GetPartnerEntryCommand { Id = new[] { FirstEntry } };
        var runtime = Connected();
        cmdlet.Runtime = runtime;
        var stopwatch = System.Diagnostics.Stopwatch.StartNew();
        var stopper = Task.Run(async () =>
        {
            while (_sandbox.Requests.Count == 0 && stopwatch.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(10);
            await Task.Delay(200);
            cmdlet.InvokeStop();
            return stopwatch.Elapsed;
        });

        cmdlet.InvokeBegin();
        Assert.Throws<PipelineStoppedException>(() => cmdlet.InvokeRecord());
        var returnedAt = stopwatch.Elapsed;
        var stoppedAt = await stopper;

        Assert.True(returnedAt - stoppedAt < TimeSpan.FromSeconds(1), $"returned {returnedAt - stoppedAt} after the stop");
        Assert.Empty(runtime.Errors);
    }
}
