using System;

namespace BadgeAdmin.Core.Snag;

/// <summary>Who a grant or revoke is for: a user id, or a wallet address. The id wins when both are known.</summary>
public sealed class LoyaltyUserIdentity
{
    public LoyaltyUserIdentity(Guid? userId, string? walletAddress)
    {
        if (userId is null && string.IsNullOrWhiteSpace(walletAddress)) throw new ArgumentException("A user id or a wallet address is required.");
        UserId = userId;
        WalletAddress = string.IsNullOrWhiteSpace(walletAddress) ? null : walletAddress!.Trim();
    }

    public Guid? UserId { get; }

    public string? WalletAddress { get; }

    public override string ToString() => UserId?.ToString() ?? WalletAddress!;
}
