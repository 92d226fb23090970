using System.Text.RegularExpressions;
using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Module;

/// <summary>
/// The module as PowerShell itself presents it once imported: exported commands, verbs, ShouldProcess, output types
/// and the views they are shown with, parameter types and validation, paging, tab completion, version and manifest.
/// Every answer comes from the engine (Get-Command, Get-Verb, Get-FormatData, Format-Table, TabExpansion2, ...).
/// </summary>
public sealed class ModuleSurfaceTests(SandboxEngineFixture sandbox) : SandboxEngineTest(sandbox)
{
    private static readonly string[] ChangingVerbs = { "New", "Set", "Remove", "Grant", "Revoke", "Sync" };

    private IReadOnlyList<CmdletInfo> Cmdlets() => Session.Run("Get-Command -Module BadgeAdmin").ThrowIfErrors().Objects<CmdletInfo>();

    private IReadOnlyList<string> Strings(string script, params (string, object?)[] variables) =>
        Session.Run(script, variables).ThrowIfErrors().Output.Select(o => o.ToString()).ToList();

    /// <summary>The attributes of type T the engine holds for one parameter of one cmdlet.</summary>
    private IReadOnlyList<T> Attributes<T>(string cmdlet, string parameter) =>
        Session.Run("(Get-Command $C).Parameters[$P].Attributes", ("C", cmdlet), ("P", parameter)).ThrowIfErrors().Objects<T>();

    private Type ParameterType(string cmdlet, string parameter) =>
        (Type)Session.Run("(Get-Command $C).Parameters[$P].ParameterType", ("C", cmdlet), ("P", parameter)).ThrowIfErrors().Output.Single().BaseObject;

    [Fact]
    public void The_module_exports_exactly_the_cmdlets_its_manifest_lists_and_nothing_else()
    {
        var listed = Strings("(Import-PowerShellDataFile $Manifest).CmdletsToExport", ("Manifest", EngineSession.ModuleManifest));

        var commands = Session.Run("Get-Command -Module BadgeAdmin").ThrowIfErrors().Output.Select(o => (CommandInfo)o.BaseObject).ToList();
        var others = Strings("$m = Get-Module BadgeAdmin; @($m.ExportedFunctions.Keys) + @($m.ExportedAliases.Keys) + @($m.ExportedVariables.Keys)");

        Assert.Equal(28, listed.Count);
        Assert.Equal(listed.Order(StringComparer.Ordinal), commands.Select(c => c.Name).Order(StringComparer.Ordinal));
        Assert.All(commands, c => Assert.Equal(CommandTypes.Cmdlet, c.CommandType));
        Assert.Empty(others);
    }

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb_and_a_singular_noun_of_the_module()
    {
        var approved = Strings("(Get-Verb).Verb").ToHashSet(StringComparer.Ordinal);
        Assert.Contains("Revoke", approved); // the engine's list was really read

        Assert.All(Cmdlets(), c =>
        {
            Assert.Contains(c.Verb, approved);
            Assert.Matches("^(Partner|Loyalty|BadgeAdmin)|^(PartnerPage|Snag|BadgeConfiguration)$", c.Noun);
            Assert.False(c.Noun.EndsWith('s') && !c.Noun.EndsWith("ss", StringComparison.Ordinal), $"{c.Name}: plural noun");
        });
    }

    [Fact]
    public void Every_change_supports_ShouldProcess_and_removals_confirm_by_default()
    {
        var cmdlets = Cmdlets();
        var changing = cmdlets.Where(c => ChangingVerbs.Contains(c.Verb)).ToList();
        // Every changing cmdlet the manifest exports (New, Set, Remove of three kinds of badge, Grant, Revoke, the two Sync).
        var exported = EngineSession.ExportedCmdlets.Where(name => ChangingVerbs.Contains(name.Split('-')[0])).ToList();
        Assert.Equal(exported.Order(StringComparer.Ordinal), changing.Select(c => c.Name).Order(StringComparer.Ordinal));

        foreach (var cmdlet in cmdlets)
        {
            // -WhatIf and -Confirm are added by the engine exactly when the cmdlet declares SupportsShouldProcess.
            var parameters = Strings("(Get-Command $C).Parameters.Keys", ("C", cmdlet.Name));
            var declared = cmdlet.ImplementingType.GetCustomAttributes(typeof(CmdletAttribute), false).Cast<CmdletAttribute>().Single();
            var changes = ChangingVerbs.Contains(cmdlet.Verb);
            Assert.True(changes == parameters.Contains("WhatIf") && changes == parameters.Contains("Confirm"), $"{cmdlet.Name}: ShouldProcess is {!changes}");
            if (cmdlet.Verb is "Remove" or "Revoke") Assert.Equal(ConfirmImpact.High, declared.ConfirmImpact);
        }
    }

