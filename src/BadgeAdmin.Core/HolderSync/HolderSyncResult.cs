using System;

namespace BadgeAdmin.Core.HolderSync;

/// <summary>
/// What Sync-LoyaltyBadgeHolder did to one badge's holders: how the wanted list compared with the holders, and what
/// was granted and revoked. Counts of sends are what the server confirmed; each failed send is also an error.
/// </summary>
public sealed class HolderSyncResult
{
    public Guid BadgeId { get; init; }

    /// <summary>The badge's name, when this session has read it (null otherwise; the id always names it).</summary>
    public string? BadgeName { get; init; }

    /// <summary>Distinct users the input named.</summary>
    public int Wanted { get; init; }

    /// <summary>Wanted users who held the badge already (an active user badge): nothing was sent for them.</summary>
    public int AlreadyHeld { get; init; }

    /// <summary>Grants the server confirmed, reactivations included.</summary>
    public int Granted { get; init; }

    /// <summary>Of <see cref="Granted"/>, users whose user badge was inactive or revoked and is active again.</summary>
    public int Reactivated { get; init; }

    /// <summary>Revokes the server confirmed (only with -Prune).</summary>
    public int Revoked { get; init; }

    /// <summary>Grants and revokes that failed; each wrote an error.</summary>
    public int Failed { get; init; }

    /// <summary>Active holders the input did not name: revoked with -Prune, kept without it.</summary>
    public int Unlisted { get; init; }

    /// <summary>Input items that named no user (or a user id that is not a GUID); each wrote an error and nothing was sent for it.</summary>
    public int InvalidInput { get; init; }

    /// <summary>Input items naming a user an earlier item named; sent once.</summary>
    public int Duplicates { get; init; }

    /// <summary>The badge as a person reads it: its name with the id, or the id alone.</summary>
    public string Badge => BadgeName is null ? BadgeId.ToString() : $"{BadgeName} ({BadgeId})";

    public override string ToString() =>
        $"{Badge}: {Granted} granted, {Revoked} revoked, {AlreadyHeld} already held, {Failed} failed";
}
