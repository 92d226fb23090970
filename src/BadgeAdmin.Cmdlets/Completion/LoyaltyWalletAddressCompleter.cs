using System;
using System.Management.Automation;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes wallet addresses from the user badges the connection has read (shown with the user id).</summary>
public sealed class LoyaltyWalletAddressCompleter : LoyaltyUserIdCompleter
{
    private protected override CompletionResult? ToResult((Guid Id, string? Name) item) =>
        item.Name is null ? null : new(item.Name, item.Name, CompletionResultType.ParameterValue, $"{item.Name} (user {item.Id})");
}
