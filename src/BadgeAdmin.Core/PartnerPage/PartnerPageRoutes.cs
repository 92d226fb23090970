using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Core.PartnerPage;

/// <summary>
/// Every PartnerPage route the module calls, in one table. Paths are relative to the service root and keep the
/// API's trailing slash. Evidence follows shared/api-reference.md §2: only the entry-badge PATCH is documented;
/// the rest are read from the docs' menu (method names) and the documented path shape, and are marked Inferred.
/// </summary>
public static class PartnerPageRoutes
{
    public static readonly System.Uri ProductionBaseUri = new("https://v1.api.partnerpage.io/");

    /// <summary>Prefix of every route [C] (api-reference §2.1).</summary>
    public const string Prefix = "api/directory/private/v1alpha/";

    /// <summary>"Get all partner entries" is in the docs' menu; its path is the documented badge path's parent [I].</summary>
    public static readonly ApiRoute ListEntries = new("GET", Prefix + "entries/partners/", RouteEvidence.Inferred, "api-reference §2.1a reading");

    /// <summary>"Get a partner entry" [I].</summary>
    public static readonly ApiRoute GetEntry = new("GET", Prefix + "entries/partners/{entryId}/", RouteEvidence.Inferred, "api-reference §2.1a reading");

    /// <summary>"Get all badges" under Partner Entry › Badges [I].</summary>
    public static readonly ApiRoute ListEntryBadges = new("GET", Prefix + "entries/partners/{entryId}/badges/", RouteEvidence.Inferred, "api-reference §2.1a reading");

    /// <summary>"Get a badge" [I]: the documented PATCH path with GET.</summary>
    public static readonly ApiRoute GetEntryBadge = new("GET", Prefix + "entries/partners/{entryId}/badges/{badgeId}/", RouteEvidence.Inferred, "api-reference §2.1a reading");

    /// <summary>"Create a badge" [I]: POST to the collection; body {id, order} copied from the documented PATCH example.</summary>
    public static readonly ApiRoute AddEntryBadge = new("POST", Prefix + "entries/partners/{entryId}/badges/", RouteEvidence.Inferred, "api-reference §2.1a reading");

    /// <summary>"Update a badge" [C]: the one fully documented badge call.</summary>
    public static readonly ApiRoute UpdateEntryBadge = new("PATCH", Prefix + "entries/partners/{entryId}/badges/{badgeId}/", RouteEvidence.Confirmed, "api-reference §2.1a");

    /// <summary>"Delete a badge" [I]: DELETE on the documented path.</summary>
    public static readonly ApiRoute RemoveEntryBadge = new("DELETE", Prefix + "entries/partners/{entryId}/badges/{badgeId}/", RouteEvidence.Inferred, "api-reference §2.1a reading");

    public static readonly ApiRoute[] All = { ListEntries, GetEntry, ListEntryBadges, GetEntryBadge, AddEntryBadge, UpdateEntryBadge, RemoveEntryBadge };
}
