namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>What a change does (the values of <see cref="BadgeConfigurationChange.Action"/>) and how a plan shows it.</summary>
public static class ChangeActions
{
    public const string Create = "Create";
    public const string Update = "Update";
    public const string Delete = "Delete";
    public const string Replace = "Replace";
    public const string Attach = "Attach";
    public const string Detach = "Detach";
    public const string Reorder = "Reorder";

    public static string SymbolOf(string action) => action switch
    {
        Create or Attach => "+",
        Update or Reorder => "~",
        Delete or Detach => "-",
        Replace => "-/+",
        _ => "?",
    };

    /// <summary>Whether the change removes something from the server (a delete, detach, or the delete half of a replace).</summary>
    public static bool Removes(string action) => action is Delete or Detach or Replace;
}
