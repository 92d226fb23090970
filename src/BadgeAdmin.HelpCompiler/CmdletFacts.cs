using System.Reflection;

namespace BadgeAdmin.HelpCompiler;

/// <summary>A cmdlet as its compiled attributes describe it (read with MetadataLoadContext, nothing executed).</summary>
internal sealed class CmdletFacts
{
    public const string AllSets = "__AllParameterSets";

    public required string Name { get; init; }
    public required string Verb { get; init; }
    public required string Noun { get; init; }
    public bool SupportsShouldProcess { get; init; }
    public bool SupportsPaging { get; init; }
    public string? DefaultSet { get; init; }
    public List<ParameterFacts> Parameters { get; } = new();
    public List<string> OutputTypes { get; } = new();

    public IReadOnlyList<string> Sets()
    {
        var sets = Parameters.SelectMany(p => p.Sets.Keys).Where(s => s != AllSets).Distinct().ToList();
        if (sets.Count == 0) return new[] { AllSets };
        if (DefaultSet is not null && sets.Remove(DefaultSet)) sets.Insert(0, DefaultSet);
        return sets;
    }

    public static IEnumerable<CmdletFacts> From(Assembly assembly)
    {
        foreach (var type in assembly.GetExportedTypes().Where(t => !t.IsAbstract))
        {
            var cmdlet = type.GetCustomAttributesData().FirstOrDefault(a => a.AttributeType.Name == "CmdletAttribute");
            if (cmdlet is null) continue;
            var named = cmdlet.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value);
            var facts = new CmdletFacts
            {
                Verb = (string)cmdlet.ConstructorArguments[0].Value!,
                Noun = (string)cmdlet.ConstructorArguments[1].Value!,
                Name = $"{cmdlet.ConstructorArguments[0].Value}-{cmdlet.ConstructorArguments[1].Value}",
                SupportsShouldProcess = named.TryGetValue("SupportsShouldProcess", out var s) && s is true,
                SupportsPaging = named.TryGetValue("SupportsPaging", out var p) && p is true,
                DefaultSet = named.TryGetValue("DefaultParameterSetName", out var d) ? d as string : null,
            };
            foreach (var output in type.GetCustomAttributesData().Where(a => a.AttributeType.Name == "OutputTypeAttribute"))
            {
                facts.OutputTypes.AddRange(((IEnumerable<CustomAttributeTypedArgument>)output.ConstructorArguments[0].Value!).Select(v => ((Type)v.Value!).FullName!));
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var attributes = property.GetCustomAttributesData();
                var parameters = attributes.Where(a => a.AttributeType.Name == "ParameterAttribute").ToList();
                if (parameters.Count == 0) continue;
                var parameter = new ParameterFacts
                {
                    Name = property.Name,
                    TypeName = FullName(property.PropertyType),
                    ShortType = ShortName(property.PropertyType),
                    IsSwitch = property.PropertyType.FullName == "System.Management.Automation.SwitchParameter",
                    SupportsWildcards = attributes.Any(a => a.AttributeType.Name == "SupportsWildcardsAttribute"),
                    DefaultValue = DefaultValue(attributes),
                };
                parameter.Aliases.AddRange(attributes.Where(a => a.AttributeType.Name == "AliasAttribute")
                    .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!)));
                parameter.ValidValues.AddRange(attributes.Where(a => a.AttributeType.Name == "ValidateSetAttribute")
                    .SelectMany(a => ((IEnumerable<CustomAttributeTypedArgument>)a.ConstructorArguments[0].Value!).Select(v => (string)v.Value!)));
                foreach (var attribute in parameters)
                {
                    var values = attribute.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value);
                    var set = values.TryGetValue("ParameterSetName", out var n) ? (string)n! : AllSets;
                    parameter.Sets[set] = new ParameterSetFacts(
                        values.TryGetValue("Mandatory", out var m) && m is true,
                        values.TryGetValue("Position", out var pos) ? (int?)pos : null,
                        values.TryGetValue("ValueFromPipeline", out var v) && v is true,
                        values.TryGetValue("ValueFromPipelineByPropertyName", out var b) && b is true);
                }

                facts.Parameters.Add(parameter);
            }

            yield return facts;
        }
    }

    /// <summary>What [PSDefaultValue(Value = …)] (or its Help text) declares: the default kept beside the code that applies it.</summary>
    private static string? DefaultValue(IList<CustomAttributeData> attributes)
    {
        var declared = attributes.FirstOrDefault(a => a.AttributeType.Name == "PSDefaultValueAttribute");
        if (declared is null) return null;
        var named = declared.NamedArguments.ToDictionary(a => a.MemberName, a => a.TypedValue.Value);
        if (named.TryGetValue("Value", out var value) && value is not null) return Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture);
        return named.TryGetValue("Help", out var help) ? help as string : null;
    }

    /// <summary>System.Guid for a Guid? (help shows what to pass, not Nullable`1[[…, Version=…]]); arrays keep their [].</summary>
    private static string FullName(Type type)
    {
        if (type.IsArray) return FullName(type.GetElementType()!) + "[]";
        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1") return FullName(type.GetGenericArguments()[0]);
        return type.FullName ?? type.Name;
    }

    private static string ShortName(Type type)
    {
        if (type.IsArray) return ShortName(type.GetElementType()!) + "[]";
        if (type.IsGenericType && type.GetGenericTypeDefinition().FullName == "System.Nullable`1") return ShortName(type.GetGenericArguments()[0]);
        return type.Name;
    }
}

internal sealed class ParameterFacts
{
    public required string Name { get; init; }
    public required string TypeName { get; init; }
    public required string ShortType { get; init; }
    public bool IsSwitch { get; init; }

    /// <summary>The parameter carries [SupportsWildcards]: help says "Accept wildcard characters? true".</summary>
    public bool SupportsWildcards { get; init; }

    /// <summary>The default the parameter declares with [PSDefaultValue], if any.</summary>
    public string? DefaultValue { get; init; }

    public List<string> Aliases { get; } = new();
    public List<string> ValidValues { get; } = new();
    public Dictionary<string, ParameterSetFacts> Sets { get; } = new();

    public ParameterSetFacts? In(string set) => Sets.TryGetValue(set, out var own) ? own : Sets.TryGetValue(CmdletFacts.AllSets, out var all) ? all : null;

    public string PipelineInput(ParameterSetFacts facts) => (facts.ByValue, facts.ByPropertyName) switch
    {
        (true, true) => "True (ByPropertyName, ByValue)",
        (true, false) => "True (ByValue)",
        (false, true) => "True (ByPropertyName)",
        _ => "False",
    };
}

internal sealed record ParameterSetFacts(bool Mandatory, int? Position, bool ByValue, bool ByPropertyName);
