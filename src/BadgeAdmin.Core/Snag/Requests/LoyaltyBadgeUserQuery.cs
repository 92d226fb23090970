using System;
using System.Collections.Generic;

namespace BadgeAdmin.Core.Snag;

/// <summary>Filters of GET /api/loyalty/badge_users (api-reference §1.4).</summary>
public sealed class LoyaltyBadgeUserQuery
{
    public Guid BadgeId { get; init; }
    public Guid? OrganizationId { get; init; }
    public Guid? WebsiteId { get; init; }
    public string? WalletAddress { get; init; }

    /// <summary>active, inactive or revoked.</summary>
    public string? Status { get; init; }
}
