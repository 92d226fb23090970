using System.Management.Automation;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Parameters;

/// <summary>
/// Lets a badge id parameter take a loyalty badge from the pipeline by value, as its Id. Anything else (a Guid, a
/// string, a user badge or CSV row with a LoyaltyBadgeId property, bound by name) is left to the engine's own
/// conversion, so one parameter set serves objects, ids and CSV rows alike.
/// </summary>
public sealed class LoyaltyBadgeIdAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) switch
        {
            LoyaltyBadge badge => badge.Id,
            _ => inputData,
        };
}
