using System.Text.Json.Nodes;

namespace BadgeAdmin.Sandbox;

/// <summary>Writes JSON built from nodes: the sandbox states its wire format explicitly rather than through models.</summary>
internal static class JsonReply
{
    public static IResult Send(int status, JsonNode? body) =>
        Results.Content(body?.ToJsonString() ?? "null", "application/json", System.Text.Encoding.UTF8, status);

    public static IResult Ok(JsonNode body) => Send(200, body);

    public static IResult Detail(int status, string detail) => Send(status, new JsonObject { ["detail"] = detail });

    public static IResult Message(int status, string message) => Send(status, new JsonObject { ["message"] = message });

    /// <summary>A 400 in Django REST Framework's field-keyed style: {"field": ["message"]}.</summary>
    public static IResult FieldError(string field, string message) => Send(400, new JsonObject { [field] = new JsonArray(message) });

    /// <summary>Reads a request body as a JSON object, or null when it is missing or not an object.</summary>
    public static async Task<JsonObject?> ReadObjectAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }
}
