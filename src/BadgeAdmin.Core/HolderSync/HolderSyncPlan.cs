using System.Collections.Generic;

namespace BadgeAdmin.Core.HolderSync;

/// <summary>What converging a badge's holders on a wanted list takes: the grants and revokes, and how the two lists compared.</summary>
public sealed class HolderSyncPlan
{
    internal HolderSyncPlan(IReadOnlyList<HolderChange> grants, IReadOnlyList<HolderChange> revokes)
    {
        Grants = grants;
        Revokes = revokes;
    }

    /// <summary>Wanted users without an active user badge, in input order.</summary>
    public IReadOnlyList<HolderChange> Grants { get; }

    /// <summary>Active holders the list does not name (only when unlisted holders are to be revoked), in listing order.</summary>
    public IReadOnlyList<HolderChange> Revokes { get; }

    /// <summary>Distinct users the list names.</summary>
    public int Wanted { get; init; }

    /// <summary>Wanted users who already hold the badge (an active user badge).</summary>
    public int AlreadyHeld { get; init; }

    /// <summary>List items naming a user an earlier item named (the same id, the same wallet, or the id and wallet of one holder).</summary>
    public int Duplicates { get; init; }

    /// <summary>Active holders the list does not name.</summary>
    public int Unlisted { get; init; }

    /// <summary>
    /// Of <see cref="Unlisted"/>, holders left alone because the listing cannot tell whether the list names them (no
    /// wallet shown while the list names users by wallet, or no user id while it names them by id).
    /// </summary>
    public int Undetermined { get; init; }
}
