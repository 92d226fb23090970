using System.Collections;
using System.Globalization;
using System.Management.Automation;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Parameters;

/// <summary>
/// Refuses, in binding, a condition or reward whose amount (or multiplier) is NaN or infinite: JSON has no such
/// numbers, and the serializer would otherwise fail mid-call with a message of its own.
/// </summary>
public sealed class ValidateFiniteAmountsAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object? arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        var items = value is IEnumerable list ? list : new[] { value };
        var index = 0;
        foreach (var item in items)
        {
            switch (item is PSObject inner ? inner.BaseObject : item)
            {
                case LoyaltyCondition condition:
                    Check(condition.Amount, $"[{index}].Amount");
                    break;
                case LoyaltyReward reward:
                    Check(reward.Amount, $"[{index}].Amount");
                    Check(reward.Multiplier, $"[{index}].Multiplier");
                    break;
            }

            index++;
        }
    }

    private static void Check(double? number, string field)
    {
        if (number is { } n && (double.IsNaN(n) || double.IsInfinity(n)))
        {
            throw new ValidationMetadataException($"{field} is {n.ToString(CultureInfo.InvariantCulture)}; give a finite number.");
        }
    }
}
