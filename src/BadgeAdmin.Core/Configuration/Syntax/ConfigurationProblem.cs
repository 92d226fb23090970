namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>One thing wrong with a configuration file: where (file, line, property) and what.</summary>
public sealed class ConfigurationProblem
{
    public ConfigurationProblem(string file, int line, string property, string message)
    {
        File = file;
        Line = line;
        Property = property;
        Message = message;
    }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>1-based line; 0 when the problem concerns the whole file.</summary>
    public int Line { get; }

    /// <summary>Where in the file's structure, as a path of its own keys: <c>snag.websites[0].badges[3].imageUrl</c>; empty for the file itself.</summary>
    public string Property { get; }

    public string Message { get; }

    public override string ToString()
    {
        var where = Line > 0 ? $"{File}, line {Line}" : File;
        return Property.Length > 0 ? $"{where}, {Property}: {Message}" : $"{where}: {Message}";
    }
}
