using System.Diagnostics;
using System.Xml.Linq;
using BadgeAdmin.Tests.Support;

namespace BadgeAdmin.Tests.Module;

/// <summary>
/// The built help (out/BadgeAdmin/en-US), as Get-Help -Full would show it: every exported cmdlet with a synopsis, a
/// description, every parameter described with its pipeline input and whether it is required, and at least two
/// examples, one of them a pipeline; and the about_BadgeAdmin topic.
/// </summary>
public sealed class HelpTests : IClassFixture<BuiltModuleFixture>
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private readonly BuiltModule _module;
    private readonly Dictionary<string, XElement> _help;

    public HelpTests(BuiltModuleFixture fixture)
    {
        _module = fixture.Module;
        var document = XDocument.Load(Path.Combine(_module.Folder, "en-US", "BadgeAdmin.Cmdlets.dll-Help.xml"));
        _help = document.Root!.Elements(Command + "command").ToDictionary(c => c.Element(Command + "details")!.Element(Command + "name")!.Value);
    }

    private static string Text(XElement? element) => string.Join(" ", element?.Elements(Maml + "para").Select(p => p.Value) ?? Array.Empty<string>()).Trim();

    [Fact]
    public void Every_exported_cmdlet_has_help_and_no_help_names_a_missing_cmdlet()
    {
        Assert.Equal(_module.Cmdlets.Select(c => c.Name).Order(StringComparer.Ordinal), _help.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_cmdlet_has_a_synopsis_a_description_and_two_examples_one_a_pipeline()
    {
        Assert.All(_module.Cmdlets, cmdlet =>
        {
            var help = _help[cmdlet.Name];
            Assert.False(string.IsNullOrWhiteSpace(Text(help.Element(Command + "details")!.Element(Maml + "description"))), $"{cmdlet.Name}: no synopsis");
            Assert.True(Text(help.Element(Maml + "description")).Length > 40, $"{cmdlet.Name}: no real description");
            var examples = help.Element(Command + "examples")!.Elements(Command + "example").ToList();
            Assert.True(examples.Count >= 2, $"{cmdlet.Name}: {examples.Count} example(s)");
            Assert.All(examples, e => Assert.False(string.IsNullOrWhiteSpace(e.Element(Dev + "code")!.Value), $"{cmdlet.Name}: an example without code"));
            Assert.Contains(examples, e => e.Element(Dev + "code")!.Value.Contains('|'));
            Assert.Contains(examples, e => e.Element(Dev + "code")!.Value.Contains(cmdlet.Name, StringComparison.OrdinalIgnoreCase));
        });
    }

    [Fact]
    public void Every_parameter_is_described_with_its_pipeline_input_and_whether_it_is_required()
    {
        foreach (var cmdlet in _module.Cmdlets)
        {
            var documented = _help[cmdlet.Name].Element(Command + "parameters")!.Elements(Command + "parameter")
                .ToDictionary(p => p.Element(Maml + "name")!.Value);
            foreach (var parameter in cmdlet.Parameters)
            {
                Assert.True(documented.TryGetValue(parameter.Name, out var help), $"{cmdlet.Name}: -{parameter.Name} missing from help");
                Assert.True(Text(help!.Element(Maml + "description")).Length > 10, $"{cmdlet.Name}: -{parameter.Name} has no description");
                var first = parameter.Sets[0];
                Assert.Equal(first.Mandatory ? "true" : "false", help.Attribute("required")!.Value);
                var expected = (first.ValueFromPipeline, first.ValueFromPipelineByPropertyName) switch
                {
                    (true, true) => "True (ByPropertyName, ByValue)",
                    (true, false) => "True (ByValue)",
                    (false, true) => "True (ByPropertyName)",
                    _ => "False",
                };
                Assert.Equal(expected, help.Attribute("pipelineInput")!.Value);
            }

            if (cmdlet.SupportsShouldProcess) Assert.True(documented.ContainsKey("WhatIf") && documented.ContainsKey("Confirm"), cmdlet.Name);
        }
    }

    [Fact]
    public void Syntax_has_one_item_per_parameter_set()
    {
        foreach (var cmdlet in _module.Cmdlets)
        {
            var items = _help[cmdlet.Name].Element(Command + "syntax")!.Elements(Command + "syntaxItem").Count();
            Assert.Equal(cmdlet.SetNames().Count, items);
        }
    }

    [Fact]
    public void The_about_topic_covers_connecting_the_sandbox_paging_retries_and_errors()
    {
        var about = File.ReadAllText(Path.Combine(_module.Folder, "en-US", "about_BadgeAdmin.help.txt"));

        Assert.StartsWith("TOPIC", about);
        foreach (var section in new[] { "SHORT DESCRIPTION", "CONNECTING", "THE SANDBOX", "PAGING", "RETRIES AND TIMEOUTS", "ERRORS" })
        {
            Assert.Contains("\n" + section + "\n", about.Replace("\r\n", "\n"));
        }

        Assert.All(about.Replace("\r\n", "\n").Split('\n'), line => Assert.True(line.Length <= 100, $"too long for a console: {line}"));
    }

    [Fact]
    public void The_build_refuses_help_with_a_parameter_left_undescribed()
    {
        var docs = Directory.CreateTempSubdirectory("badgeadmin-docs");
        try
        {
            foreach (var file in Directory.GetFiles(Path.Combine(BuiltModule.RepoRoot, "docs", "en-US"))) File.Copy(file, Path.Combine(docs.FullName, Path.GetFileName(file)));
            var page = Path.Combine(docs.FullName, "Set-PartnerBadge.md");
            File.WriteAllText(page, File.ReadAllText(page).Replace("### -Order\nThe new position, 0 first.\n", ""));
            var module = Directory.CreateTempSubdirectory("badgeadmin-module");
            foreach (var file in Directory.GetFiles(_module.Folder, "*.dll", SearchOption.AllDirectories))
            {
                var target = Path.Combine(module.FullName, Path.GetRelativePath(_module.Folder, file));
                Directory.CreateDirectory(Path.GetDirectoryName(target)!);
                File.Copy(file, target);
            }

            var compiler = AppContext.BaseDirectory.Replace(Path.Combine("tests", "BadgeAdmin.Tests"), Path.Combine("src", "BadgeAdmin.HelpCompiler"));
            var start = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { Path.Combine(compiler, "BadgeAdmin.HelpCompiler.dll"), docs.FullName, module.FullName, typeof(System.Management.Automation.Cmdlet).Assembly.Location },
                RedirectStandardError = true,
                RedirectStandardOutput = true,
            };
            using var process = Process.Start(start)!;
            var errors = process.StandardError.ReadToEnd();
            process.WaitForExit(60_000);

            Assert.Equal(1, process.ExitCode);
            Assert.Contains("Set-PartnerBadge: parameter -Order is not described", errors);
            Assert.False(File.Exists(Path.Combine(module.FullName, "en-US", "BadgeAdmin.Cmdlets.dll-Help.xml")));
            module.Delete(true);
        }
        finally
        {
            docs.Delete(true);
        }
    }
}
