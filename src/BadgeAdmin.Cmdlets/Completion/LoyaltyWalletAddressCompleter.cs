using System;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes wallet addresses from the user badges the connection has read (the user id in the tooltip).</summary>
public sealed class LoyaltyWalletAddressCompleter : LoyaltyUserIdCompleter
{
    private protected override (string Value, string ListItem, string ToolTip)? ToOffer((Guid Id, string? Name) item) =>
        item.Name is null ? null : (item.Name, item.Name, $"{item.Name} (user {item.Id})");
}
