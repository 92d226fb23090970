using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;

namespace BadgeAdmin.Cmdlets.Parameters;

/// <summary>
/// Checks the keys of hashtables given for a parameter of model objects (@{ type = 'points'; amount = 5 }) before the
/// engine converts them. A misspelt key is refused naming the key and listing the valid ones by name; the engine's
/// own message would list every property with its .NET type (System.Nullable`1[[System.Guid, …]] and so on).
/// </summary>
public sealed class HashtableKeysAttribute : ArgumentTransformationAttribute
{
    private readonly string[] _keys;

    /// <param name="modelType">The type the hashtables become: its settable public properties are the valid keys.</param>
    public HashtableKeysAttribute(Type modelType) =>
        _keys = modelType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name)
            .ToArray();

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        foreach (var item in Items(inputData))
        {
            if ((item is PSObject wrapped ? wrapped.BaseObject : item) is not IDictionary table) continue;
            foreach (var key in table.Keys.Cast<object>().Select(k => k?.ToString() ?? string.Empty))
            {
                if (_keys.Contains(key, StringComparer.OrdinalIgnoreCase)) continue;
                throw new ArgumentTransformationMetadataException(
                    $"'{key}' is not a key of this hashtable; the valid keys are {string.Join(", ", _keys)}.");
            }
        }

        return inputData;
    }

    private static IEnumerable<object?> Items(object? inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        if (value is IDictionary || value is not IEnumerable sequence || value is string) return new[] { inputData };
        return sequence.Cast<object?>();
    }
}
