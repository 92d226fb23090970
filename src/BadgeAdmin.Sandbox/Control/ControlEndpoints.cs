using System.Text.Json.Nodes;

namespace BadgeAdmin.Sandbox.Control;

/// <summary>Routes under /_sandbox/ that tests and users drive the sandbox with. Never part of an emulated API.</summary>
internal static class ControlEndpoints
{
    public static void Map(WebApplication app)
    {
        var control = app.MapGroup("/_sandbox");
        control.MapGet("/", () => Results.Text(SandboxOptions.Usage));

        // The seed's fixed ids, so scripts and people can connect with -OrganizationId/-WebsiteId (Snag has no route for organizations).
        control.MapGet("/seed", (SandboxState state) => JsonReply.Ok(new JsonObject
        {
            ["partnerPage"] = new JsonObject
            {
                ["key"] = "Authorization: " + SandboxOptions.DefaultPartnerPageKey + " (unless --partnerpage-key)",
                ["entryIds"] = new JsonArray(state.PartnerPage.EntryIds.Select(id => (JsonNode)id.ToString()).ToArray()),
                ["directoryId"] = PartnerPage.PartnerPageData.PartnerDirectoryId.ToString(),
                ["appDirectoryId"] = PartnerPage.PartnerPageData.AppDirectoryId.ToString(),
            },
            ["snag"] = new JsonObject
            {
                ["key"] = "X-API-KEY: " + SandboxOptions.DefaultSnagKey + " (unless --snag-key)",
                ["organizationId"] = state.Snag.OrganizationId.ToString(),
                ["mainWebsiteId"] = state.Snag.MainWebsite.Id.ToString(),
                ["betaWebsiteId"] = state.Snag.BetaWebsite.Id.ToString(),
                ["userGroups"] = new JsonArray(state.Snag.UserGroups.Select(g => (JsonNode)new JsonObject
                {
                    ["id"] = g.Id.ToString(), ["externalIdentifier"] = g.ExternalIdentifier, ["name"] = g.Name,
                }).ToArray()),
            },
        }));

        control.MapPost("/reset", (SandboxState state) =>
        {
            state.Reset();
            return JsonReply.Ok(new JsonObject { ["reset"] = true });
        });

        control.MapGet("/requests", (SandboxState state) => JsonReply.Ok(RequestLog.ToJson(state.Requests.Snapshot())));
        control.MapGet("/requests/summary", (SandboxState state) => JsonReply.Ok(state.Requests.Summary()));
        control.MapDelete("/requests", (SandboxState state) =>
        {
            state.Requests.Clear();
            return Results.NoContent();
        });

        control.MapGet("/faults", (SandboxState state) => JsonReply.Ok(new JsonArray(state.Faults.Snapshot().Select(r => (JsonNode)r.ToJson()).ToArray())));
        control.MapDelete("/faults", (SandboxState state) =>
        {
            state.Faults.Clear();
            return Results.NoContent();
        });
        control.MapPost("/faults", async (HttpRequest request, SandboxState state) =>
        {
            var body = await JsonReply.ReadObjectAsync(request);
            if (body is null) return JsonReply.Message(400, "Send a JSON object: {method, path, status, count, every, retryAfter, retryAfterMs, delayMs, body, contentType, stall, stallBody, trickleMs, repeat, abort}.");
            try
            {
                var rule = FaultRule.FromJson(body);
                state.Faults.Add(rule);
                return JsonReply.Send(201, rule.ToJson());
            }
            catch (ArgumentException ex)
            {
                return JsonReply.Message(400, ex.Message);
            }
        });

        // Many holders at once (tests and benchmarks of badges with thousands of holders), as that many grants would make them.
        control.MapPost("/holders", async (HttpRequest request, SandboxState state) =>
        {
            var body = await JsonReply.ReadObjectAsync(request);
            const string usage = "Send a JSON object: {badgeId, walletAddresses: [...], status: active|inactive|revoked (default active)}.";
            if (body is null) return JsonReply.Message(400, usage);
            var badgeId = body["badgeId"] is JsonValue id && id.TryGetValue<string>(out var text) && Guid.TryParse(text, out var parsed) ? parsed : (Guid?)null;
            if (badgeId is null) return JsonReply.Message(400, "'badgeId' must be a badge's id. " + usage);
            if (body["walletAddresses"] is not JsonArray list || list.Any(w => w is not JsonValue v || !v.TryGetValue<string>(out var s) || string.IsNullOrWhiteSpace(s)))
            {
                return JsonReply.Message(400, "'walletAddresses' must be an array of wallet addresses. " + usage);
            }

            var status = body["status"] is JsonValue st && st.TryGetValue<string>(out var given) ? given : "active";
            if (!Snag.SnagData.Statuses.Contains(status)) return JsonReply.Message(400, "'status' must be active, inactive or revoked.");
            var data = state.Snag;
            lock (data.Gate)
            {
                if (data.FindBadge(badgeId.Value) is null) return JsonReply.Message(404, $"No badge {badgeId}.");
                var added = data.AddHolders(badgeId.Value, list.Select(w => w!.GetValue<string>()), status);
                return JsonReply.Send(201, new JsonObject { ["added"] = added, ["holders"] = data.UserBadgesOf(badgeId.Value).Count });
            }
        });

        control.MapPost("/settings", async (HttpRequest request, SandboxState state) =>
        {
            var body = await JsonReply.ReadObjectAsync(request);
            if (body is null) return JsonReply.Message(400, "Send a JSON object: {partnerPageListStyle, partnerPagePageSize, latencyMs, snagHasNextPageAsString, snagLegacyUserBadgeKey, snagBadgeUsersShape, snagDataJobMs, snagDataJobOutcome, rateLimitPerSecond, rateLimitBurst, rateLimitRetryAfter, requestLogSize}.");
            if (body["partnerPageListStyle"] is JsonValue style)
            {
                var value = style.TryGetValue<string>(out var s) ? s : null;
                if (value is not ("envelope" or "array")) return JsonReply.Message(400, "'partnerPageListStyle' must be \"envelope\" or \"array\".");
                state.PartnerPageListStyle = value;
            }

            if (body["partnerPagePageSize"] is JsonValue size)
            {
                if (!size.TryGetValue<int>(out var n) || n < 1 || n > 1000) return JsonReply.Message(400, "'partnerPagePageSize' must be a whole number from 1 to 1000.");
                state.PartnerPagePageSize = n;
            }

            if (body["snagHasNextPageAsString"] is JsonValue asString)
            {
                if (!asString.TryGetValue<bool>(out var b)) return JsonReply.Message(400, "'snagHasNextPageAsString' must be true or false.");
                state.SnagHasNextPageAsString = b;
            }

            if (body["snagLegacyUserBadgeKey"] is JsonValue legacy)
            {
                if (!legacy.TryGetValue<bool>(out var b)) return JsonReply.Message(400, "'snagLegacyUserBadgeKey' must be true or false.");
                state.SnagLegacyUserBadgeKey = b;
            }

            if (body["snagBadgeUsersShape"] is JsonValue shape)
            {
                var value = shape.TryGetValue<string>(out var s) ? s : null;
                if (value is not ("envelope" or "array" or "object")) return JsonReply.Message(400, "'snagBadgeUsersShape' must be \"envelope\", \"array\" or \"object\".");
                state.SnagBadgeUsersShape = value;
            }

            if (body["snagDataJobMs"] is JsonValue jobMs)
            {
                if (!jobMs.TryGetValue<int>(out var ms) || ms < 0 || ms > 600_000) return JsonReply.Message(400, "'snagDataJobMs' must be a whole number from 0 to 600000.");
                state.SnagDataJobMs = ms;
            }

            if (body["snagDataJobOutcome"] is JsonValue outcome)
            {
                var value = outcome.TryGetValue<string>(out var s) ? s : null;
                if (value is not ("complete" or "failed" or "cancelled")) return JsonReply.Message(400, "'snagDataJobOutcome' must be \"complete\", \"failed\" or \"cancelled\".");
                state.SnagDataJobOutcome = value;
            }

            if (body["latencyMs"] is JsonValue latency)
            {
                if (!latency.TryGetValue<int>(out var ms) || ms < 0 || ms > 60_000) return JsonReply.Message(400, "'latencyMs' must be a whole number from 0 to 60000.");
                state.LatencyMs = ms;
            }

            if (RateLimitSettings(body, state.RateLimit) is { } refused) return refused;
            if (body["requestLogSize"] is JsonValue logSize)
            {
                if (!logSize.TryGetValue<int>(out var n) || n < 1 || n > 10_000_000) return JsonReply.Message(400, "'requestLogSize' must be a whole number from 1 to 10000000.");
                state.Requests.Capacity = n;
            }

            return JsonReply.Ok(Settings(state));
        });
        control.MapGet("/settings", (SandboxState state) => JsonReply.Ok(Settings(state)));
    }

