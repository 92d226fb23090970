using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;

namespace BadgeAdmin.Core.Http;

/// <summary>
/// Reads the server's explanation out of an error body. Snag sends <c>{"message": …}</c>; PartnerPage (Django REST
/// Framework, inferred) sends <c>{"detail": …}</c> or field-keyed lists such as <c>{"order": ["…"]}</c>.
/// </summary>
internal static class ApiErrorBody
{
    private const int ExcerptLength = 200;

    public static string? ServerMessage(string body)
    {
        if (string.IsNullOrWhiteSpace(body)) return null;
        try
        {
            using var document = JsonDocument.Parse(body);
            return Describe(document.RootElement) is { } said ? Printable(said) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Describe(JsonElement root)
    {
        switch (root.ValueKind)
        {
            case JsonValueKind.String:
                return root.GetString();
            case JsonValueKind.Array:
                return JoinStrings(root);
            case JsonValueKind.Object:
                foreach (var name in new[] { "message", "detail", "error", "error_description" })
                {
                    if (TryGetProperty(root, name, out var value) && value.ValueKind == JsonValueKind.String) return value.GetString();
                }

                var fields = new List<string>();
                foreach (var property in root.EnumerateObject())
                {
                    var text = property.Value.ValueKind switch
                    {
                        JsonValueKind.String => property.Value.GetString(),
                        JsonValueKind.Array => JoinStrings(property.Value),
                        _ => null,
                    };
                    if (!string.IsNullOrEmpty(text)) fields.Add($"{property.Name}: {text}");
                }

                return fields.Count > 0 ? string.Join("; ", fields) : null;
            default:
                return null;
        }
    }

    private static bool TryGetProperty(JsonElement element, string name, out JsonElement value)
    {
        foreach (var property in element.EnumerateObject())
        {
            if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                value = property.Value;
                return true;
            }
        }

        value = default;
        return false;
    }

    private static string? JoinStrings(JsonElement array)
    {
        var parts = new List<string>();
        foreach (var item in array.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.String) parts.Add(item.GetString()!);
        }

        return parts.Count > 0 ? string.Join(" ", parts) : null;
    }

    /// <summary>
    /// Text quoted from a server, safe to print: control characters (ESC, BEL…), which would drive the user's
    /// terminal, are dropped; line breaks and tabs become spaces.
    /// </summary>
    public static string Printable(string text)
    {
        var clean = true;
        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                clean = false;
                break;
            }
        }

        if (clean) return text;
        var result = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (!char.IsControl(c)) result.Append(c);
            else if (char.IsWhiteSpace(c)) result.Append(' ');
        }

        return result.ToString();
    }

    /// <summary>The start of a body on one line, for error messages about bodies we could not read.</summary>
    public static string Excerpt(string body)
    {
        if (string.IsNullOrEmpty(body)) return "(empty body)";
        var text = new StringBuilder(Math.Min(body.Length, ExcerptLength + 1));
        var lastWasSpace = false;
        foreach (var c in body)
        {
            var space = char.IsWhiteSpace(c);
            if (space && lastWasSpace) continue;
            if (!space && char.IsControl(c)) continue; // escape sequences would drive the user's terminal
            text.Append(space ? ' ' : c);
            lastWasSpace = space;
            if (text.Length >= ExcerptLength) return text.ToString().Trim() + "…";
        }

        return text.ToString().Trim();
    }
}
