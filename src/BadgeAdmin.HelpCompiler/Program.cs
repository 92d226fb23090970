using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using BadgeAdmin.HelpCompiler;

// Usage: BadgeAdmin.HelpCompiler <docs folder> <cmdlet assembly> <module folder> <engine reference assembly>
// Writes <module folder>/en-US/<cmdlet assembly file>-Help.xml and the about_ topics. Exits 1, naming what is missing,
// when a cmdlet has no page, a page names no cmdlet, a parameter has no description or a default its help would not
// show, or examples are too few.
if (args.Length != 4)
{
    Console.Error.WriteLine("Usage: BadgeAdmin.HelpCompiler <docs/en-US> <BadgeAdmin.dll> <out/BadgeAdmin> <System.Management.Automation.dll>");
    return 2;
}

var (docsFolder, cmdletAssemblyPath, moduleFolder, engine) = (args[0], args[1], args[2], args[3]);
var paths = Directory.GetFiles(Path.GetDirectoryName(Path.GetFullPath(cmdletAssemblyPath))!, "*.dll")
    .Append(engine)
    .Concat(Directory.GetFiles(RuntimeEnvironment.GetRuntimeDirectory(), "*.dll"))
    .GroupBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase).Select(g => g.First());
using var context = new MetadataLoadContext(new PathAssemblyResolver(paths), "System.Private.CoreLib");
var facts = CmdletFacts.From(context.LoadFromAssemblyPath(cmdletAssemblyPath)).OrderBy(f => f.Name, StringComparer.Ordinal).ToList();

var problems = new List<string>();
var shared = File.Exists(Path.Combine(docsFolder, "shared-parameters.md"))
    ? MarkdownReader.Read(Path.Combine(docsFolder, "shared-parameters.md")).Parameters
    : new Dictionary<string, List<string>>();
var pages = Directory.GetFiles(docsFolder, "*-*.md")
    .Where(f => !Path.GetFileName(f).Equals("shared-parameters.md", StringComparison.OrdinalIgnoreCase))
    .Select(MarkdownReader.Read).ToDictionary(d => d.Name, StringComparer.OrdinalIgnoreCase);
var compiled = new List<(CmdletFacts, CmdletDoc, IReadOnlyDictionary<string, List<string>>)>();
foreach (var cmdlet in facts)
{
    if (!pages.TryGetValue(cmdlet.Name, out var doc))
    {
        problems.Add($"{cmdlet.Name}: no page {cmdlet.Name}.md in {docsFolder}");
        continue;
    }

    if (string.IsNullOrWhiteSpace(doc.Synopsis)) problems.Add($"{cmdlet.Name}: no SYNOPSIS");
    if (doc.Description.Count == 0) problems.Add($"{cmdlet.Name}: no DESCRIPTION");
    if (doc.Examples.Count < 2) problems.Add($"{cmdlet.Name}: {doc.Examples.Count} example(s); at least two are needed");
    if (!doc.Examples.Any(e => e.Code.Contains('|'))) problems.Add($"{cmdlet.Name}: no example is a pipeline");
    foreach (var example in doc.Examples.Where(e => string.IsNullOrWhiteSpace(e.Code))) problems.Add($"{cmdlet.Name}: '{example.Title}' has no code");
    foreach (var parameter in cmdlet.Parameters)
    {
        var described = (doc.Parameters.TryGetValue(parameter.Name, out var own) && own.Count > 0) || shared.ContainsKey(parameter.Name);
        if (!described) problems.Add($"{cmdlet.Name}: parameter -{parameter.Name} is not described");

        // Help's "Default value" must not say None where the text says there is a default.
        var text = own is { Count: > 0 } ? own : shared.TryGetValue(parameter.Name, out var common) ? common : new List<string>();
        if (text.Any(p => Regex.IsMatch(p, @"\b(by default|unless given)\b")) && MamlWriter.DefaultValue(parameter, text) == "None")
        {
            problems.Add($"{cmdlet.Name}: -{parameter.Name} says it has a default, but help would show 'Default value None': declare it with [PSDefaultValue] or give it a 'Default: …' paragraph");
        }
    }

    foreach (var name in doc.Parameters.Keys.Where(n => !cmdlet.Parameters.Any(p => p.Name.Equals(n, StringComparison.OrdinalIgnoreCase)) && !MamlWriter.EngineParameters.ContainsKey(n)))
    {
        problems.Add($"{cmdlet.Name}: the page describes -{name}, which the cmdlet does not have");
    }

    compiled.Add((cmdlet, doc, shared));
}

foreach (var stray in pages.Keys.Where(name => !facts.Any(f => f.Name.Equals(name, StringComparison.OrdinalIgnoreCase))))
{
    problems.Add($"{stray}.md: no such cmdlet in the module");
}

if (problems.Count > 0)
{
    foreach (var problem in problems) Console.Error.WriteLine($"help: error: {problem}");
    return 1;
}

var output = Directory.CreateDirectory(Path.Combine(moduleFolder, "en-US")).FullName;
MamlWriter.Write(compiled).Save(Path.Combine(output, Path.GetFileName(cmdletAssemblyPath) + "-Help.xml"));
foreach (var about in Directory.GetFiles(docsFolder, "about_*.md"))
{
    File.WriteAllText(Path.Combine(output, Path.GetFileNameWithoutExtension(about) + ".help.txt"), AboutTopicWriter.Write(File.ReadAllText(about)));
}

Console.WriteLine($"help: {compiled.Count} cmdlets and {Directory.GetFiles(docsFolder, "about_*.md").Length} about topic(s) written to {output}");
return 0;
