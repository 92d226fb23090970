using System;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes Snag website names (quoted when they hold spaces), from the websites the connection has read.</summary>
public sealed class LoyaltyWebsiteNameCompleter : LoyaltyWebsiteIdCompleter
{
    private protected override (string Value, string ListItem, string ToolTip)? ToOffer((Guid Id, string? Name) item) =>
        item.Name is null ? null : (item.Name, item.Name, $"{item.Name} ({item.Id})");
}
