using System.Management.Automation;

namespace BadgeAdmin.Cmdlets.Parameters;

/// <summary>
/// Turns an empty or blank string into null before binding. A CSV with a UserId or WalletAddress column that is empty
/// on some rows then binds as "no user id" or "no wallet", so the other column names the user.
/// </summary>
public sealed class EmptyStringAsNullAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value is string text && string.IsNullOrWhiteSpace(text) ? null : inputData;
    }
}
