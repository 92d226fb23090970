using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Core.Configuration.Server;
using BadgeAdmin.Core.Configuration.Syntax;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Core.Configuration;

/// <summary>
/// Reads what an export writes, within its scope: the directories and websites asked for (null: every one the key
/// sees), every entry's badges, every website's badges. Ids asked for that the service does not have are reported.
/// </summary>
internal sealed class ConfigurationExport
{
    public ConfigObject Document { get; private init; } = new();

    public IReadOnlyList<Guid> MissingDirectories { get; private init; } = Array.Empty<Guid>();

    public IReadOnlyList<Guid> MissingWebsites { get; private init; } = Array.Empty<Guid>();

    /// <summary>What was written, for the closing message: "1 directory (14 badges, 12 entries), 1 website (2500 badges)".</summary>
    public string Summary { get; private init; } = string.Empty;

    public static async Task<ConfigurationExport> ReadAsync(PartnerPageClient? partnerPage, IReadOnlyCollection<Guid>? directoryIds,
        SnagClient? snag, Guid? organizationId, IReadOnlyCollection<Guid>? websiteIds, int concurrency, Action<object>? onRead, CancellationToken cancellationToken)
    {
        Task<PartnerPageSnapshot>? partnerPageRead = null;
        Task<SnagSnapshot>? snagRead = null;
        if (partnerPage is not null)
        {
            partnerPageRead = SnapshotReader.ReadPartnerPageAsync(partnerPage,
                (directories, entries) => (directories.Select(d => d.Id).Where(id => directoryIds is null || directoryIds.Contains(id)), entries.Select(e => e.Id)),
                withEntries: true, concurrency, onRead, cancellationToken);
        }

        if (snag is not null)
        {
            snagRead = SnapshotReader.ReadSnagAsync(snag, organizationId, websites => websites.Select(w => w.Id).Where(id => websiteIds is null || websiteIds.Contains(id)), concurrency, onRead, cancellationToken);
        }

        var pp = partnerPageRead is null ? null : await partnerPageRead.ConfigureAwait(false);
        var sn = snagRead is null ? null : await snagRead.ConfigureAwait(false);
        var directoriesIn = pp?.DirectoryBadges.Keys.ToList() ?? new List<Guid>();
        var websitesIn = sn?.Badges.Keys.ToList() ?? new List<Guid>();
        var parts = new List<string>();
        if (pp is not null)
        {
            var entries = pp.Entries.Count(e => directoriesIn.Any(d => pp.EntryBadgesOf(e.Id, d).Count > 0));
            parts.Add($"{Count(directoriesIn.Count, "directory", "directories")} ({Count(directoriesIn.Sum(d => pp.DirectoryBadges[d].Count), "badge", "badges")}, {Count(entries, "entry", "entries")} carrying them)");
        }

        if (sn is not null) parts.Add($"{Count(websitesIn.Count, "website", "websites")} ({Count(websitesIn.Sum(w => sn.Badges[w].Count(b => b.DeletedAt is null)), "loyalty badge", "loyalty badges")})");
        return new ConfigurationExport
        {
            Document = ConfigurationExporter.Export(pp, directoriesIn, sn, websitesIn, organizationId),
            MissingDirectories = directoryIds?.Where(id => !directoriesIn.Contains(id)).ToList() ?? new List<Guid>(),
            MissingWebsites = websiteIds?.Where(id => !websitesIn.Contains(id)).ToList() ?? new List<Guid>(),
            Summary = string.Join(" and ", parts),
        };
    }

    private static string Count(int count, string one, string many) => $"{count:N0} {(count == 1 ? one : many)}";
}
