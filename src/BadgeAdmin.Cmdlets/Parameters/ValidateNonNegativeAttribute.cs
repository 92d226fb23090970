using System.Management.Automation;

namespace BadgeAdmin.Cmdlets.Parameters;

/// <summary>
/// Refuses a negative number in binding, and lets null through: [ValidateRange] rejects $null, so a piped object whose
/// optional Order is null would fail to bind although "no order" is a valid answer.
/// </summary>
public sealed class ValidateNonNegativeAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object? arguments, EngineIntrinsics engineIntrinsics)
    {
        var value = arguments is PSObject wrapped ? wrapped.BaseObject : arguments;
        if (value is int number && number < 0) throw new ValidationMetadataException($"{number} is negative; give 0 or more (0 is first).");
    }
}
