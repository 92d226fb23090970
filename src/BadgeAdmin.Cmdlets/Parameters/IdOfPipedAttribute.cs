using System;
using System.Collections;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace BadgeAdmin.Cmdlets.Parameters;

/// <summary>
/// Lets an id parameter take one of the module's own objects from the pipeline by value, as that object's Id:
/// [IdOfPiped(typeof(PartnerEntry))] on Get-PartnerBadge -EntryId binds a piped entry as its Id. Anything else (a Guid,
/// a string, an object with the parameter's name as a property, bound by name) is left to the engine's own conversion.
/// The object as Import-Clixml, a job or remoting gives it back (deserialized) binds the same way.
/// One parameter set then serves objects, ids and CSV rows alike, so the binder never commits to a set in which the
/// piped object cannot bind (in the engine it commits to the default set).
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class IdOfPipedAttribute : ArgumentTransformationAttribute
{
    private readonly Type _objectType;
    private readonly PropertyInfo _id;

    /// <param name="objectType">The module type whose Id the parameter takes; it must have a public Id property.</param>
    public IdOfPipedAttribute(Type objectType)
    {
        _objectType = objectType;
        _id = objectType.GetProperty("Id") ?? throw new ArgumentException($"{objectType.Name} has no Id property.", nameof(objectType));
    }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;

        // An array given to an id-array parameter (-BadgeId $badges): each of our objects in it becomes its Id.
        if (value is IList list && !_objectType.IsInstanceOfType(value))
        {
            return list.Cast<object?>().Select(item => Transform(engineIntrinsics, item)).ToArray();
        }

        if (value is not null && _objectType.IsInstanceOfType(value)) return _id.GetValue(value);

        // The same object back from Import-Clixml, a job or remoting: a property bag named "Deserialized.<type>".
        if (inputData is PSObject bag && bag.TypeNames.Contains("Deserialized." + _objectType.FullName) && bag.Properties["Id"]?.Value is { } id)
        {
            return id is PSObject inner ? inner.BaseObject : id;
        }

        return inputData;
    }
}
