using System;
using System.Collections.Generic;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Core.HolderSync;

/// <summary>
/// Compares the users a list wants holding a badge with the badge's user badges as listed, and plans the grants and
/// revokes that make them match. A user is matched by user id when the list gives one, else by wallet address
/// (<see cref="WalletAddressComparer"/>). A wanted user whose user badge is inactive or revoked (or deleted) does not
/// hold the badge: it is granted again, as active. Only active holders are ever revoked. Feed the list with
/// <see cref="AddWanted"/> and the listing with <see cref="AddHolder"/> in any order, then ask for the <see cref="Plan"/>.
/// </summary>
public sealed class HolderSyncPlanner
{
    private readonly List<LoyaltyUserIdentity> _wanted = new();
    private readonly HashSet<Guid> _wantedIds = new();
    private readonly HashSet<string> _wantedWallets = new(WalletAddressComparer.Instance);
    private readonly List<Holder> _holders = new();
    private readonly Dictionary<Guid, Holder> _byUserId = new();
    private readonly Dictionary<string, Holder> _byWallet = new(WalletAddressComparer.Instance);
    private int _duplicates;

    /// <summary>Distinct users added as wanted so far.</summary>
    public int WantedUsers => _wanted.Count;

    /// <summary>Active user badges read so far.</summary>
    public int ActiveHolders { get; private set; }

    /// <summary>User badges read so far, in any status.</summary>
    public int UserBadges => _holders.Count;

    /// <summary>Adds a wanted user; false when the list already named the same user id or (without an id) the same wallet.</summary>
    public bool AddWanted(LoyaltyUserIdentity user)
    {
        if (user is null) throw new ArgumentNullException(nameof(user));
        var isNew = user.UserId is { } id ? _wantedIds.Add(id) : _wantedWallets.Add(user.WalletAddress!);
        if (!isNew)
        {
            _duplicates++;
            return false;
        }

        if (user.UserId is not null && user.WalletAddress is { } wallet) _wantedWallets.Add(wallet);
        _wanted.Add(user);
        return true;
    }

    /// <summary>Adds one user badge of the badge, as the badge_users listing returns it.</summary>
    public void AddHolder(LoyaltyBadgeUser userBadge)
    {
        if (userBadge is null) throw new ArgumentNullException(nameof(userBadge));
        var active = userBadge.DeletedAt is null && string.Equals(userBadge.Status, "active", StringComparison.OrdinalIgnoreCase);
        var holder = new Holder(userBadge.UserId ?? userBadge.User?.Id, Blank(userBadge.WalletAddress) ? null : userBadge.WalletAddress!.Trim(),
            userBadge.DeletedAt is null ? userBadge.Status?.ToLowerInvariant() ?? "unknown" : "deleted", active);
        _holders.Add(holder);
        if (active) ActiveHolders++;
        // One user badge per user and badge is the rule; should the listing ever show two, the active one counts.
        if (holder.UserId is { } id && (!_byUserId.TryGetValue(id, out var known) || (!known.Active && active))) _byUserId[id] = holder;
        if (holder.Wallet is { } wallet && (!_byWallet.TryGetValue(wallet, out known) || (!known.Active && active))) _byWallet[wallet] = holder;
    }

    /// <summary>The grants that make every wanted user an active holder and, when <paramref name="revokeUnlisted"/>, the revokes of active holders the list does not name.</summary>
    public HolderSyncPlan Plan(bool revokeUnlisted)
    {
        var grants = new List<HolderChange>();
        var matched = new HashSet<Holder>();
        var duplicates = _duplicates;
        var alreadyHeld = 0;
        bool unmatchedByWallet = false, unmatchedById = false;
        foreach (var user in _wanted)
        {
            var holder = Find(user);
            if (holder is null)
            {
                grants.Add(new HolderChange(HolderChangeKind.Grant, user, null));
                if (user.UserId is null) unmatchedByWallet = true;
                else unmatchedById = true;
                continue;
            }

            if (!matched.Add(holder))
            {
                duplicates++; // one holder named twice: once by id, once by wallet
                continue;
            }

            if (holder.Active) alreadyHeld++;
            else grants.Add(new HolderChange(HolderChangeKind.Grant, new LoyaltyUserIdentity(holder.UserId ?? user.UserId, user.WalletAddress ?? holder.Wallet), holder.Status));
        }

        var revokes = new List<HolderChange>();
        var considered = new HashSet<Holder>();
        int unlisted = 0, undetermined = 0;
        foreach (var holder in _holders)
        {
            var canonical = Canonical(holder);
            if (!holder.Active || matched.Contains(canonical) || !considered.Add(canonical)) continue;
            unlisted++;
            // A holder the listing shows without a wallet may be the user an item names by wallet alone (and one
            // without a user id, the user an item names by id): it cannot be told apart, so it is never revoked.
            if ((holder.Wallet is null && unmatchedByWallet) || (holder.UserId is null && unmatchedById) || (holder.UserId is null && holder.Wallet is null))
            {
                undetermined++;
                continue;
            }

            if (revokeUnlisted) revokes.Add(new HolderChange(HolderChangeKind.Revoke, new LoyaltyUserIdentity(holder.UserId, holder.Wallet), holder.Status));
        }

        return new HolderSyncPlan(grants, revokes)
        {
            Wanted = _wanted.Count - (duplicates - _duplicates),
            AlreadyHeld = alreadyHeld,
            Duplicates = duplicates,
            Unlisted = unlisted,
            Undetermined = undetermined,
        };
    }

    private Holder? Find(LoyaltyUserIdentity user) =>
        user.UserId is { } id
            ? (_byUserId.TryGetValue(id, out var byId) ? byId : null)
            : (_byWallet.TryGetValue(user.WalletAddress!, out var byWallet) ? byWallet : null);

    /// <summary>The holder that stands for this user (a user listed twice is considered once).</summary>
    private Holder Canonical(Holder holder) =>
        holder.UserId is { } id && _byUserId.TryGetValue(id, out var byId) ? byId
        : holder.Wallet is { } wallet && _byWallet.TryGetValue(wallet, out var byWallet) ? byWallet
        : holder;

    private static bool Blank(string? text) => string.IsNullOrWhiteSpace(text);

    private sealed class Holder
    {
        public Holder(Guid? userId, string? wallet, string status, bool active)
        {
            UserId = userId;
            Wallet = wallet;
            Status = status;
            Active = active;
        }

        public Guid? UserId { get; }

        public string? Wallet { get; }

        public string Status { get; }

        public bool Active { get; }
    }
}
