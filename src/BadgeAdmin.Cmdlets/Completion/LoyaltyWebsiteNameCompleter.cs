using System;
using System.Management.Automation;

namespace BadgeAdmin.Cmdlets.Completion;

/// <summary>Completes Snag website names (quoted when they hold spaces), from the websites the connection has read.</summary>
public sealed class LoyaltyWebsiteNameCompleter : LoyaltyWebsiteIdCompleter
{
    private protected override CompletionResult? ToResult((Guid Id, string? Name) item) =>
        item.Name is null ? null : new(AsArgument(item.Name), item.Name, CompletionResultType.ParameterValue, $"{item.Name} ({item.Id})");
}
