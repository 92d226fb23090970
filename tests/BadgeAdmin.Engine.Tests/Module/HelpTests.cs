using System.Diagnostics;
using System.Xml.Linq;
using BadgeAdmin.Engine.Tests.Support;

namespace BadgeAdmin.Engine.Tests.Module;

/// <summary>
/// The module's help as Get-Help shows it in a session that imported the built module: every exported cmdlet with a
/// synopsis, a description, every parameter described with its pipeline input and whether it is required (as the
/// engine binds them), a syntax per parameter set, examples one of which is a pipeline; and the about_BadgeAdmin topic.
/// </summary>
public sealed class HelpTests : IDisposable
{
    private readonly EngineSession _session = new();

    public void Dispose() => _session.Dispose();

    private IReadOnlyList<string> Cmdlets() => Strings("(Get-Command -Module BadgeAdmin).Name");

    private IReadOnlyList<string> Strings(string script, params (string, object?)[] variables) =>
        _session.Run(script, variables).ThrowIfErrors().Output.Select(o => o.ToString()).ToList();

    [Fact]
    public void Every_exported_cmdlet_has_its_own_help_and_the_help_file_names_no_other_command()
    {
        var cmdlets = Cmdlets();
        var helpFile = Path.Combine(Path.GetDirectoryName(EngineSession.ModuleManifest)!, "en-US", "BadgeAdmin.dll-Help.xml");
        XNamespace command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
        var documented = XDocument.Load(helpFile).Root!.Elements(command + "command")
            .Select(c => c.Element(command + "details")!.Element(command + "name")!.Value).ToList();

        // Help the engine cannot find is generated from the syntax (a CmdletHelpInfo); help read from the module's
        // MAML file is a MamlCommandHelpInfo named after the module and the cmdlet.
        var generated = Strings("""
            foreach ($name in $Names) { if ((Get-Help $name).PSObject.TypeNames -notcontains "MamlCommandHelpInfo#BadgeAdmin#$name") { $name } }
            """, ("Names", cmdlets.ToArray()));

        Assert.Equal(EngineSession.ExportedCmdlets.Order(StringComparer.Ordinal), cmdlets.Order(StringComparer.Ordinal));
        Assert.Empty(generated);
        Assert.Equal(cmdlets.Order(StringComparer.Ordinal), documented.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Get_Help_Online_has_an_address_for_every_cmdlet_its_help_page_in_the_sources()
    {
        var uris = _session.Run("Get-Command -Module BadgeAdmin | ForEach-Object { [pscustomobject]@{ Name = $_.Name; Uri = $_.HelpUri } }")
            .ThrowIfErrors().Output.ToDictionary(o => o.Properties["Name"].Value.ToString()!, o => o.Properties["Uri"].Value?.ToString());
        var docs = Path.Combine(EngineSession.RepoRoot, "docs", "en-US");

        Assert.NotEmpty(uris);
        Assert.All(uris, pair =>
        {
            Assert.Equal($"https://github.com/badgeadmin/BadgeAdmin/blob/main/docs/en-US/{pair.Key}.md", pair.Value);
            Assert.True(File.Exists(Path.Combine(docs, pair.Key + ".md")), $"{pair.Key}: no docs/en-US/{pair.Key}.md");
        });
    }

    [Fact]
    public void Help_says_wildcards_are_accepted_exactly_where_the_parameter_supports_them()
    {
        var rows = Strings("""
            foreach ($command in Get-Command -Module BadgeAdmin) {
                foreach ($parameter in $command.Parameters.Values) {
                    $help = Get-Help $command.Name -Parameter $parameter.Name -ErrorAction Ignore
                    if ($help) {
                        $supports = [bool]($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.SupportsWildcardsAttribute] })
                        "$($command.Name) -$($parameter.Name) $supports $($help.globbing)"
                    }
                }
            }
            """);

        Assert.Contains("Get-LoyaltyWebsite -Name True true", rows);
        Assert.All(rows, row =>
        {
            var parts = row.Split(' ');
            Assert.True(string.Equals(parts[2], parts[3], StringComparison.OrdinalIgnoreCase), row);
        });
    }

    [Fact]
    public void Every_cmdlet_has_a_synopsis_a_description_and_two_examples_one_of_them_a_pipeline()
    {
        foreach (var cmdlet in Cmdlets())
        {
            var help = _session.Run("""
                $help = Get-Help $Name -Full
                [pscustomobject]@{
                    Synopsis = $help.Synopsis
                    Description = ($help.description.Text -join ' ')
                    Codes = @($help.examples.example | ForEach-Object { $_.code })
                }
                """, ("Name", cmdlet)).ThrowIfErrors().Output.Single();
            var synopsis = (string)help.Properties["Synopsis"].Value;
            var description = (string)help.Properties["Description"].Value;
            var codes = LanguagePrimitives.GetEnumerable(help.Properties["Codes"].Value).Cast<object>().Select(c => c.ToString()!).ToList();

            Assert.False(string.IsNullOrWhiteSpace(synopsis), $"{cmdlet}: no synopsis");
            Assert.True(description.Length > 40, $"{cmdlet}: no real description ('{description}')");
            Assert.True(codes.Count >= 2, $"{cmdlet}: {codes.Count} example(s)");
            Assert.All(codes, c => Assert.False(string.IsNullOrWhiteSpace(c), $"{cmdlet}: an example without code"));
            Assert.Contains(codes, c => c.Contains('|'));
            Assert.Contains(codes, c => c.Contains(cmdlet, StringComparison.OrdinalIgnoreCase));
        }
    }

    [Fact]
    public void Every_parameter_is_described_with_the_pipeline_input_and_requirement_the_engine_binds_by()
    {
        // For each own parameter: what Get-Help -Parameter says next to what the engine's parameter metadata says
        // (first [Parameter] attribute, as the help compiler documents it).
        var rows = _session.Run("""
            $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
            foreach ($command in Get-Command -Module BadgeAdmin) {
                foreach ($parameter in $command.Parameters.Values | Where-Object Name -notin $common) {
                    $bound = $parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ParameterAttribute] } | Select-Object -First 1
                    $help = Get-Help $command.Name -Parameter $parameter.Name
                    [pscustomobject]@{
                        Where = "$($command.Name) -$($parameter.Name)"
                        Description = (($help.description | ForEach-Object Text) -join ' ').Trim()
                        Required = "$($help.required)"
                        PipelineInput = "$($help.pipelineInput)"
                        Mandatory = $bound.Mandatory
                        ByValue = $bound.ValueFromPipeline
                        ByName = $bound.ValueFromPipelineByPropertyName
                    }
                }
                if ($command.Parameters.ContainsKey('WhatIf')) {
                    foreach ($name in 'WhatIf', 'Confirm') { if (-not (Get-Help $command.Name -Parameter $name)) { throw "$($command.Name): -$name not in help" } }
                }
            }
            """).ThrowIfErrors().Output;
        Assert.True(rows.Count > 60, $"only {rows.Count} parameters read");

        Assert.All(rows, row =>
        {
            string Text(string name) => row.Properties[name].Value?.ToString() ?? string.Empty;
            bool Flag(string name) => (bool)row.Properties[name].Value;
            var expected = (Flag("ByValue"), Flag("ByName")) switch
            {
                (true, true) => "True (ByPropertyName, ByValue)",
                (true, false) => "True (ByValue)",
                (false, true) => "True (ByPropertyName)",
                _ => "False",
            };
            Assert.True(Text("Description").Length > 10, $"{Text("Where")}: no description");
            Assert.Equal((Text("Where"), Flag("Mandatory") ? "true" : "false", expected), (Text("Where"), Text("Required"), Text("PipelineInput")));
        });
    }

    [Fact]
    public void Examples_that_show_output_keep_their_command_and_types_and_defaults_read_as_users_write_them()
    {
        // An example with an output block shows the command first, then what it prints.
        var example = Strings("(Get-Help Get-PartnerBadge -Examples).examples.example[1] | Out-String -Width 200");
        Assert.Contains("Get-PartnerBadge -EntryId 774313e0-c0d9-466a-8819-1c4f6bd48d77", example[0], StringComparison.Ordinal);
        Assert.Contains("Gold Partner", example[0], StringComparison.Ordinal);

        // INPUTS name the type to pass (System.Guid), never Nullable`1[[…]], and the page's prose appears once.
        var inputs = Strings("(Get-Help Grant-LoyaltyBadge -Full).inputTypes.inputType | ForEach-Object { $_.type.name }");
        Assert.Contains("System.Guid", inputs);
        Assert.DoesNotContain(inputs, name => name.Contains("Nullable", StringComparison.Ordinal));
        var prose = Strings("@((Get-Help Grant-LoyaltyBadge -Full).inputTypes.inputType | Where-Object { $_.description.Text }).Count");
        Assert.Equal("1", prose.Single());

        // Defaults the page states are the ones Get-Help shows.
        Assert.Equal("4", Strings("(Get-Help Set-LoyaltyBadge -Parameter ThrottleLimit).defaultValue").Single());
        Assert.Equal("active", Strings("(Get-Help Grant-LoyaltyBadge -Parameter Status).defaultValue").Single());
        Assert.Equal("1000", Strings("(Get-Help Get-LoyaltyBadge -Parameter PageSize).defaultValue").Single());
    }

    [Fact]
    public void Lists_keep_one_item_a_line_each_input_and_output_type_has_its_own_text_and_no_page_shows_empty_notes()
    {
        var docs = Path.Combine(EngineSession.RepoRoot, "docs", "en-US");
        foreach (var cmdlet in Cmdlets())
        {
            var page = File.ReadAllText(Path.Combine(docs, cmdlet + ".md")).Replace("\r\n", "\n");
            var help = _session.Run("""
                $help = Get-Help $Name -Full
                [pscustomobject]@{
                    Description = ($help.description.Text -join "`n")
                    Types = @(@($help.inputTypes.inputType) + @($help.returnValues.returnValue) | ForEach-Object { "$($_.type.name)=$(@($_.description.Text) -join ' ')" })
                    Notes = $null -ne $help.alertSet
                }
                """, ("Name", cmdlet)).ThrowIfErrors().Output.Single();

            // Each "- item" of the page's description starts a line of its own in help.
            var description = page.Split("## DESCRIPTION")[1].Split("\n## ")[0];
            var items = System.Text.RegularExpressions.Regex.Matches(description, @"(?m)^- ").Count;
            Assert.Equal((cmdlet, items), (cmdlet, System.Text.RegularExpressions.Regex.Matches((string)help.Properties["Description"].Value, @"(?m)^- ").Count));

            // A type's text never holds another type's name: each "### Type" of INPUTS and OUTPUTS owns what is under it.
            var types = LanguagePrimitives.GetEnumerable(help.Properties["Types"].Value).Cast<object>().Select(t => t.ToString()!).ToList();
            Assert.All(types, t => Assert.DoesNotMatch(@"=.*\b(System|BadgeAdmin)\.[A-Za-z.]+\.[A-Z]\w+(\[\])?\b", t));
            Assert.Equal((cmdlet, page.Contains("\n## NOTES", StringComparison.Ordinal)), (cmdlet, (bool)help.Properties["Notes"].Value));
        }

        var waits = Strings("(Get-Help Wait-LoyaltyBadgeDataJob -Full).inputTypes.inputType | ForEach-Object { \"$($_.type.name): $($_.description.Text)\" }");
        Assert.Equal(new[]
        {
            "BadgeAdmin.Core.Snag.Models.LoyaltyBadge: Badges from New-LoyaltyBadge, Set-LoyaltyBadge -PassThru or Get-LoyaltyBadge.",
            "System.Guid[]: Badge ids.",
        }, waits);
    }

    [Theory]
    [InlineData("Wait-LoyaltyBadgeDataJob", "TimeoutSec", "600")] // declared beside the code: [PSDefaultValue]
    [InlineData("Get-LoyaltyBadge", "WebsiteId", "the connection's website (Connect-Snag -WebsiteId); none with -Id")] // stated on the page
    [InlineData("New-LoyaltyBadge", "OrganizationId", "the connection's organization (Connect-Snag -OrganizationId)")]
    [InlineData("Set-LoyaltyBadge", "PassThru", "False")]
    public void Help_shows_the_default_a_parameter_has(string cmdlet, string parameter, string shown)
    {
        Assert.Equal(shown, Strings("(Get-Help $C -Parameter $P).defaultValue", ("C", cmdlet), ("P", parameter)).Single());
    }

    [Fact]
    public void The_syntax_shows_one_form_per_parameter_set()
    {
        foreach (var cmdlet in Cmdlets())
        {
            var sets = Strings("(Get-Command $Name).ParameterSets.Count", ("Name", cmdlet)).Single();
            var forms = Strings("@((Get-Help $Name).syntax.syntaxItem).Count", ("Name", cmdlet)).Single();
            Assert.True(sets == forms, $"{cmdlet}: {sets} parameter set(s), {forms} syntax form(s)");
        }
    }

    [Fact]
    public void Get_Help_about_BadgeAdmin_covers_connecting_the_sandbox_paging_retries_and_errors_in_console_width()
    {
        // Found beside the imported module, as after Import-Module ./out/BadgeAdmin/BadgeAdmin.psd1.
        var about = Strings("Get-Help about_BadgeAdmin | Out-String -Width 200").Single().Replace("\r\n", "\n");

        Assert.Contains("about_BadgeAdmin", about);
        foreach (var section in new[] { "SHORT DESCRIPTION", "CONNECTING", "THE SANDBOX", "PAGING", "RETRIES AND TIMEOUTS", "ERRORS" })
        {
            Assert.Contains("\n" + section + "\n", about);
        }

        Assert.All(about.Split('\n'), line => Assert.True(line.Length <= 100, $"too long for a console: {line}"));
    }

    [Theory]
    [InlineData("Set-PartnerBadge.md", @"(### -Order\n)(?:(?!#).*\n)*", "$1\n", "Set-PartnerBadge: parameter -Order is not described")]
    [InlineData("Get-LoyaltyBadge.md", @"(### -WebsiteId\n).*\n\nDefault: .*\n", "$1The website to list; the connection's by default.\n",
        "Get-LoyaltyBadge: -WebsiteId says it has a default, but help would show 'Default value None'")]
    public async Task The_help_compiler_refuses_a_page_that_leaves_a_parameter_undescribed_or_its_default_unshown(string file, string pattern, string replacement, string problem)
    {
        // The build step that writes en-US/BadgeAdmin.dll-Help.xml, run as the build runs it, on docs with one page
        // edited: it must fail, name the parameter and write no help.
        var docs = Directory.CreateTempSubdirectory("badgeadmin-docs");
        var module = Directory.CreateTempSubdirectory("badgeadmin-module");
        try
        {
            foreach (var path in Directory.GetFiles(Path.Combine(EngineSession.RepoRoot, "docs", "en-US"))) File.Copy(path, Path.Combine(docs.FullName, Path.GetFileName(path)));
            var page = Path.Combine(docs.FullName, file);
            var text = File.ReadAllText(page).Replace("\r\n", "\n");
            var edited = System.Text.RegularExpressions.Regex.Replace(text, pattern, replacement);
            Assert.NotEqual(text, edited);
            File.WriteAllText(page, edited);
            var builtDlls = Path.Combine(Path.GetDirectoryName(EngineSession.ModuleManifest)!, "bin", "net8.0");
            foreach (var path in Directory.GetFiles(builtDlls, "*.dll")) File.Copy(path, Path.Combine(module.FullName, Path.GetFileName(path)));

            var compiler = AppContext.BaseDirectory.Replace(Path.Combine("tests", "BadgeAdmin.Engine.Tests"), Path.Combine("src", "BadgeAdmin.HelpCompiler"), StringComparison.Ordinal);
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList =
                {
                    Path.Combine(compiler, "BadgeAdmin.HelpCompiler.dll"), docs.FullName, Path.Combine(module.FullName, "BadgeAdmin.dll"), module.FullName,
                    typeof(PSCmdlet).Assembly.Location,
                },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            await process.WaitForExitAsync(timeout.Token);
            await output;

            Assert.Equal(1, process.ExitCode);
            Assert.Contains(problem, await errors);
            Assert.False(File.Exists(Path.Combine(module.FullName, "en-US", "BadgeAdmin.dll-Help.xml")));
        }
        finally
        {
            docs.Delete(true);
            module.Delete(true);
        }
    }
}
