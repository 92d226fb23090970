using System;
using System.Collections.Generic;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Core.Configuration.Server;

/// <summary>What PartnerPage holds, read once per collection: directories and entries, and the badges of those in scope.</summary>
internal sealed class PartnerPageSnapshot
{
    public IReadOnlyList<PartnerDirectory> Directories { get; init; } = Array.Empty<PartnerDirectory>();

    public IReadOnlyList<PartnerEntry> Entries { get; init; } = Array.Empty<PartnerEntry>();

    /// <summary>The badges of each directory read, by directory id.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<PartnerDirectoryBadge>> DirectoryBadges { get; init; } = new Dictionary<Guid, IReadOnlyList<PartnerDirectoryBadge>>();

    /// <summary>The badges attached to each entry read, by entry id.</summary>
    public IReadOnlyDictionary<Guid, IReadOnlyList<PartnerBadge>> EntryBadges { get; init; } = new Dictionary<Guid, IReadOnlyList<PartnerBadge>>();

    /// <summary>
    /// The badges of <paramref name="entryId"/> that show a badge of the directory given, each with that directory
    /// badge. An entry badge's id is its directory badge's (api-reference §2.1a reading); failing that, a unique name
    /// of the directory's badges decides. Badges of other directories are not this directory's business.
    /// </summary>
    public IReadOnlyList<(PartnerBadge Attached, PartnerDirectoryBadge Badge)> EntryBadgesOf(Guid entryId, Guid directoryId)
    {
        var found = new List<(PartnerBadge, PartnerDirectoryBadge)>();
        if (!EntryBadges.TryGetValue(entryId, out var attached) || !DirectoryBadges.TryGetValue(directoryId, out var defined)) return found;
        foreach (var badge in attached)
        {
            var match = FindById(defined, badge.Id) ?? UniqueByName(defined, badge.Name);
            if (match is not null) found.Add((badge, match));
        }

        return found;
    }

    private static PartnerDirectoryBadge? FindById(IReadOnlyList<PartnerDirectoryBadge> badges, Guid id)
    {
        foreach (var badge in badges)
        {
            if (badge.Id == id) return badge;
        }

        return null;
    }

    private static PartnerDirectoryBadge? UniqueByName(IReadOnlyList<PartnerDirectoryBadge> badges, string? name)
    {
        PartnerDirectoryBadge? found = null;
        foreach (var badge in badges)
        {
            if (!string.Equals(badge.Name, name, StringComparison.Ordinal)) continue;
            if (found is not null) return null;
            found = badge;
        }

        return found;
    }
}
