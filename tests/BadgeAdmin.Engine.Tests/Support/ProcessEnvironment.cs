namespace BadgeAdmin.Engine.Tests.Support;

/// <summary>
/// Tests that set process environment variables ($env:SNAG_API_KEY in the hosted runspace is the test process's
/// environment). xunit runs this collection alone, after the parallel ones, so no other test reads a key set here.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessEnvironmentCollection
{
    public const string Name = "Process environment";
}

/// <summary>Remembers the given environment variables and puts them back on dispose, whatever a test set them to.</summary>
public sealed class EnvironmentVariablesRestored : IDisposable
{
    private readonly Dictionary<string, string?> _saved;

    public EnvironmentVariablesRestored(params string[] names) =>
        _saved = names.ToDictionary(name => name, Environment.GetEnvironmentVariable);

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
    }
}
