using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json;

namespace BadgeAdmin.Core.Json;

/// <summary>
/// Fields the server sent that a model does not name, as plain values: strings, numbers (<see cref="long"/>, else
/// <see cref="decimal"/>, else <see cref="double"/>), booleans, nulls, arrays (<c>object[]</c>) and nested
/// <see cref="AdditionalFields"/>. Being a dictionary of plain values, it reads like a hashtable in PowerShell
/// (<c>$entry.AdditionalFields.tier</c>, keys matched without regard to case) and serialises as users expect:
/// <c>ConvertTo-Json</c> gives the fields, <c>Export-Clixml</c> a hashtable, and <c>Export-Csv</c> (which uses
/// <see cref="ToString"/>) the fields as compact JSON.
/// </summary>
public sealed class AdditionalFields : Dictionary<string, object?>
{
    private readonly string _json;

    private AdditionalFields(IEnumerable<KeyValuePair<string, JsonElement>> fields, string json)
        : base(StringComparer.OrdinalIgnoreCase)
    {
        _json = json;
        foreach (var field in fields)
        {
            // Two keys differing only in case: the first wins; both stay in the JSON text.
            if (!ContainsKey(field.Key))
            {
                Add(field.Key, PlainValue(field.Value));
            }
        }
    }

    /// <summary>The fields of a model's JSON extension data, or null when there were none.</summary>
    public static AdditionalFields? From(IDictionary<string, JsonElement>? extensionData)
    {
        if (extensionData is null || extensionData.Count == 0)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var field in extensionData)
            {
                writer.WritePropertyName(field.Key);
                field.Value.WriteTo(writer);
            }

            writer.WriteEndObject();
        }

        return new AdditionalFields(extensionData, Encoding.UTF8.GetString(buffer.ToArray()));
    }

    /// <summary>The fields as compact JSON, as the server sent them.</summary>
    public override string ToString() => _json;

    /// <summary>A JSON value as the plain value this class holds for it.</summary>
    internal static object? PlainValue(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                return value.GetString();
            case JsonValueKind.Number:
                if (value.TryGetInt64(out var whole))
                {
                    return whole;
                }

                return value.TryGetDecimal(out var exact) ? exact : value.GetDouble();
            case JsonValueKind.True:
                return true;
            case JsonValueKind.False:
                return false;
            case JsonValueKind.Object:
                var properties = new List<KeyValuePair<string, JsonElement>>();
                foreach (var property in value.EnumerateObject())
                {
                    properties.Add(new KeyValuePair<string, JsonElement>(property.Name, property.Value));
                }

                return new AdditionalFields(properties, value.GetRawText());
            case JsonValueKind.Array:
                var items = new List<object?>();
                foreach (var item in value.EnumerateArray())
                {
                    items.Add(PlainValue(item));
                }

                return items.ToArray();
            default:
                return null;
        }
    }
}
