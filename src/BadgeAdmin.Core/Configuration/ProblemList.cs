using System.Collections.Generic;
using System.Linq;
using BadgeAdmin.Core.Configuration.Syntax;

namespace BadgeAdmin.Core.Configuration;

/// <summary>The problems found in one file, gathered so the user sees all of them at once, in the file's order.</summary>
internal sealed class ProblemList
{
    private readonly List<ConfigurationProblem> _problems = new();

    public ProblemList(string file) => File = file;

    public string File { get; }

    public int Count => _problems.Count;

    public void Add(int line, string property, string message) => _problems.Add(new ConfigurationProblem(File, line, property, message));

    public void ThrowIfAny()
    {
        // Some problems are known only once a list or an object has been read (a duplicate name, a missing property):
        // ordered by line (a stable sort), they read top to bottom like the file.
        if (_problems.Count > 0) throw new ConfigurationFileException(_problems.OrderBy(p => p.Line).ToArray());
    }
}
