using System.Diagnostics;
using BadgeAdmin.Engine.Tests.Support;
using static BadgeAdmin.Engine.Tests.Support.SessionScripts;

namespace BadgeAdmin.Engine.Tests.PartnerPage;

/// <summary>
/// The PartnerPage cmdlets typed as a user types them, in a real engine, against the sandbox over real HTTP: what they
/// send, write, ask and report.
/// </summary>
[Collection(ProcessEnvironmentCollection.Name)]
public sealed class PartnerPageCmdletTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private const string Prefix = "/api/directory/private/v1alpha/";
    private const string KeyVariable = "PARTNERPAGE_API_KEY";
    private const string ConnectionType = "BadgeAdmin.Core.PartnerPage.PartnerPageConnection";
    private const string BadgeType = "BadgeAdmin.Core.PartnerPage.Models.PartnerBadge";

    private Guid FirstEntry => Sandbox.EntryIds[0];

    private string ValidKey => Sandbox.Server.State.Options.PartnerPageKey;

    /// <summary>The badges the server holds for an entry, by order.</summary>
    private IReadOnlyList<(Guid BadgeId, int Order)> ServerBadges(Guid entry) => Sandbox.Server.State.PartnerPage.BadgesOf(entry);

    /// <summary>
    /// Runs a script with $SandboxUri, $ApiKey (the valid key as a SecureString) and $e (the first entry's id) set,
    /// plus <paramref name="variables"/>.
    /// </summary>
    private EngineResult Run(string script, params (string Name, object? Value)[] variables) =>
        Session.Run(script, [("SandboxUri", Sandbox.BaseAddress), ("ApiKey", Secure(ValidKey)), ("e", FirstEntry), .. variables]);

    /// <summary>The badges Get-PartnerBadge lists for an entry; the request log is cleared afterwards.</summary>
    private IReadOnlyList<PSObject> BadgesOf(Guid entry)
    {
        var badges = Run("Get-PartnerBadge -EntryId $Entry", ("Entry", entry)).ThrowIfErrors().Output;
        Sandbox.Server.State.Requests.Clear();
        return badges;
    }

    private static Guid IdOf(PSObject item) => item.Property<Guid>("Id");

    [Fact]
    public void Connect_reads_the_key_from_the_environment_and_keeps_the_connection_for_the_runspace()
    {
        var connect = Run(WithEnvironment("Connect-PartnerPage -BaseUri $SandboxUri -PassThru", (KeyVariable, ValidKey))).ThrowIfErrors();

        var connection = Assert.Single(connect.Output);
        Assert.Equal(ConnectionType, connection.TypeNames[0]);
        Assert.Equal(("$env:PARTNERPAGE_API_KEY", Sandbox.BaseAddress), (connection.Property<string>("ApiKeySource"), connection.Property<Uri>("BaseUri")));
        Assert.Empty(Sandbox.Requests); // connecting sends nothing

        // A later command, with the variable gone, still uses the kept connection and its key.
        var kept = Run("Get-BadgeAdminConnection -Service PartnerPage").ThrowIfErrors();
        Assert.Same(connection.BaseObject, Assert.Single(kept.Output).BaseObject);
        Run("Get-PartnerEntry -Id $e").ThrowIfErrors();
        var request = Assert.Single(Sandbox.Requests);
        Assert.Equal("valid", request.Auth);
        Assert.StartsWith("BadgeAdmin/", request.UserAgent);
    }

    [Fact]
    public void Connect_prefers_the_ApiKey_parameter_and_writes_nothing_without_PassThru()
    {
        var connect = Run(WithEnvironment("Connect-PartnerPage -ApiKey $ApiKey -BaseUri $SandboxUri", (KeyVariable, "from-the-environment"))).ThrowIfErrors();

        Assert.Empty(connect.Output);
        var source = Run("(Get-BadgeAdminConnection -Service PartnerPage).ApiKeySource").ThrowIfErrors();
        Assert.Equal("Parameter", Assert.Single(source.Output).BaseObject);
        Run("Get-PartnerEntry -Id $e").ThrowIfErrors();
        Assert.Equal("valid", Assert.Single(Sandbox.Requests).Auth); // the environment's key would be refused
    }

    [Fact]
    public void Connect_without_any_key_is_a_terminating_ApiKeyMissing_error()
    {
        var result = Run(StopOnTerminating(WithEnvironment("Connect-PartnerPage", (KeyVariable, null))));

        var error = result.TerminatingError();
        Assert.Equal(("ApiKeyMissing", ErrorCategory.InvalidArgument), (result.TerminatingErrorId, error.CategoryInfo.Category));
        Assert.Contains("PARTNERPAGE_API_KEY", error.Exception.Message);
    }

    [Fact]
    public void Connect_refuses_plain_http_to_a_remote_host()
    {
        Run("Disconnect-PartnerPage").ThrowIfErrors();

        var result = Run(StopOnTerminating("Connect-PartnerPage -ApiKey $ApiKey -BaseUri http://partnerpage.example/"));

        Assert.Equal("InvalidBaseUri", result.TerminatingErrorId);
        Assert.Contains("https", result.TerminatingError().Exception.Message);
        Assert.Empty(Run("Get-BadgeAdminConnection -Service PartnerPage").ThrowIfErrors().Output);
    }

    [Fact]
    public void Reconnecting_disposes_the_previous_connection_and_Disconnect_drops_it()
    {
        var result = Run("""
            $first = Connect-PartnerPage -ApiKey $ApiKey -BaseUri $SandboxUri -PassThru
            $second = Connect-PartnerPage -ApiKey $ApiKey -BaseUri $SandboxUri -PassThru
            $first.IsDisposed, $second.IsDisposed
            Disconnect-PartnerPage
            $second.IsDisposed
            @(Get-BadgeAdminConnection -Service PartnerPage).Count
            """).ThrowIfErrors();

        Assert.Equal(new object[] { true, false, true, 0 }, result.Output.Select(o => o.BaseObject));
    }

    [Fact]
    public void Cmdlets_without_a_connection_end_with_NotConnected_before_any_request()
    {
        Run("Disconnect-PartnerPage").ThrowIfErrors();

        var result = Run(StopOnTerminating("Get-PartnerEntry"));

        var error = result.TerminatingError();
        Assert.Equal(("NotConnected", ErrorCategory.ConnectionError), (result.TerminatingErrorId, error.CategoryInfo.Category));
        Assert.Contains("Connect-PartnerPage", error.Exception.Message);
        // A runbook connects from the environment: the advice names the variables Connect-PartnerPage reads.
        Assert.Contains("$env:PARTNERPAGE_API_KEY", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Contains("$env:PARTNERPAGE_BASE_URI", error.ErrorDetails.RecommendedAction, StringComparison.Ordinal);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void A_disconnected_connection_passed_with_Connection_is_refused()
    {
        // The runspace is connected again, so only the closed connection given with -Connection can be at fault.
        var result = Run(StopOnTerminating("""
            $closed = Connect-PartnerPage -ApiKey $ApiKey -BaseUri $SandboxUri -PassThru
            Disconnect-PartnerPage
            Connect-PartnerPage -ApiKey $ApiKey -BaseUri $SandboxUri
            Get-PartnerEntry -Id $e -Connection $closed
            """));

        Assert.Equal(("ConnectionClosed", ErrorCategory.ConnectionError), (result.TerminatingErrorId, result.TerminatingError().CategoryInfo.Category));
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void Get_PartnerEntry_streams_every_entry_and_reports_each_request_verbosely()
    {
        var result = Run("Get-PartnerEntry -Verbose").ThrowIfErrors();

        Assert.Equal(Sandbox.EntryIds, result.Output.Select(IdOf));
        Assert.Equal(3, result.Verbose.Count); // 12 entries, 5 a page
        Assert.All(result.Verbose, line => Assert.Matches(@"^GET /api/directory/private/v1alpha/entries/partners/\S* → 200 in \d+ ms$", line));
        Assert.Equal(3, Sandbox.Requests.Count);
    }

    [Fact]
    public void Get_PartnerEntry_with_the_connection_parameter_uses_it()
    {
        // A parallel runspace has no connection of its own: the one passed with -Connection is all it can use.
        var result = Run("""
            $connection = Get-BadgeAdminConnection -Service PartnerPage
            $e | ForEach-Object -Parallel {
                Import-Module $using:ModulePath
                Get-PartnerEntry -Id $_ -Connection $using:connection
            }
            """, ("ModulePath", EngineSession.ModuleManifest)).ThrowIfErrors();

        Assert.Equal(FirstEntry, IdOf(Assert.Single(result.Output)));
        Assert.Equal("valid", Assert.Single(Sandbox.Requests).Auth);
    }

    [Fact]
    public void Get_PartnerEntry_stops_paging_when_the_pipeline_stops_early()
    {
        var result = Run("Get-PartnerEntry | Select-Object -First 3").ThrowIfErrors();

        Assert.Equal(Sandbox.EntryIds.Take(3), result.Output.Select(IdOf));
        Assert.Single(Sandbox.Requests); // the first page held them; no second page was asked for
    }

    [Fact]
    public void Get_PartnerEntry_reports_each_missing_id_and_goes_on()
    {
        var missing = Guid.NewGuid();

        var result = Run("Get-PartnerEntry -Id $Missing, $e", ("Missing", missing));

        Assert.Null(result.Terminating);
        Assert.Equal(FirstEntry, IdOf(Assert.Single(result.Output)));
        var error = Assert.Single(result.Errors);
        Assert.Equal([("PartnerEntryNotFound", ErrorCategory.ObjectNotFound)], result.ErrorKinds());
        Assert.Equal(missing, error.TargetObject);
        // The message names the item first (the entry was never read, so by its id alone).
        Assert.StartsWith($"Partner entry {missing}: Partner entry not found. (GET " + Prefix, error.ErrorDetails.Message);
    }

    [Fact]
    public void Get_PartnerEntry_piped_to_Get_PartnerBadge_lists_each_entrys_badges()
    {
        var result = Run("Get-PartnerEntry | Get-PartnerBadge").ThrowIfErrors();

        var entryIds = result.Values("EntryId").Cast<Guid>().ToList();
        Assert.Equal(Sandbox.EntryIds.Sum(e => ServerBadges(e).Count), result.Output.Count);
        Assert.Equal(Sandbox.EntryIds, entryIds.Distinct());
        Assert.All(Sandbox.EntryIds, e => Assert.InRange(entryIds.Count(id => id == e), 2, 6));
        Assert.All(result.Output, badge => Assert.Equal(BadgeType, badge.TypeNames[0]));
    }

    [Fact]
    public void Get_PartnerBadge_with_an_id_gets_one_badge_and_reports_a_missing_one()
    {
        var existing = ServerBadges(FirstEntry)[0].BadgeId;
        var missing = Guid.NewGuid();

        var found = Run("Get-PartnerBadge -EntryId $e -Id $Badge", ("Badge", existing)).ThrowIfErrors();
        var notFound = Run("Get-PartnerBadge -EntryId $e $Badge", ("Badge", missing)); // -Id is positional

        Assert.Equal(existing, IdOf(Assert.Single(found.Output)));
        Assert.Empty(notFound.Output);
        Assert.Equal([("PartnerBadgeNotFound", ErrorCategory.ObjectNotFound)], notFound.ErrorKinds());
        Assert.Equal(missing, notFound.Errors[0].TargetObject);
    }

    [Fact]
    public void Set_PartnerBadge_from_the_pipeline_patches_each_badge_and_passes_it_thru()
    {
        var listed = BadgesOf(FirstEntry);
        var badges = listed.Select(IdOf).ToList();

        var result = Run("Get-PartnerBadge -EntryId $e | Set-PartnerBadge -Order 0 -PassThru -Verbose").ThrowIfErrors();

        Assert.Equal(badges, result.Output.Select(IdOf)); // output keeps input order
        Assert.All(result.Output, b => Assert.Equal(0, b.Property<int?>("Order")));
        var asked = result.ShouldProcessCalls();
        Assert.Equal(badges.Count, asked.Count);
        // The badge by the name it was listed with; the entry, never listed, by its id.
        Assert.Equal(($"badge '{listed[0].Property<string>("Name")}' ({badges[0]}) of partner entry {FirstEntry}", "Set order to 0"), asked[0]);
        var patches = Sandbox.Requests.Where(r => r.Method != "GET").ToList();
        Assert.All(patches, r => Assert.Equal(("PATCH", "{\"order\":0}"), (r.Method, r.Body)));
        // Sent concurrently (-ThrottleLimit 4 by default): every badge once, in any order.
        Assert.Equal(badges.Select(b => Prefix + $"entries/partners/{FirstEntry}/badges/{b}/").Order(), patches.Select(r => r.Path).Order());
        Assert.All(ServerBadges(FirstEntry), b => Assert.Equal(0, b.Order));
    }

    [Fact]
    public void Set_PartnerBadge_writes_nothing_without_PassThru()
    {
        var badge = ServerBadges(FirstEntry)[0].BadgeId;

        var result = Run("Set-PartnerBadge -EntryId $e -Id $Badge -Order 5", ("Badge", badge)).ThrowIfErrors();

        Assert.Empty(result.Output);
        Assert.Contains((badge, 5), ServerBadges(FirstEntry));
        Assert.Equal("PATCH", Assert.Single(Sandbox.Requests).Method);
    }

    [Fact]
    public void Set_PartnerBadge_WhatIf_sends_no_request()
    {
        var before = ServerBadges(FirstEntry);

        var result = Run("Get-PartnerBadge -EntryId $e | Set-PartnerBadge -Order 9 -WhatIf").ThrowIfErrors();

        Assert.Empty(result.Output);
        Assert.Equal("GET", Assert.Single(Sandbox.Requests).Method); // the listing only
        Assert.Equal(before, ServerBadges(FirstEntry));
    }

    [Fact]
    public void Set_PartnerBadge_with_nothing_to_change_ends_before_any_request()
    {
        var result = Run(StopOnTerminating("Set-PartnerBadge -EntryId $e -Id $Badge"), ("Badge", Guid.NewGuid()));

        Assert.Equal(("NothingToChange", ErrorCategory.InvalidArgument), (result.TerminatingErrorId, result.TerminatingError().CategoryInfo.Category));
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void Set_PartnerBadge_failures_are_per_item_with_the_servers_message()
    {
        var badges = ServerBadges(FirstEntry);
        var (kept, taken) = (badges[0].BadgeId, badges[1].BadgeId);

        // Two CSV-like rows bound by name: a badge the entry lacks, then one that would duplicate an attached badge.
        var result = Run("""
            [pscustomobject]@{ EntryId = $e; Id = $Missing }, [pscustomobject]@{ EntryId = $e; Id = $Kept } |
                Set-PartnerBadge -BadgeId $Taken -PassThru
            """, ("Missing", Guid.NewGuid()), ("Kept", kept), ("Taken", taken));

        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        Assert.Equal([("PartnerBadgeNotFound", ErrorCategory.ObjectNotFound), ("RequestRejected", ErrorCategory.InvalidArgument)], result.ErrorKinds());
        Assert.Equal(kept, result.Errors[1].TargetObject);
        // Each error names its item and input row; the refusal itself follows.
        Assert.StartsWith($"Input row 1, badge {result.Errors[0].TargetObject} of partner entry {FirstEntry}: ", result.Errors[0].ErrorDetails.Message);
        Assert.Equal($"Input row 2, badge {kept} of partner entry {FirstEntry}: id: This badge is already attached to this entry.",
            result.Errors[1].ErrorDetails.Message.Split(" (PATCH ")[0]);
        Assert.Equal(2, Sandbox.Requests.Count);
        Assert.Equal(badges, ServerBadges(FirstEntry));
    }

    [Fact]
    public void New_PartnerBadge_attaches_and_writes_the_badge()
    {
        var attached = ServerBadges(FirstEntry).Select(b => b.BadgeId).ToHashSet();
        var free = Sandbox.Server.State.PartnerPage.DirectoryBadgeIds.First(id => !attached.Contains(id));

        var result = Run("New-PartnerBadge -EntryId $e -BadgeId $Free -Order 1 -Verbose", ("Free", free)).ThrowIfErrors();

        var badge = Assert.Single(result.Output);
        Assert.Equal((free, FirstEntry, 1), (IdOf(badge), badge.Property<Guid>("EntryId"), badge.Property<int>("Order")));
        Assert.Equal(($"partner entry {FirstEntry}", $"Attach badge {free} at order 1"), Assert.Single(result.ShouldProcessCalls()));
        var request = Assert.Single(Sandbox.Requests);
        Assert.Equal(("POST", Prefix + $"entries/partners/{FirstEntry}/badges/", $"{{\"id\":\"{free}\",\"order\":1}}"), (request.Method, request.Path, request.Body));
        Assert.Contains((free, 1), ServerBadges(FirstEntry));
    }

    [Fact]
    public void New_PartnerBadge_WhatIf_sends_no_request()
    {
        var result = Run("New-PartnerBadge -EntryId $e -BadgeId (New-Guid) -WhatIf").ThrowIfErrors();

        Assert.Empty(result.Output);
        Assert.Empty(Sandbox.Requests);
    }

    [Fact]
    public void Remove_PartnerBadge_for_filtered_badges_deletes_only_those()
    {
        var entry = Sandbox.EntryIds.First(e => ServerBadges(e).Count >= 5);
        var badges = ServerBadges(entry);
        var doomed = badges.Where(b => b.Order > 2).Select(b => b.BadgeId).ToList();
        var names = BadgesOf(entry).ToDictionary(IdOf, b => b.Property<string>("Name"));
        var entryName = (string)Run("(Get-PartnerEntry -Id $Entry).Name", ("Entry", entry)).ThrowIfErrors().Output.Single().BaseObject; // now the connection knows it

        var result = Run("Get-PartnerBadge -EntryId $Entry | Where-Object Order -gt 2 | Remove-PartnerBadge -Confirm:$false -Verbose", ("Entry", entry)).ThrowIfErrors();

        Assert.Empty(result.Output);
        Assert.Equal(badges.Where(b => b.Order <= 2).Select(b => b.BadgeId), ServerBadges(entry).Select(b => b.BadgeId));
        Assert.Equal(doomed.Count, Sandbox.Requests.Count(r => r.Method == "DELETE"));
        Assert.Equal(doomed.Select(id => ($"badge '{names[id]}' ({id}) of partner entry '{entryName}' ({entry})", "Remove badge from entry")), result.ShouldProcessCalls());
    }

    [Fact]
    public void Remove_PartnerBadge_PassThru_writes_the_removed_badge_as_it_was()
    {
        var (badge, order) = ServerBadges(FirstEntry)[0];
        var before = Assert.Single(Run("Get-PartnerBadge -EntryId $e -Id $Badge", ("Badge", badge)).ThrowIfErrors().Output);

        var result = Run("Remove-PartnerBadge -EntryId $e -Id $Badge -PassThru -Confirm:$false", ("Badge", badge)).ThrowIfErrors();

        var removed = Assert.Single(result.Output);
        Assert.Equal((FirstEntry, badge), (removed.Property<Guid>("EntryId"), IdOf(removed)));
        Assert.Equal(order, removed.Property<int>("Order"));
        Assert.Equal(before.Property<string>("Name"), removed.Property<string>("Name"));
        Assert.False(string.IsNullOrEmpty(removed.Property<string>("Image")));
        Assert.DoesNotContain(ServerBadges(FirstEntry), b => b.BadgeId == badge);
    }

    [Fact]
    public void Remove_PartnerBadge_of_a_missing_badge_is_a_non_terminating_PartnerBadgeNotFound()
    {
        var missing = Guid.NewGuid();
        var present = ServerBadges(FirstEntry)[0].BadgeId;

        // The missing badge first: the one after it is still removed.
        var result = Run("$Missing, $Present | ForEach-Object { [pscustomobject]@{ EntryId = $e; Id = $_ } } | Remove-PartnerBadge -Confirm:$false",
            ("Missing", missing), ("Present", present));

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.Equal([("PartnerBadgeNotFound", ErrorCategory.ObjectNotFound)], result.ErrorKinds());
        Assert.Equal(missing, error.TargetObject);
        Assert.Contains("Badge not found on this partner entry.", error.ErrorDetails.Message);
        Assert.DoesNotContain(ServerBadges(FirstEntry), b => b.BadgeId == present);
    }

    [Theory]
    [InlineData(400, "RequestRejected", ErrorCategory.InvalidArgument)]
    [InlineData(401, "ApiKeyRejected", ErrorCategory.SecurityError)]
    [InlineData(403, "AccessDenied", ErrorCategory.PermissionDenied)]
    [InlineData(404, "PartnerEntryNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData(409, "Conflict", ErrorCategory.ResourceExists)]
    [InlineData(500, "ServiceError", ErrorCategory.ResourceUnavailable)]
    [InlineData(501, "ServiceError", ErrorCategory.ResourceUnavailable)]
    public async Task Api_failures_map_to_error_ids_and_categories(int status, string errorId, ErrorCategory category)
    {
        Run("Connect-PartnerPage -ApiKey $ApiKey -BaseUri $SandboxUri -MaxRetries 0").ThrowIfErrors();
        await Sandbox.AddFaultAsync(new { path = Prefix + "entries/partners/*", status, body = "{\"detail\":\"scripted " + status + "\"}" });

        var result = Run("Get-PartnerEntry -Id $e");

        Assert.Null(result.Terminating);
        var error = Assert.Single(result.Errors);
        Assert.Equal([(errorId, category)], result.ErrorKinds());
        Assert.StartsWith($"Partner entry {FirstEntry}: scripted {status} (GET ", error.ErrorDetails.Message);
        Assert.Single(Sandbox.Requests); // -MaxRetries 0
    }

    [Fact]
    public async Task A_retry_is_a_warning_on_the_pipeline_thread_and_the_call_then_succeeds()
    {
        await Sandbox.AddFaultAsync(new { path = Prefix + "entries/partners/*", status = 503, retryAfter = "0" });

        // Written from a thread other than the pipeline's, the warning would be an error instead.
        var result = Run("Get-PartnerEntry -Id $e").ThrowIfErrors();

        Assert.Equal(FirstEntry, IdOf(Assert.Single(result.Output)));
        var warning = Assert.Single(result.Warnings);
        Assert.Matches(@"^GET /api/\S+ answered 503 Service Unavailable; retrying in 0\.[45] s \(retry 1 of 4\)\.$", warning);
        Assert.Equal([503, 200], Sandbox.Requests.Select(r => r.Status));
    }

    [Fact]
    public void Debug_shows_bodies_with_the_key_masked()
    {
        var badge = ServerBadges(FirstEntry)[0].BadgeId;

        var result = Run("Set-PartnerBadge -EntryId $e -Id $Badge -Order 2 -Debug", ("Badge", badge)).ThrowIfErrors();

        Assert.Contains(result.Debug, d => d.Contains("{\"order\":2}") && d.Contains("Authorization: ***"));
        Assert.Contains(result.Debug, d => d.StartsWith("HTTP response: 200"));
        var everything = result.Debug.Concat(result.Verbose).Concat(result.Warnings).Concat(result.Output.Select(o => o.ToString()));
        Assert.DoesNotContain(everything, text => text.Contains(ValidKey));
    }

    [Fact]
    public async Task Stopping_the_pipeline_cancels_a_stalled_request_within_a_second()
    {
        await Sandbox.AddFaultAsync(new { path = Prefix + "entries/partners/*", stall = true });
        var (shell, pending) = Session.Begin($"Get-PartnerEntry -Id '{FirstEntry}'");
        using (shell)
        {
            var waited = Stopwatch.StartNew();
            while (Sandbox.Requests.Count == 0 && waited.Elapsed < TimeSpan.FromSeconds(10)) await Task.Delay(10);
            Assert.Single(Sandbox.Requests);
            await Task.Delay(200);

            // Ctrl+C: Stop returns once the pipeline has stopped.
            var stopping = Stopwatch.StartNew();
            var stop = Task.Run(shell.Stop);
            Assert.Same(stop, await Task.WhenAny(stop, Task.Delay(TimeSpan.FromSeconds(10))));
            var stoppedAfter = stopping.Elapsed;

            Assert.True(stoppedAfter < TimeSpan.FromSeconds(1), $"stopped {stoppedAfter} after Ctrl+C");
            Assert.Throws<PipelineStoppedException>(() => shell.EndInvoke(pending));
            Assert.Equal(PSInvocationState.Stopped, shell.InvocationStateInfo.State);
            Assert.Empty(shell.Streams.Error);
        }
    }
}
