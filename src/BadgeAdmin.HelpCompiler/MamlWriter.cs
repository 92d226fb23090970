using System.Xml.Linq;

namespace BadgeAdmin.HelpCompiler;

/// <summary>Writes MAML, the XML Get-Help reads for binary cmdlets (the file platyPS's New-ExternalHelp makes).</summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    /// <summary>Descriptions of the parameters PowerShell adds itself (SupportsShouldProcess, SupportsPaging).</summary>
    public static readonly IReadOnlyDictionary<string, string> EngineParameters = new Dictionary<string, string>
    {
        ["WhatIf"] = "Shows what would happen if the cmdlet runs. Nothing is sent to the service.",
        ["Confirm"] = "Prompts you for confirmation before each change. In automation pass -Confirm:$false to change without prompting.",
        ["First"] = "Gets only the first N objects. Listing stops as soon as they are written: no further page is requested.",
        ["Skip"] = "Skips the first N objects.",
        ["IncludeTotalCount"] = "Writes the total number of objects first known to the service (an \"unknown total\" where the API reports none) after the objects.",
    };

    public static XDocument Write(IEnumerable<(CmdletFacts Facts, CmdletDoc Doc, IReadOnlyDictionary<string, List<string>> SharedParameters)> cmdlets) =>
        new(new XDeclaration("1.0", "utf-8", null),
            new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
                cmdlets.Select(c => CommandElement(c.Facts, c.Doc, c.SharedParameters))));

    private static XElement CommandElement(CmdletFacts facts, CmdletDoc doc, IReadOnlyDictionary<string, List<string>> shared)
    {
        var parameters = AllParameters(facts).ToList();
        List<string> Describe(string name) =>
            doc.Parameters.TryGetValue(name, out var own) && own.Count > 0 ? own
            : shared.TryGetValue(name, out var common) ? common
            : EngineParameters.TryGetValue(name, out var engine) ? new List<string> { engine }
            : new List<string>();

        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml), new XAttribute(XNamespace.Xmlns + "command", Command), new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XElement(Command + "details",
                new XElement(Command + "name", facts.Name),
                new XElement(Command + "verb", facts.Verb),
                new XElement(Command + "noun", facts.Noun),
                new XElement(Maml + "description", Paragraphs(new[] { doc.Synopsis }))),
            new XElement(Maml + "description", Paragraphs(doc.Description)),
            new XElement(Command + "syntax", facts.Sets().Select(set =>
                new XElement(Command + "syntaxItem",
                    new XElement(Maml + "name", facts.Name),
                    parameters.Where(p => p.Parameter.In(set) is not null)
                        .OrderBy(p => p.Parameter.In(set)!.Position ?? int.MaxValue)
                        .Select(p => ParameterElement(p.Parameter, p.Parameter.In(set)!, Describe(p.Parameter.Name), inSyntax: true))))),
            new XElement(Command + "parameters", parameters.Select(p =>
                ParameterElement(p.Parameter, p.Parameter.Sets.Values.First(), Describe(p.Parameter.Name), inSyntax: false))),
            new XElement(Command + "inputTypes", Types(doc.Inputs, PipelineTypes(facts), Command + "inputType")),
            new XElement(Command + "returnValues", Types(doc.Outputs, facts.OutputTypes, Command + "returnValue")),
            doc.Notes.Count == 0 ? null : new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(doc.Notes))),
            new XElement(Command + "examples", doc.Examples.Select((example, i) =>
                new XElement(Command + "example",
                    new XElement(Maml + "title", $"-------------------------- {example.Title} --------------------------"),
                    new XElement(Dev + "code", example.Code),
                    new XElement(Dev + "remarks", Paragraphs(example.Remarks))))),
            new XElement(Maml + "relatedLinks", doc.RelatedLinks.Select(link =>
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", link), new XElement(Maml + "uri")))));
    }

    /// <summary>The cmdlet's own parameters, then those PowerShell adds for ShouldProcess and paging.</summary>
    private static IEnumerable<(ParameterFacts Parameter, bool Engine)> AllParameters(CmdletFacts facts)
    {
        foreach (var p in facts.Parameters) yield return (p, false);
        var engine = new List<(string Name, string Type)>();
        if (facts.SupportsShouldProcess) engine.AddRange(new[] { ("WhatIf", "SwitchParameter"), ("Confirm", "SwitchParameter") });
        if (facts.SupportsPaging) engine.AddRange(new[] { ("IncludeTotalCount", "SwitchParameter"), ("Skip", "UInt64"), ("First", "UInt64") });
        foreach (var (name, type) in engine)
        {
            var parameter = new ParameterFacts { Name = name, TypeName = "System.Management.Automation." + type, ShortType = type, IsSwitch = type == "SwitchParameter" };
            parameter.Sets[CmdletFacts.AllSets] = new ParameterSetFacts(false, null, false, false);
            yield return (parameter, true);
        }
    }

    private static XElement ParameterElement(ParameterFacts parameter, ParameterSetFacts set, List<string> description, bool inSyntax)
    {
        var element = new XElement(Command + "parameter",
            new XAttribute("required", set.Mandatory ? "true" : "false"),
            new XAttribute("variableLength", parameter.TypeName.EndsWith("[]", StringComparison.Ordinal) ? "true" : "false"),
            new XAttribute("globbing", parameter.SupportsWildcards ? "true" : "false"),
            new XAttribute("pipelineInput", parameter.PipelineInput(set)),
            new XAttribute("position", set.Position?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "named"),
            new XAttribute("aliases", parameter.Aliases.Count == 0 ? "none" : string.Join(", ", parameter.Aliases)),
            new XElement(Maml + "name", parameter.Name),
            new XElement(Maml + "description", Paragraphs(description)));
        if (parameter.ValidValues.Count > 0)
        {
            element.Add(new XElement(Command + "parameterValueGroup", parameter.ValidValues.Select(v =>
                new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v))));
        }

        if (!parameter.IsSwitch || !inSyntax)
        {
            element.Add(new XElement(Command + "parameterValue", new XAttribute("required", parameter.IsSwitch ? "false" : "true"), new XAttribute("variableLength", "false"), parameter.ShortType));
        }

        element.Add(new XElement(Dev + "type", new XElement(Maml + "name", parameter.TypeName), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", DefaultValue(parameter, description)));
        return element;
    }

    /// <summary>The types of the parameters that take pipeline input, by value or by property name.</summary>
    private static IReadOnlyList<string> PipelineTypes(CmdletFacts facts) =>
        facts.Parameters.Where(p => p.Sets.Values.Any(s => s.ByValue || s.ByPropertyName)).Select(p => p.TypeName).Distinct().ToList();

    /// <summary>
    /// The page's types, each with the text under it, in the page's order; then the types the assembly names (pipeline
    /// parameters, [OutputType]) that the page does not; "None" when there are none. Text above the page's first type
    /// goes under the first one.
    /// </summary>
    private static IEnumerable<XElement> Types(List<DocType> page, IReadOnlyList<string> declared, XName element)
    {
        var general = page.Where(t => t.Name.Length == 0).SelectMany(t => t.Description).ToList();
        var types = page.Where(t => t.Name.Length > 0).Select(t => (t.Name, Text: (IEnumerable<string>)t.Description)).ToList();
        types.AddRange(declared.Where(d => !types.Any(t => t.Name == d)).Select(d => (d, Enumerable.Empty<string>())));
        if (types.Count == 0) types.Add(("None", Enumerable.Empty<string>()));
        return types.Select((type, i) => new XElement(element,
            new XElement(Dev + "type", new XElement(Maml + "name", type.Name)),
            new XElement(Maml + "description", Paragraphs(i == 0 ? general.Concat(type.Text) : type.Text))));
    }

    /// <summary>
    /// The default the parameter declares ([PSDefaultValue]), else what its page says after "Default: " (a paragraph of
    /// its own), else False for switches and None.
    /// </summary>
    public static string DefaultValue(ParameterFacts parameter, List<string> description)
    {
        const string Marker = "Default: ";
        if (parameter.DefaultValue is { } declared) return declared;
        var stated = description.Select(p => p.Trim()).LastOrDefault(p => p.StartsWith(Marker, StringComparison.Ordinal));
        if (stated is not null) return stated[Marker.Length..].TrimEnd('.');
        return parameter.IsSwitch ? "False" : "None";
    }

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(Maml + "para", p));
}
