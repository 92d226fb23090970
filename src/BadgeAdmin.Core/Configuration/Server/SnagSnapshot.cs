using System;
using System.Collections.Generic;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Core.Configuration.Server;

/// <summary>What Snag holds: the websites the key sees, and the (not deleted) badges of those in scope.</summary>
internal sealed class SnagSnapshot
{
    public IReadOnlyList<LoyaltyWebsite> Websites { get; init; } = Array.Empty<LoyaltyWebsite>();

    public IReadOnlyDictionary<Guid, IReadOnlyList<LoyaltyBadge>> Badges { get; init; } = new Dictionary<Guid, IReadOnlyList<LoyaltyBadge>>();
}