    private static JsonObject Settings(SandboxState state) => new()
    {
        ["partnerPageListStyle"] = state.PartnerPageListStyle,
        ["partnerPagePageSize"] = state.PartnerPagePageSize,
        ["latencyMs"] = state.LatencyMs,
        ["snagHasNextPageAsString"] = state.SnagHasNextPageAsString,
        ["snagLegacyUserBadgeKey"] = state.SnagLegacyUserBadgeKey,
        ["snagBadgeUsersShape"] = state.SnagBadgeUsersShape,
        ["snagDataJobMs"] = state.SnagDataJobMs,
        ["snagDataJobOutcome"] = state.SnagDataJobOutcome,
        ["rateLimitPerSecond"] = state.RateLimit.PerSecond,
        ["rateLimitBurst"] = state.RateLimit.Burst,
        ["rateLimitRetryAfter"] = state.RateLimit.RetryAfter,
        ["requestLogSize"] = state.Requests.Capacity,
    };

    /// <summary>Applies rateLimitPerSecond, rateLimitBurst (null: one second's worth) and rateLimitRetryAfter; a 400 naming the field, or null.</summary>
    private static IResult? RateLimitSettings(JsonObject body, RateLimiter limiter)
    {
        if (!body.ContainsKey("rateLimitPerSecond") && !body.ContainsKey("rateLimitBurst") && !body.ContainsKey("rateLimitRetryAfter")) return null;
        var perSecond = limiter.PerSecond;
        var burst = limiter.Burst;
        var retryAfter = limiter.RetryAfter;
        if (body.ContainsKey("rateLimitPerSecond"))
        {
            if (body["rateLimitPerSecond"] is not JsonValue rate || !rate.TryGetValue<int>(out perSecond) || perSecond < 0 || perSecond > 1_000_000)
            {
                return JsonReply.Message(400, "'rateLimitPerSecond' must be a whole number from 0 (no limit) to 1000000.");
            }
        }

        if (body.ContainsKey("rateLimitBurst"))
        {
            if (body["rateLimitBurst"] is null) burst = null;
            else if (body["rateLimitBurst"] is JsonValue b && b.TryGetValue<int>(out var n) && n >= 1 && n <= 1_000_000) burst = n;
            else return JsonReply.Message(400, "'rateLimitBurst' must be a whole number from 1 to 1000000, or null for one second's worth.");
        }

        if (body.ContainsKey("rateLimitRetryAfter"))
        {
            var style = body["rateLimitRetryAfter"] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
            if (style is null || !RateLimiter.RetryAfterStyles.Contains(style))
            {
                return JsonReply.Message(400, $"'rateLimitRetryAfter' must be one of {string.Join(", ", RateLimiter.RetryAfterStyles.Select(x => $"\"{x}\""))}.");
            }

            retryAfter = style;
        }

        limiter.Configure(perSecond, burst, retryAfter);
        return null;
    }
}
