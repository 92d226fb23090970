using System;
using System.Collections.Generic;

namespace BadgeAdmin.Core.Snag;

/// <summary>Filters of GET /api/loyalty/badges (api-reference §1.4). Null means "not sent".</summary>
public sealed class LoyaltyBadgeQuery
{
    public Guid? OrganizationId { get; init; }
    public Guid? WebsiteId { get; init; }
    public IReadOnlyList<Guid>? BadgeIds { get; init; }
    public IReadOnlyList<Guid>? UserIds { get; init; }
    public IReadOnlyList<string>? WalletAddresses { get; init; }

    /// <summary>Only badges of the users in this user group (userGroupId).</summary>
    public Guid? UserGroupId { get; init; }

    /// <summary>Only badges of the users in the user group with this external identifier (userGroupExternalIdentifier).</summary>
    public string? UserGroupExternalIdentifier { get; init; }

    public bool IncludeDeleted { get; init; }

    /// <summary>
    /// True when the listing is for some users only (ids, wallets or a user group): the API then embeds only their user
    /// badges in each badge [I], so the badges' holder counts are unknown.
    /// </summary>
    public bool IsForSomeUsers => UserIds is { Count: > 0 } || WalletAddresses is { Count: > 0 } || UserGroupId is not null || UserGroupExternalIdentifier is not null;

    /// <summary>At most how many badges the caller will read (-First/-Skip); no page is read ahead past them. Null: all.</summary>
    public long? MaxItems { get; init; }
}
