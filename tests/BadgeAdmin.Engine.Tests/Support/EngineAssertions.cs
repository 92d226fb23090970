using System.Text.Json.Nodes;
using BadgeAdmin.Sandbox.Control;

namespace BadgeAdmin.Engine.Tests.Support;

/// <summary>Small readers shared by the module-surface, help, binding and loading tests.</summary>
public static class EngineAssertions
{
    /// <summary>
    /// Every ErrorId a script produced, non-terminating and terminating: a parameter binding failure is a statement
    /// error in a script, so where it lands depends on how the script was run.
    /// </summary>
    public static IReadOnlyList<string> AllErrorIds(this EngineResult result) =>
        result.ErrorIds.Concat(result.TerminatingErrorId is { } id ? new[] { id } : Array.Empty<string>()).ToList();

    /// <summary>The requests whose method and path (ordinal, no query) match, oldest first.</summary>
    public static IReadOnlyList<LoggedRequest> To(this IEnumerable<LoggedRequest> requests, string method, string path) =>
        requests.Where(r => r.Method == method && r.Path == path).ToList();

    /// <summary>The requests that reached one of the emulated APIs (not the sandbox's control routes).</summary>
    public static IReadOnlyList<LoggedRequest> ApiCalls(this IEnumerable<LoggedRequest> requests) =>
        requests.Where(r => r.Path.StartsWith("/api/", StringComparison.Ordinal)).ToList();

    /// <summary>A request body as a JSON object (empty when there is none).</summary>
    public static JsonObject Json(this LoggedRequest request) =>
        string.IsNullOrEmpty(request.Body) ? new JsonObject() : JsonNode.Parse(request.Body)!.AsObject();

    /// <summary>The names of a JSON object's members, sorted, to compare what a request carried.</summary>
    public static IReadOnlyList<string> Keys(this JsonObject json) => json.Select(p => p.Key).Order(StringComparer.Ordinal).ToList();

    /// <summary>A property of an output object as a Guid (the engine hands Guids back boxed or wrapped).</summary>
    public static Guid GuidOf(this PSObject item, string property) => (Guid)LanguagePrimitives.ConvertTo(item.Properties[property].Value, typeof(Guid));
}
