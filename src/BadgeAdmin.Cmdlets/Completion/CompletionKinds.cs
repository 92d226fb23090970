using System;
using BadgeAdmin.Core.Connections;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>
/// The kinds under which a connection's <see cref="RecentlySeen"/> remembers what was read, for tab completion and for
/// naming items in prompts; and the listings it knows to have been read whole.
/// </summary>
internal static class CompletionKinds
{
    public const string PartnerEntry = "PartnerEntry";

    /// <summary>Entries' badges, each also within its entry (<see cref="RecentlySeen.Within"/>).</summary>
    public const string PartnerBadge = "PartnerBadge";

    public const string PartnerDirectory = "PartnerDirectory";

    /// <summary>Directory badges, each also within its directory (<see cref="RecentlySeen.Within"/>).</summary>
    public const string PartnerDirectoryBadge = "PartnerDirectoryBadge";

    public const string LoyaltyBadge = "LoyaltyBadge";

    public const string LoyaltyWebsite = "LoyaltyWebsite";

    /// <summary>Users: their id, with their wallet address as the name; each also within the badge whose holders were listed.</summary>
    public const string LoyaltyUser = "LoyaltyUser";

    /// <summary>The listing of every badge in one scope, as <see cref="RecentlySeen.IsComplete"/> knows it.</summary>
    public static string LoyaltyBadgeListing(Guid? organizationId, Guid? websiteId) => $"{LoyaltyBadge}?organization={organizationId}&website={websiteId}";

    /// <summary>The listing of every website of an organization (or of the key's), as <see cref="RecentlySeen.IsComplete"/> knows it.</summary>
    public static string LoyaltyWebsiteListing(Guid? organizationId) => $"{LoyaltyWebsite}?organization={organizationId}";
}
