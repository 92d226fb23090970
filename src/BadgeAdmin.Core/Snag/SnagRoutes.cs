using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Core.Snag;

/// <summary>
/// Every Snag route the module calls, in one table. All come from the vendor's generated SDK and docs
/// (shared/api-reference.md §1.2, §1.9), so all are Confirmed. Updates are POST, not PATCH.
/// </summary>
public static class SnagRoutes
{
    /// <summary>Development host; production customers use their own hostname (api-reference §1.1).</summary>
    public static readonly System.Uri DefaultBaseUri = new("https://admin.snagsolutions.io/");

    /// <summary>The page size limit of every list used here [C] (api-reference §1.6).</summary>
    public const int MaxPageSize = 1000;

    public static readonly ApiRoute ListBadges = new("GET", "api/loyalty/badges", RouteEvidence.Confirmed, "api-reference §1.2 #1");
    public static readonly ApiRoute CreateBadge = new("POST", "api/loyalty/badges", RouteEvidence.Confirmed, "api-reference §1.2 #2");
    public static readonly ApiRoute UpdateBadge = new("POST", "api/loyalty/badges/{id}", RouteEvidence.Confirmed, "api-reference §1.2 #3");
    public static readonly ApiRoute DeleteBadge = new("DELETE", "api/loyalty/badges/{id}", RouteEvidence.Confirmed, "api-reference §1.2 #4");
    public static readonly ApiRoute RewardBadge = new("POST", "api/loyalty/badges/{id}/reward", RouteEvidence.Confirmed, "api-reference §1.2 #5");
    public static readonly ApiRoute RevokeBadge = new("POST", "api/loyalty/badges/{id}/revoke", RouteEvidence.Confirmed, "api-reference §1.2 #6");
    public static readonly ApiRoute ListBadgeUsers = new("GET", "api/loyalty/badge_users", RouteEvidence.Confirmed, "api-reference §1.2 #7");
    public static readonly ApiRoute ListWebsites = new("GET", "api/websites", RouteEvidence.Confirmed, "api-reference §1.9");

    public static readonly ApiRoute[] All = { ListBadges, CreateBadge, UpdateBadge, DeleteBadge, RewardBadge, RevokeBadge, ListBadgeUsers, ListWebsites };
}
