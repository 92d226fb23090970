using System;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Json;

/// <summary>
/// Reads a boolean sent as true/false or as the strings "true"/"false" (Snag's recipe shows
/// <c>"hasNextPage": "false"</c> while its SDK types the field boolean; api-reference §1.6).
/// </summary>
public sealed class FlexibleBooleanConverter : JsonConverter<bool>
{
    public override bool Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
            case JsonTokenType.Null:
                return false;
            case JsonTokenType.String:
                var text = reader.GetString();
                if (string.Equals(text, "true", StringComparison.OrdinalIgnoreCase) || text == "1") return true;
                if (string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) || text == "0" || string.IsNullOrEmpty(text)) return false;
                throw new JsonException($"'{text}' is not a boolean.");
            case JsonTokenType.Number:
                return reader.TryGetInt64(out var number) && number != 0;
            default:
                throw new JsonException($"A {reader.TokenType} is not a boolean.");
        }
    }

    public override void Write(Utf8JsonWriter writer, bool value, JsonSerializerOptions options) => writer.WriteBooleanValue(value);
}
