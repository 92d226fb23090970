using System.Reflection;
using System.Reflection.Metadata;
using System.Xml.Linq;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Module;

/// <summary>
/// The built module folder checked as PowerShell would load it, without PowerShell: manifest, exports, verbs,
/// ShouldProcess, output types, parameter binding of the documented pipelines, format views, shipped files.
/// </summary>
public sealed class ModuleMetadataTests : IClassFixture<BuiltModuleFixture>
{
    private static readonly string[] ChangingVerbs = { "New", "Set", "Remove", "Add", "Clear", "Grant", "Revoke", "Update", "Rename", "Move", "Reset", "Enable", "Disable" };
    private static readonly string[] CommonParameters =
    {
        "Verbose", "Debug", "ErrorAction", "WarningAction", "InformationAction", "ProgressAction", "ErrorVariable", "WarningVariable",
        "InformationVariable", "OutVariable", "OutBuffer", "PipelineVariable", "WhatIf", "Confirm",
    };

    private readonly BuiltModule _module;

    public ModuleMetadataTests(BuiltModuleFixture fixture) => _module = fixture.Module;

    private const string PartnerEntryType = "BadgeAdmin.Core.PartnerPage.Models.PartnerEntry";
    private const string PartnerBadgeType = "BadgeAdmin.Core.PartnerPage.Models.PartnerBadge";

