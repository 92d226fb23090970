using System.Collections.Generic;
using BadgeAdmin.Core.Configuration.Syntax;

namespace BadgeAdmin.Core.Configuration;

/// <summary>The problems found in one file, gathered so the user sees all of them at once.</summary>
internal sealed class ProblemList
{
    private readonly List<ConfigurationProblem> _problems = new();

    public ProblemList(string file) => File = file;

    public string File { get; }

    public int Count => _problems.Count;

    public void Add(ConfigNode? at, string property, string message) => Add(at?.Line ?? 0, property, message);

    public void Add(int line, string property, string message) => _problems.Add(new ConfigurationProblem(File, line, property, message));

    public void ThrowIfAny()
    {
        if (_problems.Count > 0) throw new ConfigurationFileException(_problems.ToArray());
    }
}
