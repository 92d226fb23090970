using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using BadgeAdmin.Tests.Support;
using YamlDotNet.RepresentationModel;

namespace BadgeAdmin.Tests.Contract;

/// <summary>
/// A vendor's OpenAPI 3.0 description read with YamlDotNet, and a checker of the schema keywords a response can break:
/// type, nullable, required, enum, format (uuid, date-time), properties, items, oneOf and $ref. What else a schema
/// says (description, example, title, minimum on parameters) describes no response value and is not checked.
/// </summary>
internal sealed partial class OpenApiContract
{
    private readonly YamlMappingNode _root;

    private OpenApiContract(YamlMappingNode root) => _root = root;

    /// <summary>Snag's partial extract, shared with the project beside the repository (../shared).</summary>
    public static string SnagExtractPath => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "snag-openapi-badges.yaml"));

    public static OpenApiContract Load(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"The OpenAPI description {path} is missing: the contract test needs it.", path);
        var stream = new YamlStream();
        using (var reader = File.OpenText(path)) stream.Load(reader);
        return new OpenApiContract((YamlMappingNode)stream.Documents[0].RootNode);
    }

    /// <summary>An operation's JSON response schema, e.g. ("/api/loyalty/badges", "get").</summary>
    public YamlMappingNode ResponseSchema(string path, string method, string status = "200")
    {
        YamlNode node = _root;
        foreach (var key in new[] { "paths", path, method, "responses", status, "content", "application/json", "schema" })
        {
            node = Child(node, key) ?? throw new KeyNotFoundException($"{method.ToUpperInvariant()} {path}: no '{key}' on the way to the {status} response schema.");
        }

        return (YamlMappingNode)node;
    }

    /// <summary>The schema of one property of an object schema (resolving a $ref first).</summary>
    public YamlMappingNode Property(YamlMappingNode schema, string name) =>
        (YamlMappingNode)(Child(Child(Resolve(schema), "properties") ?? throw new KeyNotFoundException("no properties"), name) ?? throw new KeyNotFoundException(name));

    /// <summary>Every way <paramref name="value"/> breaks <paramref name="schema"/>, each naming the JSON path; none when it conforms.</summary>
    public IReadOnlyList<string> Check(JsonNode? value, YamlMappingNode schema, string at = "$")
    {
        var problems = new List<string>();
        Check(value, schema, at, problems);
        return problems;
    }

    private void Check(JsonNode? value, YamlMappingNode schema, string at, List<string> problems)
    {
        schema = Resolve(schema);
        var type = Scalar(schema, "type");
        if (value is null)
        {
            // JSON null is valid only where the schema allows it: no type at all, or nullable: true.
            if (type is not null && Scalar(schema, "nullable") != "true") problems.Add($"{at}: null, where the schema wants {type} (not nullable)");
            return;
        }

        if (Child(schema, "oneOf") is YamlSequenceNode options)
        {
            if (!options.Children.OfType<YamlMappingNode>().Any(option => Check(value, option, at).Count == 0)) problems.Add($"{at}: {Show(value)} matches none of oneOf");
            return;
        }

        if (type is not null && !HasType(value, type))
        {
            problems.Add($"{at}: {value.GetValueKind()} {Show(value)}, where the schema wants {type}");
            return;
        }

        if (Child(schema, "enum") is YamlSequenceNode allowed)
        {
            var text = value is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
            var values = allowed.Children.OfType<YamlScalarNode>().Select(n => n.Value).ToList();
            if (text is null || !values.Contains(text)) problems.Add($"{at}: {Show(value)} is not one of {string.Join(", ", values)}");
        }

        if (Scalar(schema, "format") is { } format && value is JsonValue formatted && formatted.TryGetValue<string>(out var str) && !HasFormat(str, format))
        {
            problems.Add($"{at}: '{str}' is not a {format}");
        }

        if (value is JsonObject obj)
        {
            if (Child(schema, "required") is YamlSequenceNode required)
            {
                foreach (var name in required.Children.OfType<YamlScalarNode>().Select(n => n.Value!))
                {
                    if (!obj.ContainsKey(name)) problems.Add($"{at}: required '{name}' is missing");
                }
            }

            if (Child(schema, "properties") is YamlMappingNode properties)
            {
                foreach (var (key, propertySchema) in properties.Children)
                {
                    var name = ((YamlScalarNode)key).Value!;
                    if (obj.TryGetPropertyValue(name, out var property) && propertySchema is YamlMappingNode s2) Check(property, s2, $"{at}.{name}", problems);
                }
            }
        }

        if (value is JsonArray array && Child(schema, "items") is YamlMappingNode items)
        {
            for (var i = 0; i < array.Count; i++) Check(array[i], items, $"{at}[{i}]", problems);
        }
    }

    private YamlMappingNode Resolve(YamlMappingNode schema)
    {
        while (Scalar(schema, "$ref") is { } reference)
        {
            if (!reference.StartsWith("#/", StringComparison.Ordinal)) throw new NotSupportedException($"Only local references are read: {reference}");
            YamlNode node = _root;
            foreach (var part in reference[2..].Split('/')) node = Child(node, part) ?? throw new KeyNotFoundException($"{reference} does not resolve");
            schema = (YamlMappingNode)node;
        }

        return schema;
    }

    private static bool HasType(JsonNode value, string type) => (type, value.GetValueKind()) switch
    {
        ("object", JsonValueKind.Object) => true,
        ("array", JsonValueKind.Array) => true,
        ("string", JsonValueKind.String) => true,
        ("boolean", JsonValueKind.True or JsonValueKind.False) => true,
        ("number", JsonValueKind.Number) => true,
        ("integer", JsonValueKind.Number) => value.GetValue<decimal>() % 1 == 0,
        _ => false,
    };

    private static bool HasFormat(string text, string format) => format switch
    {
        "uuid" => Guid.TryParseExact(text, "D", out _),
        "date-time" => DateTime().IsMatch(text) && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out _),
        _ => true, // formats the extract does not use on responses (uri, email…) are not checked
    };

    private static string Show(JsonNode value)
    {
        var json = value.ToJsonString();
        return json.Length > 60 ? json[..57] + "..." : json;
    }

    private static YamlNode? Child(YamlNode node, string key) =>
        node is YamlMappingNode map && map.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    private static string? Scalar(YamlNode node, string key) => (Child(node, key) as YamlScalarNode)?.Value;

    /// <summary>RFC 3339 date-time, as OpenAPI's format means it (a time zone is required).</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")]
    private static partial Regex DateTime();
}