    [Fact]
    public void Every_cmdlet_that_writes_objects_declares_public_output_types_that_have_a_view()
    {
        foreach (var cmdlet in Cmdlets().Where(c => c.Verb is not ("Disconnect" or "Export")))
        {
            var types = cmdlet.OutputType.Select(t => t.Type).ToList();
            Assert.True(types.Count > 0, $"{cmdlet.Name} declares no [OutputType]");
            foreach (var type in types)
            {
                Assert.True(type is { IsPublic: true }, $"{cmdlet.Name}: {type} is not public");
                var chain = new List<string>();
                for (var t = type; t is not null; t = t.BaseType) chain.Add(t!.FullName!);
                var views = Session.Run("$Names | ForEach-Object { Get-FormatData -TypeName $_ }", ("Names", chain.ToArray())).ThrowIfErrors().Output;
                Assert.True(views.Count > 0, $"{cmdlet.Name}: no view for {type} or a base type");
            }
        }
    }

    [Theory]
    [InlineData("Get-PartnerEntry -First 1", 80, new[] { "Name", "Id" })]
    [InlineData("Get-PartnerEntry -First 1", 120, new[] { "Name", "Id", "Href" })]
    [InlineData("Get-PartnerEntry -First 1 | Get-PartnerBadge", 80, new[] { "Order", "Name", "Id" })]
    [InlineData("Get-PartnerEntry -First 1 | Get-PartnerBadge", 120, new[] { "Order", "Name", "Id", "Image" })]
    [InlineData("Get-PartnerDirectory -First 1", 80, new[] { "Name", "Id" })]
    [InlineData("Get-PartnerDirectory -First 1", 120, new[] { "Name", "Id", "Href" })]
    [InlineData("Get-PartnerDirectory -First 1 | Get-PartnerDirectoryBadge -First 1", 80, new[] { "Name", "Id" })]
    [InlineData("Get-PartnerDirectory -First 1 | Get-PartnerDirectoryBadge -First 1", 120, new[] { "Name", "Id", "Image" })]
    [InlineData("Get-LoyaltyBadge -First 1", 80, new[] { "Name", "Id", "Holders", "DataJobStatus" })]
    [InlineData("Get-LoyaltyBadge -First 1", 120, new[] { "Name", "Id", "Holders", "DataJobStatus", "Hidden", "Conditions", "Rewards" })]
    [InlineData("(New-LoyaltyBadge -Name Summit -ImageUrl https://cdn.example.com/s.png -CsvFile https://files.example.com/a.csv, https://files.example.com/b.csv).DataJobs",
        80, new[] { "Status", "Message", "CreatedAt" })]
    [InlineData("(New-LoyaltyBadge -Name Summit -ImageUrl https://cdn.example.com/s.png -CsvFile https://files.example.com/a.csv, https://files.example.com/b.csv).DataJobs",
        120, new[] { "Status", "Message", "CreatedAt", "Id" })]
    [InlineData("Get-LoyaltyBadge -First 1 | Get-LoyaltyBadgeUser -First 2", 80, new[] { "User", "Status", "CompletedAt" })]
    [InlineData("Get-LoyaltyBadge -First 1 | Get-LoyaltyBadgeUser -First 2", 120, new[] { "User", "Status", "CompletedAt", "UserId" })]
    [InlineData("Get-LoyaltyWebsite", 80, new[] { "Name", "Id" })]
    [InlineData("Get-LoyaltyWebsite", 120, new[] { "Name", "Id", "TermsSignedAt" })]
    [InlineData("(Get-LoyaltyBadge -First 1).Conditions", 80, new[] { "Type", "Amount", "Repeat", "Required", "Refers to", "Description" })]
    [InlineData("(Get-LoyaltyBadge -First 1).Rewards", 80, new[] { "RewardType", "Amount", "Multiplier", "Retroactive", "LoyaltyCurrencyId" })]
    [InlineData("Get-BadgeAdminConnection", 80, new[] { "Service", "BaseUri", "Directory/Organization" })]
    [InlineData("Get-BadgeAdminConnection", 120, new[] { "Service", "BaseUri", "Directory/Organization", "Website" })]
    [InlineData("Get-BadgeAdminConnection", 160, new[] { "Service", "BaseUri", "Directory/Organization", "Website", "Retries", "Timeout", "ApiKeySource" })]
    [InlineData("Grant-LoyaltyBadge -BadgeId (Get-LoyaltyBadge -First 1).Id -WalletAddress 0x00000000000000000000000000000000000000b1 -Confirm:$false",
        80, new[] { "Action", "Status", "User", "Message" })]
    [InlineData("Grant-LoyaltyBadge -BadgeId (Get-LoyaltyBadge -First 1).Id -WalletAddress 0x00000000000000000000000000000000000000b1 -Confirm:$false",
        120, new[] { "Action", "Status", "User", "Message", "UserId" })]
    [InlineData("'0x00000000000000000000000000000000000000b3' | Sync-LoyaltyBadgeHolder -BadgeId (Get-LoyaltyBadge -First 1)",
        80, new[] { "Granted", "Revoked", "AlreadyHeld", "Failed", "Unlisted", "InvalidInput", "Duplicates" })]
    [InlineData("'0x00000000000000000000000000000000000000b3' | Sync-LoyaltyBadgeHolder -BadgeId (Get-LoyaltyBadge -First 1)",
        120, new[] { "Granted", "Revoked", "AlreadyHeld", "Failed", "Unlisted", "InvalidInput", "Duplicates" })]
    public void Tables_show_the_most_useful_columns_whole_in_80_columns_and_more_in_120(string script, int width, string[] columns)
    {
        var text = Strings($"({script}) | Format-Table | Out-String -Width {width}").Single();

        // The header is the line above the dashes. The engine squeezes the last column that partly fits (its header
        // then wraps onto extra lines) and drops the rest, so exactly these headers on one line, each whole, and no
        // line wider than the console is what "fits" means; the default view would show other names.
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var dashes = Array.FindIndex(lines, l => l.StartsWith('-') && l.Trim().All(c => c is '-' or ' '));
        Assert.True(dashes > 0, "no table header in:\n" + text);
        Assert.Matches("^ *" + string.Join(" +", columns.Select(Regex.Escape)) + " *$", lines[dashes - 1]);
        Assert.Equal(columns.Length, lines[dashes].Split(' ', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.All(lines, l => Assert.True(l.Length <= width, $"wider than {width}: '{l}'"));
        Assert.True(lines.Skip(dashes + 1).Any(l => l.Trim().Length > 0), "no row in:\n" + text);
    }

    [Theory]
    [InlineData(80)]
    [InlineData(120)]
    public void Holders_and_grant_results_name_their_badge_above_each_group_at_any_width(int width)
    {
        var holders = Strings($"Get-LoyaltyBadge -First 2 | Get-LoyaltyBadgeUser -First 3 | Format-Table | Out-String -Width {width}").Single();
        var grants = Strings($"$b = Get-LoyaltyBadge -First 1; '0x00000000000000000000000000000000000000c1', '0x00000000000000000000000000000000000000c2' | ForEach-Object {{ [pscustomobject]@{{ WalletAddress = $_ }} }} | Grant-LoyaltyBadge -BadgeId $b.Id | Format-Table | Out-String -Width {width}").Single();
        var badges = Session.Run("Get-LoyaltyBadge -First 2").ThrowIfErrors().Output.Select(b => (b.Property<string>("Name"), b.Property<Guid>("Id"))).ToList();

        // -First 3 across the pipeline: the first badge's holders, under one heading (its name, then its id).
        Assert.Matches($"(?m)^ *Badge: {Regex.Escape($"{badges[0].Item1} ({badges[0].Item2})")}$", holders);
        Assert.Single(Regex.Matches(grants, "(?m)^ *Badge: "));
        Assert.Matches($"(?m)^ *Badge: {Regex.Escape($"{badges[0].Item1} ({badges[0].Item2})")}$", grants);
        Assert.All((holders + grants).Replace("\r\n", "\n").Split('\n'), l => Assert.True(l.Length <= width, $"wider than {width}: '{l}'"));
    }

    [Theory]
    [InlineData(120)]
    [InlineData(160)]
    public void The_connection_table_shows_the_directory_organization_and_website_ids_whole_at_120_columns_and_retries_at_160(int width)
    {
        var directory = Sandbox.Server.State.PartnerPage.DirectoryBadges[0].DirectoryId;
        Session.Run("Connect-PartnerPage -DirectoryId $D", ("D", directory)).ThrowIfErrors();

        var lines = Strings($"Get-BadgeAdminConnection | Format-Table | Out-String -Width {width}").Single().Replace("\r\n", "\n").Split('\n');

        var partnerPage = Assert.Single(lines, l => l.StartsWith("PartnerPage ", StringComparison.Ordinal));
        var snag = Assert.Single(lines, l => l.StartsWith("Snag ", StringComparison.Ordinal));
        var uri = Regex.Escape(Sandbox.BaseAddress.AbsoluteUri.TrimEnd('/'));
        var more = width >= 160 ? " +4 +60 s +Parameter" : string.Empty;
        Assert.Matches($@"^PartnerPage +{uri} +{directory}{more} *$", partnerPage);
        Assert.Matches($@"^Snag +{uri} +{Sandbox.OrganizationId} +{Sandbox.MainWebsiteId}{more} *$", snag);
        Assert.All(lines, l => Assert.True(l.Length <= width, $"wider than {width}: '{l}'"));
    }

    [Theory]
    [InlineData("Get-LoyaltyBadge -First 1", new[] { "Id", "Name", "Description", "ImageUrl", "HideInUi", "Holders", "Conditions", "Rewards", "UserBadges", "DataJobStatus", "DataJobs", "CreatedAt", "UpdatedAt", "DeletedAt" })]
    [InlineData("Get-PartnerEntry -First 1", new[] { "Id", "Name", "Href", "Other fields" })]
    [InlineData("Get-PartnerDirectory -First 1", new[] { "Id", "Name", "Href", "Other fields" })]
    public void Deep_objects_are_shown_in_the_modules_list_view_with_their_parts_summed_up(string script, string[] labels)
    {
        var text = Strings($"({script}) | Format-List | Out-String -Width 120").Single();

        var shown = Regex.Matches(text, @"^(\S[^:\r\n]*?) *: ", RegexOptions.Multiline).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(labels, shown);
    }

    [Fact]
    public void Connections_of_both_services_show_in_one_table_and_never_show_the_key()
    {
        var keys = new[] { Sandbox.Server.State.Options.PartnerPageKey, Sandbox.Server.State.Options.SnagKey };

        var table = Strings("Get-BadgeAdminConnection | Format-Table | Out-String -Width 200").Single();
        var everything = Strings("Get-BadgeAdminConnection | Format-List * -Force | Out-String -Width 200").Single();
        var properties = Strings("Get-BadgeAdminConnection | ForEach-Object { $_.PSObject.Properties.Name }");

        // One header for both: the PartnerPage and Snag connection types share the base type's view.
        Assert.Single(Regex.Matches(table, "^ *Service +BaseUri", RegexOptions.Multiline));
        Assert.Matches("(?m)^PartnerPage ", table);
        Assert.Matches("(?m)^Snag ", table);
        Assert.All(keys, key => Assert.DoesNotContain(key, everything, StringComparison.Ordinal));
        Assert.DoesNotContain(properties, p => p.Contains("Key", StringComparison.OrdinalIgnoreCase) && p != "ApiKeySource");
        Assert.DoesNotContain(properties, p => p is "Client" or "Settings");
    }

    [Theory]
    [InlineData("Get-PartnerBadge", "EntryId")]
    [InlineData("Get-PartnerBadge", "Id")]
    [InlineData("Set-PartnerBadge", "Id")]
    [InlineData("Remove-PartnerBadge", "Id")]
    [InlineData("New-PartnerBadge", "BadgeId")]
    [InlineData("Set-PartnerDirectoryBadge", "Id")]
    [InlineData("Remove-PartnerDirectoryBadge", "Id")]
    [InlineData("Get-PartnerDirectoryBadge", "DirectoryId")]
    [InlineData("Grant-LoyaltyBadge", "BadgeId")]
    [InlineData("Remove-LoyaltyBadge", "Id")]
    public void Ids_are_Guids_so_a_malformed_id_fails_in_binding_before_any_request(string cmdlet, string parameter)
    {
        var type = ParameterType(cmdlet, parameter);
        Sandbox.Server.State.Requests.Clear();

        var confirm = cmdlet.StartsWith("Get", StringComparison.Ordinal) ? string.Empty : " -Confirm:$false";
        var result = Session.Run($"{cmdlet} -{parameter} 'not-a-guid'{confirm}");

        Assert.Equal(typeof(Guid), Nullable.GetUnderlyingType(type) ?? type);
        Assert.Contains(result.AllErrorIds(), id => id is "CannotConvertArgumentNoMessage" or "ParameterArgumentTransformationError");
        Assert.Empty(Sandbox.Requests.ApiCalls());
    }

    [Theory]
    [InlineData("New-PartnerBadge -EntryId $G -BadgeId $G -Order -1 -Confirm:$false")]
    [InlineData("Set-PartnerBadge -EntryId $G -Id $G -Order -1 -Confirm:$false")]
    [InlineData("Get-LoyaltyBadgeUser -BadgeId $G -Status retired")]
    [InlineData("Grant-LoyaltyBadge -BadgeId $G -UserId $G -Status retired -Confirm:$false")]
    [InlineData("New-LoyaltyBadge -Name n -ImageUrl ftp://images.example/n.png -Condition @{ type = 'points'; amount = 1 } -Confirm:$false")]
    [InlineData("Set-LoyaltyBadge -Id $G -ImageUrl 'not a url' -Confirm:$false")]
    [InlineData("Get-LoyaltyBadge -PageSize 1001")]
    [InlineData("Get-LoyaltyWebsite -PageSize 0")]
    [InlineData("Set-LoyaltyBadge -Id $G -Name n -ThrottleLimit 65 -Confirm:$false")]
    public void Out_of_range_values_are_refused_in_binding_before_any_request(string script)
    {
        Sandbox.Server.State.Requests.Clear();

        var result = Session.Run(script, ("G", Guid.NewGuid()));

        Assert.Contains("ParameterArgumentValidationError", result.AllErrorIds());
        Assert.Empty(Sandbox.Requests.ApiCalls());
    }

    [Fact]
    public void Status_parameters_offer_exactly_the_documented_statuses()
    {
        foreach (var cmdlet in new[] { "Grant-LoyaltyBadge", "Get-LoyaltyBadgeUser" })
        {
            var set = Assert.Single(Attributes<ValidateSetAttribute>(cmdlet, "Status"));
            Assert.Equal(new[] { "active", "inactive", "revoked" }, set.ValidValues);
        }
    }

    [Fact]
    public void Page_sizes_run_from_1_to_the_apis_maximum_of_1000()
    {
        foreach (var cmdlet in new[] { "Get-LoyaltyBadge", "Get-LoyaltyBadgeUser", "Get-LoyaltyWebsite" })
        {
            var range = Assert.Single(Attributes<ValidateRangeAttribute>(cmdlet, "PageSize"));
            Assert.Equal((1, 1000), ((int)range.MinRange, (int)range.MaxRange));
        }
    }

    [Fact]
    public void Every_changing_cmdlet_and_only_those_take_a_ThrottleLimit_of_1_to_64()
    {
        foreach (var cmdlet in Cmdlets())
        {
            var has = Strings("(Get-Command $C).Parameters.ContainsKey('ThrottleLimit')", ("C", cmdlet.Name)).Single() == "True";
            Assert.True(has == ChangingVerbs.Contains(cmdlet.Verb), $"{cmdlet.Name}: ThrottleLimit {(has ? "present" : "missing")}");
            if (!has) continue;
            var range = Assert.Single(Attributes<ValidateRangeAttribute>(cmdlet.Name, "ThrottleLimit"));
            Assert.Equal((1, 64), ((int)range.MinRange, (int)range.MaxRange));
        }
    }

    [Fact]
    public void Every_list_cmdlet_pages_with_First_Skip_and_IncludeTotalCount()
    {
        var lists = Cmdlets().Where(c => c.Verb == "Get" && c.Noun != "BadgeAdminConnection").Select(c => c.Name).ToList();
        Assert.Equal(7, lists.Count);

        // The engine adds these three exactly for SupportsPaging; it refuses a cmdlet that also declares one itself.
        foreach (var cmdlet in lists.Append("Get-BadgeAdminConnection"))
        {
            var parameters = Strings("(Get-Command $C).Parameters.Keys", ("C", cmdlet));
            var pages = cmdlet != "Get-BadgeAdminConnection";
            Assert.All(new[] { "First", "Skip", "IncludeTotalCount" }, p => Assert.True(parameters.Contains(p) == pages, $"{cmdlet} -{p}"));
        }
    }

    [Fact]
    public void Switches_are_switch_parameters_and_api_keys_are_SecureStrings_that_refuse_plain_text()
    {
        foreach (var cmdlet in new[] { "Set-PartnerBadge", "Remove-PartnerBadge", "Set-PartnerDirectoryBadge", "Remove-PartnerDirectoryBadge", "Set-LoyaltyBadge", "Remove-LoyaltyBadge", "Connect-PartnerPage", "Connect-Snag" })
        {
            Assert.Equal(typeof(SwitchParameter), ParameterType(cmdlet, "PassThru"));
        }

        Assert.Equal(typeof(System.Security.SecureString), ParameterType("Connect-PartnerPage", "ApiKey"));
        Assert.Equal(typeof(System.Security.SecureString), ParameterType("Connect-Snag", "ApiKey"));
        var plain = Session.Run("Connect-PartnerPage -ApiKey 'typed-in-clear' -BaseUri $Uri", ("Uri", Sandbox.BaseAddress));
        Assert.Contains("CannotConvertArgumentNoMessage", plain.AllErrorIds());
    }

    [Fact]
    public void Every_cmdlet_with_several_parameter_sets_names_one_of_them_as_its_default()
    {
        foreach (var cmdlet in Cmdlets())
        {
            var sets = Strings("(Get-Command $C).ParameterSets.Name", ("C", cmdlet.Name));
            var byDefault = Strings("(Get-Command $C).ParameterSets | Where-Object IsDefault | ForEach-Object Name", ("C", cmdlet.Name));
            if (sets.Count > 1) Assert.Contains(Assert.Single(byDefault), sets);
        }
    }

    [Theory]
    [InlineData("Get-PartnerBadge -EntryId ", "entry")]
    [InlineData("Set-PartnerBadge -EntryId ", "entry")]
    [InlineData("Get-LoyaltyBadge -WebsiteId ", "website")]
    [InlineData("Connect-Snag -WebsiteId ", "website")]
    [InlineData("Grant-LoyaltyBadge -BadgeId ", "badge")]
    [InlineData("Set-LoyaltyBadge -Id ", "badge")]
    public void Ids_complete_on_Tab_with_ids_the_service_knows(string line, string kind)
    {
        var state = Sandbox.Server.State;
        var known = kind switch
        {
            "entry" => state.PartnerPage.EntryIds,
            "website" => state.Snag.Websites.Select(w => w.Id).ToList(),
            _ => state.Snag.Badges.Where(b => b.DeletedAt is null).Select(b => b.Id).ToList(),
        };

        var completions = Strings("(TabExpansion2 -inputScript $Line -cursorColumn $Line.Length).CompletionMatches.CompletionText", ("Line", line));

        Assert.NotEmpty(completions);
        Assert.All(completions, c => Assert.Contains(Guid.Parse(c), known));
    }

    [Fact]
    public void The_module_version_is_the_manifests_and_both_assemblies_carry_it()
    {
        var module = Version.Parse(Strings("(Get-Module BadgeAdmin).Version").Single());
        var cmdlets = Strings("(Get-Command Get-PartnerEntry).ImplementingType.Assembly.GetName().Version").Single();
        var core = Strings("(Get-Command Get-PartnerEntry).OutputType[0].Type.Assembly.GetName().Version").Single();
        var manifest = Version.Parse(Strings("(Import-PowerShellDataFile $Manifest).ModuleVersion", ("Manifest", EngineSession.ModuleManifest)).Single());

        Assert.Equal(manifest, module);
        Assert.Equal(module, new Version(Version.Parse(cmdlets).ToString(3)));
        Assert.Equal(module, new Version(Version.Parse(core).ToString(3)));
    }

    [Fact]
    public void The_manifest_passes_Test_ModuleManifest_with_what_the_gallery_needs()
    {
        var result = Session.Run("Test-ModuleManifest -Path $Manifest", ("Manifest", EngineSession.ModuleManifest)).ThrowIfErrors();
        var info = (PSModuleInfo)result.Output.Single().BaseObject;

        Assert.Equal(new[] { "Desktop", "Core" }, info.CompatiblePSEditions);
        Assert.Equal(new Version(5, 1), info.PowerShellVersion);
        Assert.NotEqual(Guid.Empty, info.Guid);
        Assert.NotEmpty(info.Tags);
        Assert.All(info.Tags, t => Assert.DoesNotContain(' ', t));
        Assert.NotNull(info.ProjectUri);
        Assert.NotNull(info.LicenseUri);
        Assert.False(string.IsNullOrWhiteSpace(info.ReleaseNotes));
        Assert.Equal(new[] { "BadgeAdmin.Format.ps1xml" }, info.ExportedFormatFiles.Select(Path.GetFileName));
    }
}
