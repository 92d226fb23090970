using System.Reflection;

namespace BadgeAdmin.Tests.Support;

/// <summary>
/// A model of how PowerShell binds one pipeline object to a cmdlet, from the cmdlet's metadata: command-line
/// parameters first, then ValueFromPipeline by type without coercion, then ValueFromPipelineByPropertyName by name
/// or alias, narrowing the candidate parameter sets at each binding; finally one set must have all its mandatory
/// parameters. It lets a test prove that a pipeline from the issues binds exactly the parameters it should.
/// </summary>
internal static class PipelineBinder
{
    public sealed record Outcome(ISet<string> Bound, string? ParameterSet, string? Problem);

    /// <param name="cmdlet">The receiving cmdlet.</param>
    /// <param name="commandLine">Parameters given on the command line.</param>
    /// <param name="inputType">The piped object's .NET type, or null for a PSCustomObject (e.g. an Import-Csv row).</param>
    /// <param name="inputProperties">The piped object's property names (for a .NET type, its public properties).</param>
    public static Outcome Bind(CmdletInfo cmdlet, IEnumerable<string> commandLine, Type? inputType, IEnumerable<string>? inputProperties = null)
    {
        var properties = (inputProperties ?? inputType!.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => p.Name))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        var bound = new HashSet<string>(StringComparer.Ordinal);
        var sets = cmdlet.SetNames();

        foreach (var name in commandLine)
        {
            var parameter = cmdlet.Parameter(name);
            bound.Add(parameter.Name);
            sets = Narrow(sets, parameter);
        }

        // Pass 1: by value, the object's own type (no coercion).
        foreach (var parameter in cmdlet.Parameters.Where(p => !bound.Contains(p.Name)))
        {
            if (inputType is null || !sets.Any(s => parameter.For(s) is { ValueFromPipeline: true })) continue;
            var target = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
            if (!target.IsAssignableFrom(inputType)) continue;
            bound.Add(parameter.Name);
            sets = Narrow(sets, parameter);
        }

        // Pass 2: by property name, matching the parameter's name or any alias.
        foreach (var parameter in cmdlet.Parameters.Where(p => !bound.Contains(p.Name)))
        {
            if (!sets.Any(s => parameter.For(s) is { ValueFromPipelineByPropertyName: true })) continue;
            if (!parameter.Names.Any(properties.Contains)) continue;
            bound.Add(parameter.Name);
            sets = Narrow(sets, parameter);
        }

        var complete = sets.Where(s => cmdlet.Parameters.All(p => p.For(s) is not { Mandatory: true } || bound.Contains(p.Name))).ToList();
        if (complete.Count == 1) return new Outcome(bound, complete[0], null);
        if (complete.Count > 1 && cmdlet.DefaultParameterSetName is { } fallback && complete.Contains(fallback)) return new Outcome(bound, fallback, null);
        if (complete.Count > 1 && complete.Contains(CmdletInfo.AllSets)) return new Outcome(bound, CmdletInfo.AllSets, null);
        return new Outcome(bound, null, complete.Count == 0
            ? $"no parameter set has all its mandatory parameters (bound: {string.Join(", ", bound)})"
            : $"parameter set cannot be resolved between {string.Join(", ", complete)}");
    }

    private static ISet<string> Narrow(ISet<string> sets, ParameterInfo parameter) =>
        sets.Where(parameter.InSet).ToHashSet();
}