    [Fact]
    public void The_module_folder_has_the_cmdlets_at_the_top_and_the_closure_in_dependencies_but_no_PowerShell()
    {
        var top = Directory.GetFiles(_module.Folder).Select(Path.GetFileName).Order(StringComparer.OrdinalIgnoreCase).ToList();
        var dependencies = Directory.GetFiles(Path.Combine(_module.Folder, "dependencies")).Select(Path.GetFileName).ToHashSet(StringComparer.OrdinalIgnoreCase);

        Assert.Equal(new[] { "BadgeAdmin.Cmdlets.dll", "BadgeAdmin.Format.ps1xml", "BadgeAdmin.psd1" }, top);
        Assert.Superset(new HashSet<string?>(StringComparer.OrdinalIgnoreCase)
        {
            "BadgeAdmin.Core.dll", "BadgeAdmin.Isolation.dll", "System.Text.Json.dll", "System.Text.Encodings.Web.dll", "Microsoft.Bcl.AsyncInterfaces.dll",
            "System.Memory.dll", "System.Buffers.dll", "System.Runtime.CompilerServices.Unsafe.dll", "System.Threading.Tasks.Extensions.dll", "System.Numerics.Vectors.dll",
        }, dependencies);
        var everything = Directory.GetFiles(_module.Folder, "*", SearchOption.AllDirectories).Select(Path.GetFileName).ToList();
        Assert.DoesNotContain("System.Management.Automation.dll", everything);
        Assert.DoesNotContain(everything, f => f!.Contains("PowerShellStandard", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Windows_PowerShell_finds_every_reference_in_the_module_or_the_framework()
    {
        // .NET Framework 4.7.2 brings netstandard; PowerShell brings its engine; everything else must be shipped, by name
        // (the import hook resolves by name, so a shipped version newer than the one referenced is fine).
        var dependencies = Path.Combine(_module.Folder, "dependencies");
        var shipped = Directory.GetFiles(dependencies, "*.dll").Select(Path.GetFileNameWithoutExtension).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var assemblies = Directory.GetFiles(dependencies, "*.dll").Append(Path.Combine(_module.Folder, "BadgeAdmin.Cmdlets.dll"))
            .Where(f => !f.EndsWith("BadgeAdmin.Isolation.dll", StringComparison.Ordinal)); // loaded only on PowerShell 7
        foreach (var file in assemblies)
        {
            using var stream = File.OpenRead(file);
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var metadata = pe.GetMetadataReader();
            foreach (var handle in metadata.AssemblyReferences)
            {
                var name = metadata.GetString(metadata.GetAssemblyReference(handle).Name);
                Assert.True(name is "netstandard" or "System.Management.Automation" || shipped.Contains(name), $"{Path.GetFileName(file)} needs {name}, which is not shipped");
            }
        }
    }

    [Fact]
    public void No_exported_type_derives_from_a_dependency_so_PowerShell_can_scan_before_the_import_hook()
    {
        // PowerShell enumerates the exported types before it calls ModuleLifecycle.OnImport, which makes BadgeAdmin.Core
        // loadable: a base type or interface from BadgeAdmin.Core (or its closure) would fail the import.
        static IEnumerable<Type> Ancestry(Type type)
        {
            for (var t = type.BaseType; t is not null; t = t.BaseType)
            {
                yield return t;
                foreach (var argument in t.IsGenericType ? t.GetGenericArguments() : Type.EmptyTypes) yield return argument;
            }

            foreach (var i in type.GetInterfaces()) yield return i;
        }

        var allowed = new[] { "BadgeAdmin.Cmdlets", "System.Management.Automation", "System.Private.CoreLib", "netstandard", "System.Runtime" };
        foreach (var type in _module.CmdletAssembly.GetExportedTypes())
        {
            Assert.All(Ancestry(type), a => Assert.True(allowed.Contains(a.Assembly.GetName().Name), $"{type.Name} depends on {a.FullName} from {a.Assembly.GetName().Name}"));
        }
    }

    [Fact]
    public void System_Text_Json_is_referenced_at_8_0_so_PowerShell_7_4_can_load_the_module()
    {
        var references = _module.CmdletAssembly.GetReferencedAssemblies().Concat(_module.CoreAssembly.GetReferencedAssemblies());

        var json = references.Where(r => r.Name == "System.Text.Json").Select(r => r.Version!).Distinct().ToList();

        Assert.Equal(new[] { new Version(8, 0, 0, 0) }, json);
    }

    [Fact]
    public void The_manifest_declares_what_PowerShell_and_the_gallery_need()
    {
        var manifest = _module.Manifest;

        Assert.Equal("BadgeAdmin.Cmdlets.dll", manifest["RootModule"]);
        Assert.True(File.Exists(Path.Combine(_module.Folder, (string)manifest["RootModule"]!)));
        Assert.Equal("5.1", manifest["PowerShellVersion"]);
        Assert.Equal(new[] { "Desktop", "Core" }, Psd1Reader.Strings(manifest["CompatiblePSEditions"]));
        Assert.True(Guid.TryParse((string)manifest["GUID"]!, out _));
        Assert.All(Psd1Reader.Strings(manifest["FormatsToProcess"]), f => Assert.True(File.Exists(Path.Combine(_module.Folder, f)), f));
        foreach (var key in new[] { "FunctionsToExport", "VariablesToExport", "AliasesToExport" }) Assert.Empty(Psd1Reader.Strings(manifest[key]));

        var psData = (Dictionary<string, object?>)((Dictionary<string, object?>)manifest["PrivateData"]!)["PSData"]!;
        Assert.NotEmpty(Psd1Reader.Strings(psData["Tags"]));
        Assert.All(new[] { "ProjectUri", "LicenseUri", "ReleaseNotes" }, k => Assert.False(string.IsNullOrWhiteSpace(psData[k] as string), k));
        Assert.All(Psd1Reader.Strings(psData["Tags"]), t => Assert.DoesNotContain(' ', t));
    }

    [Fact]
    public void The_module_version_has_one_source_the_manifest()
    {
        var version = Version.Parse((string)_module.Manifest["ModuleVersion"]!);

        Assert.Equal(version, _module.CmdletAssembly.GetName().Version!.ToString(3) is var v ? Version.Parse(v) : null);
        Assert.Equal(version, Version.Parse(_module.Type("BadgeAdmin.Core.Http.ApiRoute").Assembly.GetName().Version!.ToString(3)));
    }

    [Fact]
    public void CmdletsToExport_lists_exactly_the_cmdlets_in_the_assembly_without_wildcards()
    {
        var exported = Psd1Reader.Strings(_module.Manifest["CmdletsToExport"]).ToList();

        Assert.DoesNotContain(exported, e => e.Contains('*'));
        Assert.Equal(_module.Cmdlets.Select(c => c.Name).OrderBy(n => n, StringComparer.Ordinal), exported.OrderBy(n => n, StringComparer.Ordinal));
    }

    [Fact]
    public void Every_cmdlet_uses_an_approved_verb_and_a_singular_prefixed_noun()
    {
        var approved = _module.ApprovedVerbs();
        Assert.Contains("Get", approved); // the verb list was really read

        Assert.All(_module.Cmdlets, c =>
        {
            Assert.Contains(c.Verb, approved);
            Assert.Matches("^(Partner|Loyalty|BadgeAdmin)|^(PartnerPage|Snag)$", c.Noun);
            Assert.False(c.Noun.EndsWith("s", StringComparison.Ordinal) && !c.Noun.EndsWith("ss", StringComparison.Ordinal), $"{c.Name}: plural noun");
        });
    }

    [Fact]
    public void Every_cmdlet_class_is_public_sealed_with_a_parameterless_constructor()
    {
        Assert.All(_module.Cmdlets, c =>
        {
            Assert.True(c.Type.IsPublic && !c.Type.IsAbstract && c.Type.IsSealed, c.Name);
            Assert.NotNull(c.Type.GetConstructor(Type.EmptyTypes));
            Assert.EndsWith("Command", c.Type.Name);
        });
    }

    [Fact]
    public void Every_change_supports_ShouldProcess_and_removals_confirm_by_default()
    {
        var changing = _module.Cmdlets.Where(c => ChangingVerbs.Contains(c.Verb)).ToList();
        Assert.NotEmpty(changing);

        Assert.All(changing, c => Assert.True(c.SupportsShouldProcess, $"{c.Name} lacks SupportsShouldProcess"));
        Assert.All(changing.Where(c => c.Verb == "Remove"), c => Assert.Equal("High", c.ConfirmImpact));
        Assert.All(_module.Cmdlets.Where(c => !ChangingVerbs.Contains(c.Verb)), c => Assert.False(c.SupportsShouldProcess, $"{c.Name} reads only"));
    }

    [Fact]
    public void Every_cmdlet_that_writes_objects_declares_public_output_types_with_a_view()
    {
        var views = FormatViewTypeNames();
        foreach (var cmdlet in _module.Cmdlets.Where(c => c.Verb != "Disconnect"))
        {
            var outputTypes = cmdlet.Attributes("OutputTypeAttribute")
                .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (Type)v.Value!))
                .ToList();
            Assert.True(outputTypes.Count > 0, $"{cmdlet.Name} has no [OutputType]");
            Assert.All(outputTypes, t =>
            {
                Assert.True(t.IsPublic, $"{cmdlet.Name}: {t} is not public");
                Assert.True(SelfAndBases(t).Any(b => views.Contains(b.FullName!)), $"{cmdlet.Name}: no view for {t} or a base type");
            });
        }
    }

    [Fact]
    public void Parameters_are_settable_properties_with_names_that_clash_with_nothing()
    {
        Assert.All(_module.Cmdlets, c =>
        {
            Assert.All(c.Parameters, p => Assert.True(p.Property.SetMethod?.IsPublic == true, $"{c.Name} -{p.Name} has no public setter"));
            var names = c.Parameters.SelectMany(p => p.Names).ToList();
            Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
            Assert.DoesNotContain(names, n => CommonParameters.Contains(n, StringComparer.OrdinalIgnoreCase));
            if (c.SetNames().Count > 1) Assert.Contains(c.DefaultParameterSetName!, c.SetNames());
        });
    }

    [Fact]
    public void Switches_are_SwitchParameters_and_the_api_key_is_a_SecureString()
    {
        Assert.All(_module.Cmdlets.SelectMany(c => c.Parameters).Where(p => p.Name is "PassThru"),
            p => Assert.Equal("System.Management.Automation.SwitchParameter", p.Type.FullName));
        Assert.Equal("System.Security.SecureString", _module.Cmdlet("Connect-PartnerPage").Parameter("ApiKey").Type.FullName);
    }

    [Fact]
    public void Ids_are_Guids_and_orders_are_range_checked_so_bad_input_fails_in_binding()
    {
        foreach (var (cmdlet, parameter) in new[] { ("Get-PartnerBadge", "EntryId"), ("Set-PartnerBadge", "Id"), ("Remove-PartnerBadge", "Id"), ("New-PartnerBadge", "BadgeId") })
        {
            Assert.Equal(typeof(Guid).FullName, _module.Cmdlet(cmdlet).Parameter(parameter).Type.FullName);
        }

        foreach (var cmdlet in new[] { "New-PartnerBadge", "Set-PartnerBadge" })
        {
            var order = _module.Cmdlet(cmdlet).Parameter("Order");
            var range = order.Property.GetCustomAttributesData().Single(a => a.AttributeType.Name == "ValidateRangeAttribute");
            Assert.Equal(0, range.ConstructorArguments[0].Value);
        }
    }

    [Fact]
    public void Get_PartnerEntry_piped_to_Get_PartnerBadge_binds_the_entry_not_its_id_as_a_badge_id()
    {
        var outcome = PipelineBinder.Bind(_module.Cmdlet("Get-PartnerBadge"), Array.Empty<string>(), _module.Type(PartnerEntryType));

        Assert.Null(outcome.Problem);
        Assert.Equal(new[] { "Entry" }, outcome.Bound.Order());
        Assert.Equal("ByEntry", outcome.ParameterSet);
    }

    [Theory]
    [InlineData("Set-PartnerBadge", "Order,PassThru")]
    [InlineData("Set-PartnerBadge", "Order")]
    [InlineData("Remove-PartnerBadge", "")]
    public void A_badge_piped_to_a_change_binds_its_entry_id_and_id(string cmdlet, string commandLine)
    {
        var given = commandLine.Split(',', StringSplitOptions.RemoveEmptyEntries);

        var outcome = PipelineBinder.Bind(_module.Cmdlet(cmdlet), given, _module.Type(PartnerBadgeType));

        Assert.Null(outcome.Problem);
        Assert.Equal(given.Concat(new[] { "EntryId", "Id" }).Order(), outcome.Bound.Order());
    }

    [Fact]
    public void Badges_piped_to_New_PartnerBadge_for_another_entry_copy_badge_and_order()
    {
        var outcome = PipelineBinder.Bind(_module.Cmdlet("New-PartnerBadge"), new[] { "EntryId" }, _module.Type(PartnerBadgeType));

        Assert.Null(outcome.Problem);
        Assert.Equal(new[] { "BadgeId", "EntryId", "Order" }, outcome.Bound.Order());
    }

    [Fact]
    public void A_csv_of_entry_and_badge_ids_binds_to_New_PartnerBadge()
    {
        var outcome = PipelineBinder.Bind(_module.Cmdlet("New-PartnerBadge"), Array.Empty<string>(), null, new[] { "EntryId", "BadgeId", "Order" });

        Assert.Null(outcome.Problem);
        Assert.Equal(new[] { "BadgeId", "EntryId", "Order" }, outcome.Bound.Order());
    }

    [Fact]
    public void A_badge_piped_to_Get_PartnerBadge_lists_its_entry_and_does_not_bind_its_id()
    {
        var outcome = PipelineBinder.Bind(_module.Cmdlet("Get-PartnerBadge"), Array.Empty<string>(), _module.Type(PartnerBadgeType));

        Assert.Null(outcome.Problem);
        Assert.Equal(new[] { "EntryId" }, outcome.Bound.Order());
    }

    [Fact]
    public void Format_views_name_real_types_and_fit_a_120_column_console()
    {
        var document = XDocument.Load(Path.Combine(_module.Folder, "BadgeAdmin.Format.ps1xml"));
        foreach (var view in document.Descendants("View"))
        {
            var typeName = view.Element("ViewSelectedBy")!.Element("TypeName")!.Value;
            var type = _module.Type(typeName);
            Assert.True(type.IsPublic, typeName);
            var columns = view.Descendants("TableColumnItem").Concat(view.Descendants("ListItem")).Select(i => i.Element("PropertyName")?.Value).Where(n => n is not null);
            Assert.All(columns, c => Assert.NotNull(type.GetProperty(c!)));
            var widths = view.Descendants("TableColumnHeader").Select(h => int.TryParse(h.Element("Width")?.Value, out var w) ? w : 0).ToList();
            Assert.True(widths.Sum() + widths.Count <= 120, $"{typeName}: fixed columns take {widths.Sum() + widths.Count} characters");
        }
    }

    private const string LoyaltyBadgeType = "BadgeAdmin.Core.Snag.Models.LoyaltyBadge";
    private const string LoyaltyBadgeUserType = "BadgeAdmin.Core.Snag.Models.LoyaltyBadgeUser";

    [Fact]
    public void Badges_piped_to_Set_LoyaltyBadge_bind_only_their_id()
    {
        // Get-LoyaltyBadge -WebsiteId $w | Where-Object Name -like 'Gold*' | Set-LoyaltyBadge -Description 'Top tier' -PassThru
        var outcome = PipelineBinder.Bind(_module.Cmdlet("Set-LoyaltyBadge"), new[] { "Description", "PassThru" }, _module.Type(LoyaltyBadgeType));

        Assert.Null(outcome.Problem);
        Assert.Equal(new[] { "Description", "Id", "PassThru" }, outcome.Bound.Order());
    }

    [Theory]
    [InlineData("WalletAddress")]
    [InlineData("WalletAddress,UserId")]
    [InlineData("UserId")]
    [InlineData("Name,WalletAddress,Email")]
    public void Csv_rows_piped_to_Grant_bind_their_user_columns(string columns)
    {
        // Import-Csv wallets.csv | Grant-LoyaltyBadge -BadgeId $b
        var properties = columns.Split(',');

        var outcome = PipelineBinder.Bind(_module.Cmdlet("Grant-LoyaltyBadge"), new[] { "BadgeId" }, null, properties);

        Assert.Null(outcome.Problem);
        Assert.Equal(new[] { "BadgeId" }.Concat(properties.Where(p => p is "UserId" or "WalletAddress")).Order(), outcome.Bound.Order());
    }

    [Fact]
    public void Badge_users_piped_to_Revoke_bind_badge_user_and_wallet_but_not_their_own_id()
    {
        // Get-LoyaltyBadgeUser -BadgeId $b -Status active | Revoke-LoyaltyBadge -Confirm:$false
        var outcome = PipelineBinder.Bind(_module.Cmdlet("Revoke-LoyaltyBadge"), Array.Empty<string>(), _module.Type(LoyaltyBadgeUserType));

        Assert.Null(outcome.Problem);
        Assert.Equal(new[] { "BadgeId", "UserId", "WalletAddress" }, outcome.Bound.Order());
        Assert.DoesNotContain("Id", _module.Cmdlet("Revoke-LoyaltyBadge").Parameter("BadgeId").Aliases);
    }

    [Fact]
    public void A_badge_piped_to_Remove_LoyaltyBadge_binds_its_id()
    {
        var outcome = PipelineBinder.Bind(_module.Cmdlet("Remove-LoyaltyBadge"), Array.Empty<string>(), _module.Type(LoyaltyBadgeType));

        Assert.Null(outcome.Problem);
        Assert.Equal(new[] { "Id" }, outcome.Bound.Order());
    }

    [Fact]
    public void A_badge_piped_to_Get_LoyaltyBadgeUser_binds_by_value()
    {
        var outcome = PipelineBinder.Bind(_module.Cmdlet("Get-LoyaltyBadgeUser"), Array.Empty<string>(), _module.Type(LoyaltyBadgeType));

        Assert.Null(outcome.Problem);
        Assert.Equal(("Badge", "ByBadge"), (outcome.Bound.Single(), outcome.ParameterSet));
    }

    [Fact]
    public void A_badge_piped_to_New_LoyaltyBadge_binds_everything_a_copy_needs()
    {
        var outcome = PipelineBinder.Bind(_module.Cmdlet("New-LoyaltyBadge"), new[] { "WebsiteId" }, _module.Type(LoyaltyBadgeType));

        Assert.Null(outcome.Problem);
        Assert.Equal(new[] { "Condition", "Description", "ImageUrl", "Name", "Reward", "WebsiteId" }, outcome.Bound.Order());
    }

    [Fact]
    public void Status_parameters_accept_only_the_documented_statuses()
    {
        foreach (var cmdlet in new[] { "Grant-LoyaltyBadge", "Get-LoyaltyBadgeUser" })
        {
            var set = _module.Cmdlet(cmdlet).Parameter("Status").Property.GetCustomAttributesData().Single(a => a.AttributeType.Name == "ValidateSetAttribute");
            var values = ((IEnumerable<CustomAttributeTypedArgument>)set.ConstructorArguments[0].Value!).Select(v => (string)v.Value!);
            Assert.Equal(new[] { "active", "inactive", "revoked" }, values);
        }
    }

    [Fact]
    public void Image_urls_are_validated_in_binding_and_empty_user_cells_become_null()
    {
        Assert.Contains("ValidateHttpUrlAttribute", _module.Cmdlet("New-LoyaltyBadge").Parameter("ImageUrl").AttributeNames);
        Assert.Contains("ValidateHttpUrlAttribute", _module.Cmdlet("Set-LoyaltyBadge").Parameter("ImageUrl").AttributeNames);
        Assert.Contains("EmptyStringAsNullAttribute", _module.Cmdlet("Grant-LoyaltyBadge").Parameter("UserId").AttributeNames);
        Assert.Equal(typeof(Guid?).FullName, _module.Cmdlet("Grant-LoyaltyBadge").Parameter("UserId").Type.FullName);
    }

    [Fact]
    public void Page_sizes_are_limited_to_the_apis_maximum()
    {
        foreach (var cmdlet in new[] { "Get-LoyaltyBadge", "Get-LoyaltyBadgeUser", "Get-LoyaltyWebsite" })
        {
            var range = _module.Cmdlet(cmdlet).Parameter("PageSize").Property.GetCustomAttributesData().Single(a => a.AttributeType.Name == "ValidateRangeAttribute");
            Assert.Equal((1, 1000), ((int)range.ConstructorArguments[0].Value!, (int)range.ConstructorArguments[1].Value!));
        }
    }

    [Fact]
    public void Every_changing_cmdlet_takes_a_ThrottleLimit()
    {
        var changing = _module.Cmdlets.Where(c => ChangingVerbs.Contains(c.Verb)).ToList();
        Assert.Equal(8, changing.Count);

        Assert.All(changing, c =>
        {
            var range = c.Parameter("ThrottleLimit").Property.GetCustomAttributesData().Single(a => a.AttributeType.Name == "ValidateRangeAttribute");
            Assert.Equal((1, 64), ((int)range.ConstructorArguments[0].Value!, (int)range.ConstructorArguments[1].Value!));
        });
        Assert.All(_module.Cmdlets.Where(c => !ChangingVerbs.Contains(c.Verb)), c => Assert.DoesNotContain(c.Parameters, p => p.Name == "ThrottleLimit"));
    }

    [Fact]
    public void Every_list_cmdlet_supports_paging_and_declares_no_paging_parameter_itself()
    {
        var lists = _module.Cmdlets.Where(c => c.Verb == "Get" && c.Noun != "BadgeAdminConnection").ToList();
        Assert.Equal(5, lists.Count);

        Assert.All(lists, c => Assert.True(c.Named.TryGetValue("SupportsPaging", out var v) && v is true, $"{c.Name} lacks SupportsPaging"));
        Assert.All(_module.Cmdlets, c => Assert.DoesNotContain(c.Parameters, p => p.Name is "First" or "Skip" or "IncludeTotalCount"));
    }

    [Fact]
    public void Deep_objects_have_list_views_and_their_parts_have_tables()
    {
        var document = XDocument.Load(Path.Combine(_module.Folder, "BadgeAdmin.Format.ps1xml"));
        string[] Controls(string type) => document.Descendants("View")
            .Where(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == type)
            .Select(v => v.Elements().Single(e => e.Name.LocalName.EndsWith("Control")).Name.LocalName).ToArray();

        Assert.Equal(new[] { "TableControl", "ListControl" }, Controls("BadgeAdmin.Core.Snag.Models.LoyaltyBadge"));
        Assert.Equal(new[] { "TableControl", "ListControl" }, Controls("BadgeAdmin.Core.PartnerPage.Models.PartnerEntry"));
        Assert.Equal(new[] { "TableControl" }, Controls("BadgeAdmin.Core.Snag.Models.LoyaltyCondition"));
        Assert.Equal(new[] { "TableControl" }, Controls("BadgeAdmin.Core.Snag.Models.LoyaltyReward"));
        foreach (var type in new[] { "PartnerBadge", "LoyaltyBadgeUser", "LoyaltyWebsite", "LoyaltyBadgeUserChange" })
        {
            Assert.Contains("TableControl", document.Descendants("View").Where(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value.EndsWith("." + type))
                .Select(v => v.Elements().Single(e => e.Name.LocalName.EndsWith("Control")).Name.LocalName));
        }
    }

    [Fact]
    public void Connections_of_both_services_share_one_view_that_shows_no_key()
    {
        var document = XDocument.Load(Path.Combine(_module.Folder, "BadgeAdmin.Format.ps1xml"));
        var view = document.Descendants("View").Single(v => v.Element("ViewSelectedBy")!.Element("TypeName")!.Value == "BadgeAdmin.Core.Connections.BadgeAdminConnection");
        var connectionType = _module.Type("BadgeAdmin.Core.Connections.BadgeAdminConnection");

        Assert.DoesNotContain(view.Descendants("TypeName"), t => t.Value.EndsWith("PartnerPageConnection") || t.Value.EndsWith("SnagConnection"));
        Assert.DoesNotContain(connectionType.GetProperties(), p => p.Name.Contains("Key", StringComparison.OrdinalIgnoreCase) && p.Name != "ApiKeySource");
        Assert.All(new[] { "PartnerPageConnection", "SnagConnection" }, n =>
            Assert.DoesNotContain(_module.Type($"BadgeAdmin.Core.{(n.StartsWith("Snag") ? "Snag" : "PartnerPage")}.{n}").GetProperties(), p => p.Name is "ApiKey" or "Client" or "Settings"));
    }

    [Theory]
    [InlineData("Get-PartnerBadge", "EntryId", "PartnerEntryIdCompleter")]
    [InlineData("Set-PartnerBadge", "EntryId", "PartnerEntryIdCompleter")]
    [InlineData("Get-LoyaltyBadge", "WebsiteId", "LoyaltyWebsiteIdCompleter")]
    [InlineData("Connect-Snag", "WebsiteId", "LoyaltyWebsiteIdCompleter")]
    [InlineData("Grant-LoyaltyBadge", "BadgeId", "LoyaltyBadgeIdCompleter")]
    [InlineData("Set-LoyaltyBadge", "Id", "LoyaltyBadgeIdCompleter")]
    public void Ids_have_tab_completion(string cmdlet, string parameter, string completer)
    {
        var attribute = _module.Cmdlet(cmdlet).Parameter(parameter).Property.GetCustomAttributesData().Single(a => a.AttributeType.Name == "ArgumentCompleterAttribute");
        Assert.Equal(completer, ((Type)attribute.ConstructorArguments[0].Value!).Name);
    }

    private static IEnumerable<Type> SelfAndBases(Type type)
    {
        for (var t = type; t is not null; t = t.BaseType) yield return t;
    }

    private ISet<string> FormatViewTypeNames() =>
        XDocument.Load(Path.Combine(_module.Folder, "BadgeAdmin.Format.ps1xml"))
            .Descendants("TypeName").Select(t => t.Value).ToHashSet(StringComparer.Ordinal);
}

/// <summary>One metadata view of the built module shared by the tests of a class.</summary>
public sealed class BuiltModuleFixture : IDisposable
{
    public BuiltModule Module { get; } = new();

    public void Dispose() => Module.Dispose();
}
