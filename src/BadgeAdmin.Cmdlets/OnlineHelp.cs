namespace BadgeAdmin.Cmdlets;

/// <summary>Where Get-Help -Online sends users: each cmdlet's help page as published with the sources.</summary>
internal static class OnlineHelp
{
    /// <summary>Followed by the cmdlet's name and ".md" in each cmdlet's HelpUri (attribute arguments must be constants).</summary>
    internal const string Pages = "https://github.com/badgeadmin/BadgeAdmin/blob/main/docs/en-US/";
}
