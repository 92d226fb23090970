using System;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Core.HolderSync;

public enum HolderChangeKind
{
    Grant,
    Revoke,
}

/// <summary>One grant or revoke a holder sync sends, with what is known of the user for messages.</summary>
public sealed class HolderChange
{
    public HolderChange(HolderChangeKind kind, LoyaltyUserIdentity user, string? currentStatus)
    {
        Kind = kind;
        User = user;
        CurrentStatus = currentStatus;
    }

    public HolderChangeKind Kind { get; }

    /// <summary>Whom the request names: the user id when known (the listing or the input gave it), else the wallet.</summary>
    public LoyaltyUserIdentity User { get; }

    /// <summary>The user badge's status before the change: null when the user has none (a new grant).</summary>
    public string? CurrentStatus { get; }

    /// <summary>A grant to a user whose badge exists but is inactive or revoked: sent with status active.</summary>
    public bool Reactivates => Kind == HolderChangeKind.Grant && CurrentStatus is not null;

    /// <summary>The user as a person reads it: "wallet 0x… (user …)", "wallet 0x…" or "user …".</summary>
    public string Describe() => (User.WalletAddress, User.UserId) switch
    {
        ({ } wallet, { } id) => $"wallet {wallet} (user {id})",
        ({ } wallet, null) => $"wallet {wallet}",
        (null, var id) => $"user {id}",
    };

    /// <summary>What an error about this change names as its target: the wallet when known (what a list names), else the user id.</summary>
    public string Target => User.WalletAddress ?? User.UserId!.Value.ToString();

    public override string ToString() => $"{Kind} {Describe()}";
}
