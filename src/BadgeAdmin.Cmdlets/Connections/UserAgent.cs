namespace BadgeAdmin.Cmdlets.Connections;

/// <summary>The User-Agent every request carries: BadgeAdmin/&lt;module version&gt; PowerShell/&lt;engine version&gt;.</summary>
internal static class UserAgent
{
    private static readonly string ModuleVersion = typeof(UserAgent).Assembly.GetName().Version?.ToString(3) ?? "0.0.0";

    public static string For(string? powerShellVersion) => $"BadgeAdmin/{ModuleVersion} PowerShell/{powerShellVersion ?? "unknown"}";
}
