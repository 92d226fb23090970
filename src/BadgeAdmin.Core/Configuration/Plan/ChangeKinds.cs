namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>The kinds of item a configuration manages (the values of <see cref="BadgeConfigurationChange.Kind"/>).</summary>
public static class ChangeKinds
{
    public const string DirectoryBadge = "DirectoryBadge";
    public const string EntryBadge = "EntryBadge";
    public const string LoyaltyBadge = "LoyaltyBadge";
}
