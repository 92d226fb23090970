using System;
using System.Collections.Concurrent;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Core.Configuration.Plan;

/// <summary>What applying a plan needs: the clients, and the ids of directory badges created so far (attaches use them).</summary>
internal sealed class ApplyContext
{
    public ApplyContext(PartnerPageClient? partnerPage, SnagClient? snag)
    {
        PartnerPage = partnerPage;
        Snag = snag;
    }

    public PartnerPageClient? PartnerPage { get; }

    public SnagClient? Snag { get; }

    public ConcurrentDictionary<DirectoryBadgeConfiguration, Guid> CreatedDirectoryBadges { get; } = new();

    public PartnerPageClient PartnerPageClient => PartnerPage ?? throw new InvalidOperationException("No PartnerPage connection.");

    public SnagClient SnagClient => Snag ?? throw new InvalidOperationException("No Snag connection.");
}
