using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Reflection;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Cmdlets.Parameters;

/// <summary>
/// Checks the keys of hashtables given for a parameter of model objects (@{ type = 'points'; amount = 5 }) before the
/// engine converts them. A misspelt key is refused naming the parameter, the item and the keys to use, as the API
/// spells them (-CsvFile[0]: 'nme' is not a CsvFile key; use src, name, description); the engine's own message would
/// list every property with its .NET type (System.Nullable`1[[System.Guid, …]] and so on).
/// </summary>
public sealed class HashtableKeysAttribute : ArgumentTransformationAttribute
{
    private readonly string _parameter;
    private readonly string[] _accepted;
    private readonly string[] _shown;

    /// <param name="parameter">The parameter's name, for the message.</param>
    /// <param name="modelType">The type the hashtables become: its settable public properties are the keys accepted.</param>
    /// <param name="inputType">The request body's form of it: its fields are the keys the message offers (output-only ones, such as id, are left out).</param>
    public HashtableKeysAttribute(string parameter, Type modelType, Type inputType)
    {
        _parameter = parameter;
        _accepted = modelType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.SetMethod is { IsPublic: true })
            .Select(p => p.Name)
            .ToArray();
        _shown = inputType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? p.Name)
            .ToArray();
    }

    public override object? Transform(EngineIntrinsics engineIntrinsics, object? inputData)
    {
        var index = 0;
        foreach (var item in Items(inputData))
        {
            if ((item is PSObject wrapped ? wrapped.BaseObject : item) is IDictionary table)
            {
                foreach (var key in table.Keys.Cast<object>().Select(k => k?.ToString() ?? string.Empty))
                {
                    if (_accepted.Contains(key, StringComparer.OrdinalIgnoreCase)) continue;
                    throw new ArgumentTransformationMetadataException(
                        $"-{_parameter}[{index}]: '{key}' is not a {_parameter} key; use {string.Join(", ", _shown)}.");
                }
            }

            index++;
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
