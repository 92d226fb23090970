using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace BadgeAdmin.Core.Json;

/// <summary>Reads a list sent either as a JSON array or as one bare object (older Snag payloads do both).</summary>
public sealed class SingleOrArrayConverter<T> : JsonConverter<ItemList<T>>
{
    public override ItemList<T>? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        var itemType = (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T));
        switch (reader.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.StartObject:
                return new ItemList<T> { JsonSerializer.Deserialize(ref reader, itemType)! };
            case JsonTokenType.StartArray:
                var items = new ItemList<T>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(JsonSerializer.Deserialize(ref reader, itemType)!);
                }

                return items;
            default:
                throw new JsonException($"Expected an object or an array, found {reader.TokenType}.");
        }
    }

    public override void Write(Utf8JsonWriter writer, ItemList<T> value, JsonSerializerOptions options) =>
        JsonSerializer.Serialize(writer, value, (JsonTypeInfo<ItemList<T>>)options.GetTypeInfo(typeof(ItemList<T>)));
}
