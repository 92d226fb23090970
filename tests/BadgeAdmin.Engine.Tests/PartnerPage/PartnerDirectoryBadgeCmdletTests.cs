using BadgeAdmin.Engine.Tests.Support;
using BadgeAdmin.Sandbox.PartnerPage;
using static BadgeAdmin.Engine.Tests.Support.SessionScripts;

namespace BadgeAdmin.Engine.Tests.PartnerPage;

/// <summary>
/// Directories and directory badges typed as a user types them, in a real engine, against the sandbox: the directory
/// each call works in, the pipelines into New-PartnerBadge, the create → attach → reorder → detach → delete round trip,
/// bad input refused before any request, -WhatIf, and Tab.
/// </summary>
public sealed class PartnerDirectoryBadgeCmdletTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private const string Prefix = "/api/directory/private/v1alpha/";
    private const string DirectoryBadgeType = "BadgeAdmin.Core.PartnerPage.Models.PartnerDirectoryBadge";
    private static readonly Guid Directory = PartnerPageData.PartnerDirectoryId;
    private static readonly Guid AppDirectory = PartnerPageData.AppDirectoryId;

    // Session is connected without a default directory.
    private Guid FirstEntry => Sandbox.EntryIds[0];

    private PartnerPageData Server => Sandbox.Server.State.PartnerPage;

    private static string Badges(Guid directory) => $"{Prefix}badges/directory/{directory}/";

    /// <summary>Runs a script with $e (the first entry), $d (the seeded directory) and $SandboxUri/$ApiKey set; the request log starts empty.</summary>
    private EngineResult Run(string script, params (string Name, object? Value)[] variables)
    {
        Sandbox.Server.State.Requests.Clear();
        return Session.Run(script, [("e", FirstEntry), ("d", Directory), ("SandboxUri", Sandbox.BaseAddress),
            ("ApiKey", Secure(Sandbox.Server.State.Options.PartnerPageKey)), .. variables]);
    }

    /// <summary>Reconnects with the seeded directory as the connection's default.</summary>
    private void ConnectWithDirectory() => Run("Connect-PartnerPage -ApiKey $ApiKey -BaseUri $SandboxUri -DirectoryId $d").ThrowIfErrors();

    private static Guid IdOf(PSObject item) => item.Property<Guid>("Id");

    /// <summary>A seeded directory badge the first entry does not show yet, found by name.</summary>
    private (Guid Id, string Name) FreeBadge()
    {
        var attached = Server.BadgesOf(FirstEntry).Select(b => b.BadgeId).ToHashSet();
        var free = Server.DirectoryBadges.First(b => b.DirectoryId == Directory && !attached.Contains(b.Id));
        return (free.Id, free.Name);
    }

    [Fact]
    public void Get_PartnerDirectory_lists_every_directory_and_reports_a_missing_id_per_item()
    {
        var missing = Guid.NewGuid();

        var listed = Run("Get-PartnerDirectory").ThrowIfErrors();
        var named = Run("Get-PartnerDirectory -Id $Missing, $d", ("Missing", missing));

        Assert.Equal(new[] { Directory, AppDirectory }, listed.Output.Select(IdOf));
        Assert.Equal("BadgeAdmin.Core.PartnerPage.Models.PartnerDirectory", listed.Output[0].TypeNames[0]);
        Assert.Equal("Sandbox Partner Directory", listed.Output[0].Property<string>("Name"));
        Assert.Equal(Directory, IdOf(Assert.Single(named.Output)));
        Assert.Equal([("PartnerDirectoryNotFound", ErrorCategory.ObjectNotFound)], named.ErrorKinds());
        Assert.Equal(missing, named.Errors[0].TargetObject);
        Assert.Equal(new[] { $"{Prefix}directories/{missing}/", $"{Prefix}directories/{Directory}/" }, Sandbox.Requests.Select(r => r.Path));
    }

    [Fact]
    public void Without_a_directory_each_change_is_a_DirectoryIdMissing_error_and_nothing_is_sent()
    {
        var result = Run("""
            New-PartnerDirectoryBadge -Name n -Image https://images.example/n.png -Confirm:$false
            (New-Guid), (New-Guid) | Remove-PartnerDirectoryBadge -Confirm:$false
            """);

        Assert.Null(result.Terminating);
        Assert.Empty(result.Output);
        Assert.Equal(3, result.Errors.Count);
        Assert.All(result.ErrorKinds(), kind => Assert.Equal(("DirectoryIdMissing", ErrorCategory.InvalidArgument), kind));
        Assert.Contains("-DirectoryId", result.Errors[0].Exception.Message);
        Assert.StartsWith("Badge 'n': no directory given", result.Errors[0].Exception.Message);
        Assert.StartsWith("Input row 2, badge ", result.Errors[2].Exception.Message);
        Assert.Empty(Sandbox.Requests.ApiCalls());
    }

    [Fact]
    public void The_connections_directory_is_the_default_and_a_calls_DirectoryId_overrides_it()
    {
        ConnectWithDirectory();

        var byDefault = Run("Get-PartnerDirectoryBadge").ThrowIfErrors();
        var defaultPaths = Sandbox.Requests.Select(r => r.Path).Distinct().ToList();
        var overridden = Run("Get-PartnerDirectoryBadge -DirectoryId $App", ("App", AppDirectory)).ThrowIfErrors();

        Assert.Equal(Server.DirectoryBadgeIds, byDefault.Output.Select(IdOf));
        Assert.Equal(14, byDefault.Output.Count);
        Assert.All(byDefault.Output, b => Assert.Equal((DirectoryBadgeType, Directory), (b.TypeNames[0], b.Property<Guid>("DirectoryId"))));
        Assert.Equal(new[] { Badges(Directory) }, defaultPaths); // 14 badges, 5 a page: three pages of one listing
        Assert.Empty(overridden.Output);
        Assert.Equal(Badges(AppDirectory), Assert.Single(Sandbox.Requests).Path);
    }

    [Fact]
    public void Directories_piped_to_Get_PartnerDirectoryBadge_list_each_directorys_badges_not_a_badge_by_the_directorys_id()
    {
        var result = Run("Get-PartnerDirectory | Get-PartnerDirectoryBadge").ThrowIfErrors();

        Assert.Equal(Server.DirectoryBadgeIds, result.Output.Select(IdOf));
        Assert.Contains(Sandbox.Requests, r => r.Path == Badges(AppDirectory));
        Assert.DoesNotContain(Sandbox.Requests, r => r.Path.Contains(Directory + "/" + Directory, StringComparison.Ordinal));
    }

    [Fact]
    public void Get_PartnerDirectoryBadge_by_name_pattern_and_by_id_with_a_missing_one_reported()
    {
        ConnectWithDirectory();
        var gold = Server.DirectoryBadges.Single(b => b.Name == "Gold Partner").Id;
        var missing = Guid.NewGuid();

        var byName = Run("Get-PartnerDirectoryBadge -Name 'gold*'").ThrowIfErrors();
        var byId = Run("$Missing, $Gold | Get-PartnerDirectoryBadge", ("Missing", missing), ("Gold", gold));

        Assert.Equal(gold, IdOf(Assert.Single(byName.Output)));
        Assert.Equal(gold, IdOf(Assert.Single(byId.Output)));
        Assert.Equal([("PartnerDirectoryBadgeNotFound", ErrorCategory.ObjectNotFound)], byId.ErrorKinds());
        Assert.Equal(missing, byId.Errors[0].TargetObject);
        Assert.Contains("Badge not found in this directory.", byId.Errors[0].ErrorDetails.Message);
    }

    [Fact]
    public void Get_PartnerDirectoryBadge_pages_with_First_and_Skip_and_stops_asking_when_it_has_enough()
    {
        var result = Run("Get-PartnerDirectoryBadge -DirectoryId $d -Skip 1 -First 2").ThrowIfErrors();

        Assert.Equal(Server.DirectoryBadgeIds.Skip(1).Take(2), result.Output.Select(IdOf));
        Assert.Single(Sandbox.Requests); // the first page of 5 held them
    }

    [Fact]
    public void Directory_badges_piped_to_New_PartnerBadge_attach_them_to_the_entry_given()
    {
        ConnectWithDirectory();
        var (free, name) = FreeBadge();

        var result = Run("Get-PartnerDirectoryBadge -Name $Name | New-PartnerBadge -EntryId $e -Confirm:$false", ("Name", name)).ThrowIfErrors();

        // The directory badge's Id bound -BadgeId (alias Id) by property name; it has no Order, so none was sent.
        var post = Assert.Single(Sandbox.Requests.To("POST", $"{Prefix}entries/partners/{FirstEntry}/badges/"));
        Assert.Equal($"{{\"id\":\"{free}\"}}", post.Body);
        var attached = Assert.Single(result.Output);
        Assert.Equal((free, FirstEntry, name), (IdOf(attached), attached.Property<Guid>("EntryId"), attached.Property<string>("Name")));
        Assert.Contains(Server.BadgesOf(FirstEntry), b => b.BadgeId == free);
    }

    [Fact]
    public void Create_attach_reorder_detach_and_delete_a_directory_badge()
    {
        ConnectWithDirectory();

        var result = Run("""
            $badge = New-PartnerDirectoryBadge -Name 'Early Adopter' -Image https://images.example.com/early.png
            $badge
            $badge | New-PartnerBadge -EntryId $e -Order 0 -Confirm:$false | Out-Null
            Get-PartnerBadge -EntryId $e -Id $badge.Id | Set-PartnerBadge -Order 3 -PassThru
            $badge | Set-PartnerDirectoryBadge -Name 'Early Adopter 2026' -PassThru
            Get-PartnerBadge -EntryId $e -Id $badge.Id | Remove-PartnerBadge -Confirm:$false
            $badge | Remove-PartnerDirectoryBadge -Confirm:$false
            @(Get-PartnerDirectoryBadge -Name 'Early*').Count
            """).ThrowIfErrors();

        var created = result.Output[0];
        var id = IdOf(created);
        Assert.Equal((DirectoryBadgeType, Directory, "Early Adopter", "https://images.example.com/early.png"),
            (created.TypeNames[0], created.Property<Guid>("DirectoryId"), created.Property<string>("Name"), created.Property<string>("Image")));
        Assert.Equal((id, 3), (IdOf(result.Output[1]), result.Output[1].Property<int>("Order")));
        Assert.Equal("Early Adopter 2026", result.Output[2].Property<string>("Name"));
        Assert.Equal(0, (int)result.Output[3].BaseObject);

        var changes = Sandbox.Requests.Where(r => r.Method != "GET").Select(r => (r.Method, r.Path, r.Body)).ToList();
        Assert.Equal(new[]
        {
            ("POST", Badges(Directory), "{\"name\":\"Early Adopter\",\"image\":\"https://images.example.com/early.png\"}"),
            ("POST", $"{Prefix}entries/partners/{FirstEntry}/badges/", $"{{\"id\":\"{id}\",\"order\":0}}"),
            ("PATCH", $"{Prefix}entries/partners/{FirstEntry}/badges/{id}/", "{\"order\":3}"),
            ("PATCH", $"{Badges(Directory)}{id}/", "{\"name\":\"Early Adopter 2026\"}"),
            ("DELETE", $"{Prefix}entries/partners/{FirstEntry}/badges/{id}/", string.Empty),
            ("DELETE", $"{Badges(Directory)}{id}/", string.Empty),
        }, changes.Select(c => (c.Method, c.Path, c.Body ?? string.Empty)));
        Assert.DoesNotContain(Server.DirectoryBadges, b => b.Id == id);
    }

    [Fact]
    public void Deleting_a_directory_badge_that_entries_show_detaches_it_from_them()
    {
        var shared = Server.BadgesOf(FirstEntry)[0].BadgeId;
        var showing = Sandbox.EntryIds.Where(e => Server.BadgesOf(e).Any(b => b.BadgeId == shared)).ToList();
        Assert.True(showing.Count > 1, "the seed should attach the badge to several entries");

        var result = Run("Remove-PartnerDirectoryBadge -Id $Shared -DirectoryId $d -PassThru -Confirm:$false", ("Shared", shared)).ThrowIfErrors();

        Assert.Equal(shared, IdOf(Assert.Single(result.Output)));
        Assert.All(showing, e => Assert.DoesNotContain(Server.BadgesOf(e), b => b.BadgeId == shared));
        var listed = Run("Get-PartnerBadge -EntryId $e").ThrowIfErrors();
        Assert.DoesNotContain(listed.Output, b => IdOf(b) == shared);
    }

    [Fact]
    public void WhatIf_on_create_change_and_delete_sends_nothing_and_says_what_would_happen()
    {
        ConnectWithDirectory();
        var gold = Server.DirectoryBadges.Single(b => b.Name == "Gold Partner").Id;
        var before = Server.DirectoryBadges;

        var result = Run("""
            New-PartnerDirectoryBadge -Name 'Trial' -Image https://images.example/t.png -WhatIf
            Set-PartnerDirectoryBadge -Id $Gold -Name 'Platinum' -WhatIf
            Remove-PartnerDirectoryBadge -Id $Gold -WhatIf
            """, ("Gold", gold)).ThrowIfErrors();

        Assert.Empty(result.Output);
        Assert.Empty(Sandbox.Requests.ApiCalls());
        Assert.Equal(before, Server.DirectoryBadges);
    }

    [Fact]
    public void ShouldProcess_names_the_directory_and_the_change()
    {
        ConnectWithDirectory();
        var gold = Server.DirectoryBadges.Single(b => b.Name == "Gold Partner").Id;

        // Not read yet: ids alone. Once listed, by name with the id beside it.
        var unread = Run("Set-PartnerDirectoryBadge -Id $Gold -Image https://images.example/g0.png -Verbose", ("Gold", gold)).ThrowIfErrors();
        Run("Get-PartnerDirectory | Out-Null; Get-PartnerDirectoryBadge | Out-Null").ThrowIfErrors();
        var result = Run("""
            Set-PartnerDirectoryBadge -Id $Gold -Name 'Gold' -Image https://images.example/g.png -Verbose
            New-PartnerDirectoryBadge -Name 'Trial' -Image https://images.example/t.png -Verbose | Out-Null
            """, ("Gold", gold)).ThrowIfErrors();

        Assert.Equal(($"badge {gold} of directory {Directory}", "Set image to https://images.example/g0.png"), Assert.Single(unread.ShouldProcessCalls()));
        Assert.Equal(new[]
        {
            ($"badge 'Gold Partner' ({gold}) of directory 'Sandbox Partner Directory' ({Directory})", "Set name to 'Gold' and image to https://images.example/g.png"),
            ($"directory 'Sandbox Partner Directory' ({Directory})", "Create badge 'Trial'"),
        }, result.ShouldProcessCalls());
    }

    [Fact]
    public void With_no_directory_given_or_set_the_badges_of_every_directory_are_listed_each_with_its_directory()
    {
        var appBadge = IdOf(Run("New-PartnerDirectoryBadge -DirectoryId $App -Name 'App Star' -Image https://images.example/a.png -Confirm:$false",
            ("App", AppDirectory)).ThrowIfErrors().Output.Single());

        var result = Run("Get-PartnerDirectoryBadge -IncludeTotalCount").ThrowIfErrors();
        var table = Run("Get-PartnerDirectoryBadge | Format-Table | Out-String -Width 120").ThrowIfErrors().Output.Single().ToString();
        var byId = Run("Get-PartnerDirectoryBadge -Id $AppBadge, $Missing", ("AppBadge", appBadge), ("Missing", Guid.NewGuid()));

        var badges = result.Output.Where(o => o.TypeNames[0] == DirectoryBadgeType).ToList();
        Assert.Equal(Server.DirectoryBadges.Select(b => (b.Id, b.DirectoryId)).OrderBy(b => b.DirectoryId == AppDirectory), badges.Select(b => (IdOf(b), b.Property<Guid>("DirectoryId"))));
        Assert.Equal((ulong)Server.DirectoryBadges.Count, Assert.Single(result.Output, o => o.BaseObject is ulong).BaseObject); // -IncludeTotalCount: the sum
        Assert.All(badges, b => Assert.Equal(b.Property<Guid>("DirectoryId") == AppDirectory ? "Sandbox App Directory" : "Sandbox Partner Directory", b.Property<string>("DirectoryName")));
        Assert.Contains($"Directory: Sandbox Partner Directory ({Directory})", table);
        Assert.Contains($"Directory: Sandbox App Directory ({AppDirectory})", table);
        // One listing of directories, then one of each directory's badges (one page each).
        Assert.Equal(new[] { $"{Prefix}directories/", Badges(Directory), Badges(AppDirectory) }, Sandbox.Requests.ApiCalls().Select(r => r.Path).Distinct().Take(3));

        Assert.Equal(appBadge, IdOf(Assert.Single(byId.Output)));
        Assert.Equal([("PartnerDirectoryBadgeNotFound", ErrorCategory.ObjectNotFound)], byId.ErrorKinds());
    }

    [Theory]
    [InlineData("New-PartnerDirectoryBadge -Name n -Image ftp://images.example/n.png -DirectoryId $d -Confirm:$false", "ParameterArgumentValidationError")]
    [InlineData("New-PartnerDirectoryBadge -Name '' -Image https://images.example/n.png -DirectoryId $d -Confirm:$false", "ParameterArgumentValidationError")]
    [InlineData("Set-PartnerDirectoryBadge -Id $d -Image 'not a url' -DirectoryId $d -Confirm:$false", "ParameterArgumentValidationError")]
    [InlineData("Remove-PartnerDirectoryBadge -Id 'not-a-guid' -DirectoryId $d -Confirm:$false", "ParameterArgumentTransformationError")]
    [InlineData("Get-PartnerDirectoryBadge -DirectoryId 'not-a-guid'", "ParameterArgumentTransformationError")]
    [InlineData("Set-PartnerDirectoryBadge -Id $d -DirectoryId $d -Confirm:$false", "NothingToChange")]
    public void Bad_input_is_refused_naming_the_parameter_before_any_request(string script, string errorId)
    {
        var result = Run(StopOnTerminating(script));

        var ids = result.AllErrorIds();
        Assert.True(ids.Contains(errorId) || (errorId == "ParameterArgumentTransformationError" && ids.Contains("CannotConvertArgumentNoMessage")), string.Join(", ", ids));
        Assert.Empty(Sandbox.Requests.ApiCalls());
    }

    [Fact]
    public void The_servers_refusals_are_per_item_errors_that_name_the_field()
    {
        ConnectWithDirectory();
        var missing = Guid.NewGuid();

        // A name the directory already has, then a good one; then a badge that does not exist, then one that does.
        var result = Run("""
            [pscustomobject]@{ Name = 'Gold Partner'; Image = 'https://images.example/g.png' },
            [pscustomobject]@{ Name = 'Fresh'; ImageUrl = 'https://images.example/f.png' } | New-PartnerDirectoryBadge -Confirm:$false
            $Missing, (Get-PartnerDirectoryBadge -Name Fresh).Id | Set-PartnerDirectoryBadge -Name 'Fresher' -PassThru
            """, ("Missing", missing));

        Assert.Null(result.Terminating);
        Assert.Equal(new[] { "Fresh", "Fresher" }, result.Output.Select(o => o.Property<string>("Name")));
        Assert.Equal([("RequestRejected", ErrorCategory.InvalidArgument), ("PartnerDirectoryBadgeNotFound", ErrorCategory.ObjectNotFound)], result.ErrorKinds());
        Assert.StartsWith($"Input row 1, badge 'Gold Partner' in directory ", result.Errors[0].ErrorDetails.Message);
        Assert.Contains(": name: A badge with this name already exists in this directory. (POST ", result.Errors[0].ErrorDetails.Message);
        Assert.Equal("Gold Partner", result.Errors[0].TargetObject);
        Assert.Equal(missing, result.Errors[1].TargetObject);
    }

    [Fact]
    public void New_PartnerBadge_BadgeId_completes_directory_badges_by_name()
    {
        ConnectWithDirectory();
        var gold = Server.DirectoryBadges.Single(b => b.Name == "Gold Partner").Id;
        const string line = "New-PartnerBadge -EntryId $e -BadgeId gold";

        var result = Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches", ("Line", line)).ThrowIfErrors();

        var only = (CompletionResult)Assert.Single(result.Output).BaseObject;
        Assert.Equal((gold.ToString(), $"{gold} Gold Partner"), (only.CompletionText, only.ListItemText));
        // Primed by listing the connection's directory (its pages, within the completion's time budget), nothing else.
        Assert.NotEmpty(Sandbox.Requests.ApiCalls());
        Assert.All(Sandbox.Requests.ApiCalls(), r => Assert.Equal(Badges(Directory), r.Path));
    }

    [Fact]
    public void Directory_ids_complete_from_the_listing_of_directories()
    {
        const string line = "Get-PartnerDirectoryBadge -DirectoryId *app"; // names match from their start, or as a wildcard

        var result = Run("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText", ("Line", line)).ThrowIfErrors();

        Assert.Equal(AppDirectory.ToString(), Assert.Single(result.Output).BaseObject);
    }
}
