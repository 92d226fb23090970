using System.Text.Json.Nodes;
using Microsoft.Extensions.Primitives;

namespace BadgeAdmin.Sandbox.Snag;

/// <summary>
/// Reads and checks query parameters and body fields of Snag requests. Each failure is a 400 whose message names
/// the field, as the module's error handling expects.
/// </summary>
internal sealed class SnagRequestError(string message) : Exception(message)
{
    public IResult Reply() => SnagJson.Message(400, Message);
}

internal static class SnagRequest
{
    public static Guid? QueryGuid(HttpRequest request, string name)
    {
        var values = request.Query[name];
        if (StringValues.IsNullOrEmpty(values)) return null;
        return Guid.TryParse(values.ToString(), out var id) ? id : throw new SnagRequestError($"{name}: Invalid uuid");
    }

    public static List<Guid> QueryGuids(HttpRequest request, string name) =>
        request.Query[name].Select(v => Guid.TryParse(v, out var id) ? id : throw new SnagRequestError($"{name}: Invalid uuid '{v}'")).ToList();

    public static List<string> QueryStrings(HttpRequest request, string name) => request.Query[name].Where(v => !string.IsNullOrEmpty(v)).Select(v => v!).ToList();

    public static string? QueryString(HttpRequest request, string name) => StringValues.IsNullOrEmpty(request.Query[name]) ? null : request.Query[name].ToString();

    public static int Limit(HttpRequest request, int fallback = 10)
    {
        var text = QueryString(request, "limit");
        if (text is null) return fallback;
        return int.TryParse(text, out var n) && n is >= 1 and <= 1000 ? n : throw new SnagRequestError("limit: Number must be between 1 and 1000");
    }

    public static bool QueryBool(HttpRequest request, string name)
    {
        var text = QueryString(request, name);
        return text switch
        {
            null => false,
            "true" => true,
            "false" => false,
            _ => throw new SnagRequestError($"{name}: Expected boolean, received '{text}'"),
        };
    }

    public static string? Status(string? status, string field = "status") =>
        status is null || SnagData.Statuses.Contains(status) ? status : throw new SnagRequestError($"{field}: Invalid enum value. Expected 'active' | 'inactive' | 'revoked', received '{status}'");

    public static async Task<JsonObject> BodyAsync(HttpRequest request)
    {
        try
        {
            return await JsonNode.ParseAsync(request.Body) as JsonObject ?? throw new SnagRequestError("body: Expected object");
        }
        catch (System.Text.Json.JsonException)
        {
            throw new SnagRequestError("body: Invalid JSON");
        }
    }

    public static string? String(JsonObject body, string field, bool required = false)
    {
        var node = body[field];
        if (node is null) return required ? throw new SnagRequestError($"{field}: Required") : null;
        return node is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new SnagRequestError($"{field}: Expected string");
    }

    public static Guid? Uuid(JsonObject body, string field, bool required = false)
    {
        var text = String(body, field, required);
        if (text is null) return null;
        return Guid.TryParse(text, out var id) ? id : throw new SnagRequestError($"{field}: Invalid uuid");
    }

    public static bool? Bool(JsonObject body, string field)
    {
        var node = body[field];
        if (node is null) return null;
        return node is JsonValue v && v.TryGetValue<bool>(out var b) ? b : throw new SnagRequestError($"{field}: Expected boolean");
    }

    public static double? Number(JsonObject body, string field)
    {
        var node = body[field];
        if (node is null) return null;
        return node is JsonValue v && v.TryGetValue<double>(out var d) ? d : throw new SnagRequestError($"{field}: Expected number");
    }

    public static List<Guid> Uuids(JsonObject body, string field)
    {
        var node = body[field];
        if (node is null) return new List<Guid>();
        if (node is not JsonArray array) throw new SnagRequestError($"{field}: Expected array");
        return array.Select((n, i) => n is JsonValue v && v.TryGetValue<string>(out var s) && Guid.TryParse(s, out var id) ? id : throw new SnagRequestError($"{field}[{i}]: Invalid uuid")).ToList();
    }

    public static string Url(JsonObject body, string field, bool required)
    {
        var text = String(body, field, required);
        if (text is null) return null!;
        return Uri.TryCreate(text, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http") ? text : throw new SnagRequestError($"{field}: Invalid url");
    }

}
