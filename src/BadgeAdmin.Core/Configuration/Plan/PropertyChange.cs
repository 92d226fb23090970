namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>One property of a change: its value on the server now (Before) and in the file (After). Lists (conditions, rewards) are one line of JSON.</summary>
public sealed class PropertyChange
{
    public PropertyChange(string property, object? before, object? after)
    {
        Property = property;
        Before = before;
        After = after;
    }

    /// <summary>The property as the file names it (name, image, description, conditions, order…).</summary>
    public string Property { get; }

    public object? Before { get; }

    public object? After { get; }

    public override string ToString() => $"{Property}: {Show(Before)} → {Show(After)}";

    internal static string Show(object? value) => value switch
    {
        null => "(none)",
        string text => "'" + text + "'",
        bool flag => flag ? "true" : "false",
        _ => value.ToString() ?? string.Empty,
    };
}
