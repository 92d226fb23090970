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

    // Directory and directory-badge paths are not documented: only their menu names are (api-reference §2.2). They
    // follow the one confirmed directory-scoped shape, reviews/directory/{directory_id}/{review_id}/ (§2.4 item 3):
    // resource first, then directory/{id}/, then the item's id. Each is one line to correct once the live API is seen.

    /// <summary>"Get all directories" (Directory) [I]: plural collection under the prefix, as entries/partners/ is.</summary>
    public static readonly ApiRoute ListDirectories = new("GET", Prefix + "directories/", RouteEvidence.Inferred, "api-reference §2.2 menu name; path guessed");

    /// <summary>"Get a directory" [I].</summary>
    public static readonly ApiRoute GetDirectory = new("GET", Prefix + "directories/{directoryId}/", RouteEvidence.Inferred, "api-reference §2.2 menu name; path guessed");

    /// <summary>"Get all badges" under Directory › Badges [I]: the review shape, reviews/directory/{directory_id}/.</summary>
    public static readonly ApiRoute ListDirectoryBadges = new("GET", Prefix + "badges/directory/{directoryId}/", RouteEvidence.Inferred, "api-reference §2.2, §2.4 item 3");

    /// <summary>"Get a badge" under Directory › Badges [I].</summary>
    public static readonly ApiRoute GetDirectoryBadge = new("GET", Prefix + "badges/directory/{directoryId}/{badgeId}/", RouteEvidence.Inferred, "api-reference §2.2, §2.4 item 3");

    /// <summary>"Create a badge" / "Create a directory badge" [I]: POST to the collection with {name, image}.</summary>
    public static readonly ApiRoute CreateDirectoryBadge = new("POST", Prefix + "badges/directory/{directoryId}/", RouteEvidence.Inferred, "api-reference §2.2, §2.4 item 3");

    /// <summary>"Update a badge" / "Update a directory badge" [I]: PATCH, as every update of this API (§2.4 item 4).</summary>
    public static readonly ApiRoute UpdateDirectoryBadge = new("PATCH", Prefix + "badges/directory/{directoryId}/{badgeId}/", RouteEvidence.Inferred, "api-reference §2.2, §2.4 items 3-4");

    /// <summary>"Delete a badge" / "Delete a directory badge" [I].</summary>
    public static readonly ApiRoute DeleteDirectoryBadge = new("DELETE", Prefix + "badges/directory/{directoryId}/{badgeId}/", RouteEvidence.Inferred, "api-reference §2.2, §2.4 item 3");

    public static readonly ApiRoute[] All =
    {
        ListEntries, GetEntry, ListEntryBadges, GetEntryBadge, AddEntryBadge, UpdateEntryBadge, RemoveEntryBadge,
        ListDirectories, GetDirectory, ListDirectoryBadges, GetDirectoryBadge, CreateDirectoryBadge, UpdateDirectoryBadge, DeleteDirectoryBadge,
    };
}
