namespace BadgeAdmin.Core.Configuration.Syntax;

/// <summary>
/// A value read from a configuration file (JSON or YAML), with the line and column it starts at, so every problem
/// found later can name where it is. JSON and YAML are both read into these nodes; the model is read from them.
/// </summary>
public abstract class ConfigNode
{
    protected ConfigNode(int line, int column)
    {
        Line = line;
        Column = column;
    }

    /// <summary>1-based line of the value's first character (0 for a node built in memory).</summary>
    public int Line { get; }

    /// <summary>1-based column of the value's first character.</summary>
    public int Column { get; }

    /// <summary>What the value is, in a user's words ("a string", "a list"), for messages.</summary>
    public abstract string Describe();
}
