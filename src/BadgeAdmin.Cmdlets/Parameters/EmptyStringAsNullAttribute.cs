using System.Management.Automation;

namespace BadgeAdmin.Cmdlets.Parameters;

/// <summary>
/// Turns an empty or blank string into null before binding. A CSV with a UserId column that is empty on some rows
/// then binds as "no user id" instead of failing to convert "" to a Guid.
/// </summary>
public sealed class EmptyStringAsNullAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) => Apply(inputData);

    internal static object? Apply(object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is string text && string.IsNullOrWhiteSpace(text) ? null : inputData;
    }
}
