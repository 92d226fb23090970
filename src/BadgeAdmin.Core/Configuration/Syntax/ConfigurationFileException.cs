using System;
using System.Collections.Generic;
using System.Linq;

namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>
/// A configuration file that cannot be used: not JSON or YAML, or not the schema's shape. Raised before any request;
/// <see cref="Problems"/> lists each one with its file, line and property (the message shows the first ones).
/// </summary>
public sealed class ConfigurationFileException : Exception
{
    /// <summary>How many problems the message spells out; all of them are in <see cref="Problems"/>.</summary>
    public const int ShownInMessage = 10;

    public ConfigurationFileException(IReadOnlyList<ConfigurationProblem> problems)
        : base(Describe(problems))
    {
        Problems = problems;
    }

    public ConfigurationFileException(ConfigurationProblem problem)
        : this(new[] { problem })
    {
    }

    public IReadOnlyList<ConfigurationProblem> Problems { get; }

    private static string Describe(IReadOnlyList<ConfigurationProblem> problems)
    {
        if (problems.Count == 1) return problems[0] + (problems[0].Message.EndsWith(".", StringComparison.Ordinal) ? string.Empty : ".");
        var shown = problems.Take(ShownInMessage).Select(p => "  " + p);
        var more = problems.Count > ShownInMessage ? $"{Environment.NewLine}  … and {problems.Count - ShownInMessage} more." : string.Empty;
        return $"{problems.Count} problems in {problems[0].File}:{Environment.NewLine}{string.Join(Environment.NewLine, shown)}{more}";
    }
}
