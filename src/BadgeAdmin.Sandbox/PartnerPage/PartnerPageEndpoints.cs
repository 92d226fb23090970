using System.Text.Json.Nodes;

namespace BadgeAdmin.Sandbox.PartnerPage;

/// <summary>
/// The emulated PartnerPage routes, written as the API reference describes the service (Django REST Framework style:
/// trailing slashes, {"detail": …} errors, field-keyed 400s, limit/offset paging with absolute next links).
/// </summary>
internal static class PartnerPageEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup(PartnerPageData.Prefix.TrimEnd('/'));
        // DRF routes end in '/'; without it the real service would not match the route either.
        api.AddEndpointFilter(async (context, next) =>
            (context.HttpContext.Request.Path.Value ?? "").EndsWith('/') ? await next(context) : JsonReply.Detail(404, "Not found."));

        api.MapGet("/entries/partners/", (HttpRequest request, SandboxState state) =>
        {
            if (!TryPaging(request, state, out var offset, out var limit, out var error)) return error!;
            var (total, page) = state.PartnerPage.ListEntries(offset, limit);
            return List(request, state, page, total, offset, limit, all: () => state.PartnerPage.ListEntries(0, int.MaxValue).Page);
        });

        api.MapGet("/entries/partners/{entryId}/", (string entryId, SandboxState state) =>
        {
            var entry = Guid.TryParse(entryId, out var id) ? state.PartnerPage.EntryJson(id) : null;
            return entry is null ? EntryNotFound() : JsonReply.Ok(entry);
        });

        api.MapGet("/entries/partners/{entryId}/badges/", (string entryId, HttpRequest request, SandboxState state) =>
        {
            var badges = Guid.TryParse(entryId, out var id) ? state.PartnerPage.ListBadges(id) : null;
            if (badges is null) return EntryNotFound();
            if (!TryPaging(request, state, out var offset, out var limit, out var error)) return error!;
            return List(request, state, badges.Skip(offset).Take(limit).ToList(), badges.Count, offset, limit, all: () => badges);
        });

        api.MapGet("/entries/partners/{entryId}/badges/{badgeId}/", (string entryId, string badgeId, SandboxState state) =>
            Guid.TryParse(entryId, out var e) && Guid.TryParse(badgeId, out var b)
                ? Reply(state.PartnerPage.GetBadge(e, b), 200)
                : BadgeNotFound());

        api.MapPost("/entries/partners/{entryId}/badges/", async (string entryId, HttpRequest request, SandboxState state) =>
        {
            if (!Guid.TryParse(entryId, out var e)) return EntryNotFound();
            var body = await JsonReply.ReadObjectAsync(request);
            if (body is null) return NotADictionary();
            if (body["id"] is null) return JsonReply.FieldError("id", "This field is required.");
            if (!TryGuid(body, "id", out var badgeId, out var idError)) return idError!;
            if (!TryOrder(body, out var order, out var orderError)) return orderError!;
            return Reply(state.PartnerPage.Attach(e, badgeId!.Value, order), 201);
        });

        api.MapPatch("/entries/partners/{entryId}/badges/{badgeId}/", async (string entryId, string badgeId, HttpRequest request, SandboxState state) =>
        {
            if (!Guid.TryParse(entryId, out var e) || !Guid.TryParse(badgeId, out var b)) return BadgeNotFound();
            var body = await JsonReply.ReadObjectAsync(request);
            if (body is null) return NotADictionary();
            if (body["id"] is null && body["order"] is null) return JsonReply.Send(400, new JsonObject { ["non_field_errors"] = new JsonArray("At least one field must be provided.") });
            if (!TryGuid(body, "id", out var newId, out var idError)) return idError!;
            if (!TryOrder(body, out var order, out var orderError)) return orderError!;
            return Reply(state.PartnerPage.Update(e, b, newId, order), 200);
        });

        MapDirectories(api);

        api.MapDelete("/entries/partners/{entryId}/badges/{badgeId}/", (string entryId, string badgeId, SandboxState state) =>
        {
            if (!Guid.TryParse(entryId, out var e) || !Guid.TryParse(badgeId, out var b)) return BadgeNotFound();
            var result = state.PartnerPage.Detach(e, b);
            return result.Badge is null ? Reply(result, 204) : Results.NoContent();
        });
    }

    /// <summary>
    /// Directories and their badges. The paths are the module's inferred ones (PartnerPageRoutes), in the shape of the
    /// one documented directory-scoped route, reviews/directory/{directory_id}/{review_id}/ (api-reference §2.4).
    /// </summary>
    private static void MapDirectories(RouteGroupBuilder api)
    {
        api.MapGet("/directories/", (HttpRequest request, SandboxState state) =>
        {
            if (!TryPaging(request, state, out var offset, out var limit, out var error)) return error!;
            var (total, page) = state.PartnerPage.ListDirectories(offset, limit);
            return List(request, state, page, total, offset, limit, all: () => state.PartnerPage.ListDirectories(0, int.MaxValue).Page);
        });

        api.MapGet("/directories/{directoryId}/", (string directoryId, SandboxState state) =>
        {
            var directory = Guid.TryParse(directoryId, out var id) ? state.PartnerPage.DirectoryJson(id) : null;
            return directory is null ? DirectoryNotFound() : JsonReply.Ok(directory);
        });

        api.MapGet("/badges/directory/{directoryId}/", (string directoryId, HttpRequest request, SandboxState state) =>
        {
            var badges = Guid.TryParse(directoryId, out var id) ? state.PartnerPage.ListDirectoryBadges(id) : null;
            if (badges is null) return DirectoryNotFound();
            if (!TryPaging(request, state, out var offset, out var limit, out var error)) return error!;
            return List(request, state, badges.Skip(offset).Take(limit).ToList(), badges.Count, offset, limit, all: () => badges);
        });

        api.MapGet("/badges/directory/{directoryId}/{badgeId}/", (string directoryId, string badgeId, SandboxState state) =>
            Guid.TryParse(directoryId, out var d) && Guid.TryParse(badgeId, out var b)
                ? DirectoryReply(state.PartnerPage.GetDirectoryBadge(d, b), 200)
                : DirectoryBadgeNotFound());

        api.MapPost("/badges/directory/{directoryId}/", async (string directoryId, HttpRequest request, SandboxState state) =>
        {
            if (!Guid.TryParse(directoryId, out var d)) return DirectoryNotFound();
            var body = await JsonReply.ReadObjectAsync(request);
            if (body is null) return NotADictionary();
            foreach (var field in new[] { "name", "image" })
            {
                if (body[field] is null) return JsonReply.FieldError(field, "This field is required.");
            }

            if (!TryText(body, "name", out var name, out var nameError)) return nameError!;
            if (!TryUrl(body, "image", out var image, out var imageError)) return imageError!;
            return DirectoryReply(state.PartnerPage.CreateDirectoryBadge(d, name!, image!), 201);
        });

        api.MapPatch("/badges/directory/{directoryId}/{badgeId}/", async (string directoryId, string badgeId, HttpRequest request, SandboxState state) =>
        {
            if (!Guid.TryParse(directoryId, out var d) || !Guid.TryParse(badgeId, out var b)) return DirectoryBadgeNotFound();
            var body = await JsonReply.ReadObjectAsync(request);
            if (body is null) return NotADictionary();
            if (body["name"] is null && body["image"] is null) return JsonReply.Send(400, new JsonObject { ["non_field_errors"] = new JsonArray("At least one field must be provided.") });
            if (!TryText(body, "name", out var name, out var nameError)) return nameError!;
            if (!TryUrl(body, "image", out var image, out var imageError)) return imageError!;
            return DirectoryReply(state.PartnerPage.UpdateDirectoryBadge(d, b, name, image), 200);
        });

        api.MapDelete("/badges/directory/{directoryId}/{badgeId}/", (string directoryId, string badgeId, SandboxState state) =>
        {
            if (!Guid.TryParse(directoryId, out var d) || !Guid.TryParse(badgeId, out var b)) return DirectoryBadgeNotFound();
            var result = state.PartnerPage.DeleteDirectoryBadge(d, b);
            return result.Badge is null ? DirectoryReply(result, 204) : Results.NoContent();
        });
    }

    /// <summary>A non-blank string field (absent is fine: the caller checks what is required).</summary>
    private static bool TryText(JsonObject body, string field, out string? value, out IResult? error)
    {
        value = null;
        error = null;
        if (body[field] is null) return true;
        if (body[field] is not JsonValue v || !v.TryGetValue<string>(out var text))
        {
            error = JsonReply.FieldError(field, "Not a valid string.");
            return false;
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            error = JsonReply.FieldError(field, "This field may not be blank.");
            return false;
        }

        value = text;
        return true;
    }

    /// <summary>An absolute http(s) URL, as a DRF URLField takes it.</summary>
    private static bool TryUrl(JsonObject body, string field, out string? value, out IResult? error)
    {
        if (!TryText(body, field, out value, out error)) return false;
        if (value is null || (Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps))) return true;
        value = null;
        error = JsonReply.FieldError(field, "Enter a valid URL.");
        return false;
    }

    private static IResult Reply(BadgeResult result, int status) => Reply(result, status, EntryNotFound, BadgeNotFound);

    private static IResult Reply(BadgeResult result, int status, Func<IResult> parentNotFound, Func<IResult> badgeNotFound) => result switch
    {
        { ParentMissing: true } => parentNotFound(),
        { BadgeMissing: true } => badgeNotFound(),
        { Field: { } field } => JsonReply.FieldError(field, result.Error!),
        _ => JsonReply.Send(status, result.Badge),
    };

    private static IResult DirectoryReply(BadgeResult result, int status) => Reply(result, status, DirectoryNotFound, DirectoryBadgeNotFound);

    private static IResult DirectoryNotFound() => JsonReply.Detail(404, "Directory not found.");

    private static IResult DirectoryBadgeNotFound() => JsonReply.Detail(404, "Badge not found in this directory.");

    private static IResult EntryNotFound() => JsonReply.Detail(404, "Partner entry not found.");

    private static IResult BadgeNotFound() => JsonReply.Detail(404, "Badge not found on this partner entry.");

    private static IResult NotADictionary() =>
        JsonReply.Send(400, new JsonObject { ["non_field_errors"] = new JsonArray("Invalid data. Expected a dictionary.") });

    private static bool TryGuid(JsonObject body, string field, out Guid? value, out IResult? error)
    {
        value = null;
        error = null;
        if (body[field] is null) return true;
        if (body[field] is JsonValue v && v.TryGetValue<string>(out var text) && Guid.TryParse(text, out var id))
        {
            value = id;
            return true;
        }

        error = JsonReply.FieldError(field, "Must be a valid UUID.");
        return false;
    }

    private static bool TryOrder(JsonObject body, out int? order, out IResult? error)
    {
        order = null;
        error = null;
        if (body["order"] is null) return true;
        if (body["order"] is not JsonValue v || !v.TryGetValue<int>(out var n))
        {
            error = JsonReply.FieldError("order", "A valid integer is required.");
            return false;
        }

        if (n < 0)
        {
            error = JsonReply.FieldError("order", "Ensure this value is greater than or equal to 0.");
            return false;
        }

        order = n;
        return true;
    }

    private static bool TryPaging(HttpRequest request, SandboxState state, out int offset, out int limit, out IResult? error)
    {
        offset = 0;
        limit = state.PartnerPagePageSize;
        error = null;
        if (request.Query.TryGetValue("offset", out var o) && (!int.TryParse(o, out offset) || offset < 0))
        {
            error = JsonReply.FieldError("offset", "A valid non-negative integer is required.");
            return false;
        }

        if (request.Query.TryGetValue("limit", out var l) && (!int.TryParse(l, out limit) || limit < 1 || limit > 1000))
        {
            error = JsonReply.FieldError("limit", "Ensure this value is between 1 and 1000.");
            return false;
        }

        return true;
    }

    /// <summary>One page in the configured style: the {count, next, previous, results} envelope, or the whole list as an array.</summary>
    private static IResult List(HttpRequest request, SandboxState state, List<JsonNode> page, int total, int offset, int limit, Func<List<JsonNode>> all)
    {
        if (state.PartnerPageListStyle == "array") return JsonReply.Ok(new JsonArray(all().Select(n => n.DeepClone()).ToArray()));
        string? Link(int at) => $"{request.Scheme}://{request.Host}{request.PathBase}{request.Path}?limit={limit}&offset={at}";
        return JsonReply.Ok(new JsonObject
        {
            ["count"] = total,
            ["next"] = offset + limit < total ? Link(offset + limit) : null,
            ["previous"] = offset > 0 ? Link(Math.Max(0, offset - limit)) : null,
            ["results"] = new JsonArray(page.ToArray()),
        });
    }
}
