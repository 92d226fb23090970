using System.Management.Automation;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Cmdlets.Parameters;

/// <summary>
/// Lets an entry id parameter take a partner entry from the pipeline by value, as its Id. Anything else (a Guid, a
/// string, a badge or CSV row with an EntryId property, bound by name) is left to the engine's own conversion. One
/// parameter set then serves every kind of input, so the binder never commits to a set in which the piped object
/// cannot bind (it does commit to the default set, in the engine).
/// </summary>
public sealed class PartnerEntryIdAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData) =>
        (inputData is PSObject wrapped ? wrapped.BaseObject : inputData) switch
        {
            PartnerEntry entry => entry.Id,
            _ => inputData,
        };
}
