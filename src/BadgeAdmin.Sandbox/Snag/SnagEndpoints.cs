using System.Text.Json.Nodes;

namespace BadgeAdmin.Sandbox.Snag;

/// <summary>
/// The emulated Snag routes (api-reference §1.2, §1.4, §1.9) with the server-side rules the docs state: updates cannot
/// change conditions; reward/revoke need a user id or a wallet address; deleted badges vanish unless includeDeleted.
/// Errors are {"message": "field: problem"}. Drift switches in SandboxState reproduce the documented variants.
/// A request is refused only for what Snag's OpenAPI extract (../shared/snag-openapi-badges.yaml) or its docs
/// (api-reference §1) state; each rule stricter than the extract cites its source.
/// </summary>
internal static class SnagEndpoints
{
    public static void Map(WebApplication app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/loyalty/badges", (HttpRequest request, SandboxState state) => Guarded(() => ListBadges(request, state)));
        api.MapPost("/loyalty/badges", async (HttpRequest request, SandboxState state) => await GuardedAsync(() => CreateBadgeAsync(request, state)));
        api.MapPost("/loyalty/badges/{id}", async (string id, HttpRequest request, SandboxState state) => await GuardedAsync(() => UpdateBadgeAsync(id, request, state)));
        api.MapDelete("/loyalty/badges/{id}", (string id, SandboxState state) => Guarded(() => DeleteBadge(id, state)));
        api.MapPost("/loyalty/badges/{id}/reward", async (string id, HttpRequest request, SandboxState state) => await GuardedAsync(() => ChangeUserBadgeAsync(id, request, state, revoke: false)));
        api.MapPost("/loyalty/badges/{id}/revoke", async (string id, HttpRequest request, SandboxState state) => await GuardedAsync(() => ChangeUserBadgeAsync(id, request, state, revoke: true)));
        api.MapGet("/loyalty/badge_users", (HttpRequest request, SandboxState state) => Guarded(() => ListBadgeUsers(request, state)));
        api.MapGet("/websites", (HttpRequest request, SandboxState state) => Guarded(() => ListWebsites(request, state)));
    }

    private static IResult ListBadges(HttpRequest request, SandboxState state)
    {
        var data = state.Snag;
        var organizationId = SnagRequest.QueryGuid(request, "organizationId");
        var websiteId = SnagRequest.QueryGuid(request, "websiteId");
        var badgeIds = SnagRequest.QueryGuids(request, "badgeIds").ToHashSet();
        var userIds = SnagRequest.QueryGuids(request, "userId");
        var wallets = SnagRequest.QueryStrings(request, "walletAddress");
        var userGroupId = SnagRequest.QueryGuid(request, "userGroupId");
        var userGroupExternalIdentifier = SnagRequest.QueryString(request, "userGroupExternalIdentifier");
        var startingAfter = SnagRequest.QueryGuid(request, "startingAfter");
        var limit = SnagRequest.Limit(request);
        var includeDeleted = SnagRequest.QueryBool(request, "includeDeleted");

        lock (data.Gate)
        {
            var start = 0;
            if (startingAfter is { } after)
            {
                var at = data.PositionOf(after);
                if (at < 0) return SnagJson.Message(400, "startingAfter: Badge not found");
                start = at + 1;
            }

            // userId/walletAddress scope the listing to badges those users hold, embedding only their user badges [I].
            HashSet<Guid>? users = null;
            if (userIds.Count > 0 || wallets.Count > 0)
            {
                users = userIds.ToHashSet();
                foreach (var wallet in wallets)
                {
                    if (data.FindUser(wallet) is { } user) users.Add(user.Id);
                }
            }

            // userGroupId/userGroupExternalIdentifier (the SDK's BadgeListParams) narrow it to a group's members, as userId does [I].
            if (userGroupId is not null || userGroupExternalIdentifier is not null)
            {
                var members = data.UserGroups
                    .Where(g => (userGroupId is null || g.Id == userGroupId) && (userGroupExternalIdentifier is null || g.ExternalIdentifier == userGroupExternalIdentifier))
                    .SelectMany(g => g.Members);
                users = users is null ? members.ToHashSet() : users.Intersect(members).ToHashSet();
            }

            var page = new List<SnagBadge>(Math.Min(limit, 1000));
            var hasNextPage = false;
            for (var i = start; i < data.Badges.Count; i++)
            {
                var badge = data.Badges[i];
                if (organizationId is { } org && badge.OrganizationId != org) continue;
                if (websiteId is { } site && badge.WebsiteId != site) continue;
                if (badgeIds.Count > 0 && !badgeIds.Contains(badge.Id)) continue;
                if (badge.DeletedAt is not null && !includeDeleted) continue;
                if (users is not null && !data.UserBadgesOf(badge.Id).Any(u => users.Contains(u.User.Id))) continue;
                if (page.Count == limit)
                {
                    hasNextPage = true;
                    break;
                }

                page.Add(badge);
            }

            return SnagJson.Reply(200, w => SnagJson.Page(w, page, hasNextPage, state.SnagHasNextPageAsString, (writer, badge) =>
                SnagJson.Badge(writer, badge, users is null ? data.UserBadgesOf(badge.Id) : data.UserBadgesOf(badge.Id).Where(u => users.Contains(u.User.Id)), state.SnagLegacyUserBadgeKey)));
        }
    }

    private static async Task<IResult> CreateBadgeAsync(HttpRequest request, SandboxState state)
    {
        var body = await SnagRequest.BodyAsync(request);
        var data = state.Snag;
        // Required although the extract's body lists none: api-reference §1.3 "BadgeCreate … required markers match
        // S-DOC-REF" (organizationId, websiteId, name, imageUrl, conditions); the extract's info.description notes the
        // older typed page marked the same ones required. imageUrl is "string (URL)" there, "The URL of the badge image" here.
        var organizationId = SnagRequest.Uuid(body, "organizationId", required: true)!.Value;
        var websiteId = SnagRequest.Uuid(body, "websiteId", required: true)!.Value;
        var name = SnagRequest.String(body, "name", required: true)!;
        var imageUrl = SnagRequest.Url(body, "imageUrl", required: true);
        if (body["conditions"] is not JsonArray conditions) throw new SnagRequestError(body["conditions"] is null ? "conditions: Required" : "conditions: Expected array");
        var description = SnagRequest.String(body, "description");
        var hideInUi = SnagRequest.Bool(body, "hideInUi") ?? false;
        var rewards = ReadRewards(body);
        var csvFiles = ReadCsvFiles(body);
        var parsedConditions = conditions.Select((node, i) => ReadCondition(node, i)).ToList();

        lock (data.Gate)
        {
            if (organizationId != data.OrganizationId) return SnagJson.Message(400, "organizationId: Organization not found");
            var website = data.Websites.FirstOrDefault(w => w.Id == websiteId && w.OrganizationId == organizationId);
            if (website is null) return SnagJson.Message(400, "websiteId: Website not found in this organization");
            var now = data.Now();
            var badge = data.AddBadge(new SnagBadge
            {
                Id = Guid.NewGuid(), OrganizationId = organizationId, WebsiteId = websiteId, Name = name, Description = description,
                ImageUrl = imageUrl, HideInUi = hideInUi, CreatedAt = now, UpdatedAt = now, Rewards = rewards ?? new List<SnagReward>(),
            });
            badge.Conditions.AddRange(parsedConditions);
            AddCsvFiles(badge, csvFiles, state, now);
            return SnagJson.Reply(200, w => SnagJson.Badge(w, badge, Array.Empty<SnagUserBadge>(), state.SnagLegacyUserBadgeKey));
        }
    }

    private static async Task<IResult> UpdateBadgeAsync(string id, HttpRequest request, SandboxState state)
    {
        var body = await SnagRequest.BodyAsync(request);
        // api-reference §1.2 "Update restrictions: … only name, description and imageUrl can be changed, so that a
        // badge's conditions and user progress stay intact" (S-DOC-RECIPE); the extract's update body has no conditions.
        if (body.ContainsKey("conditions") || body.ContainsKey("rules"))
        {
            throw new SnagRequestError("conditions: A badge's conditions cannot be updated; create a new badge instead");
        }

        var name = SnagRequest.String(body, "name");
        var description = body.ContainsKey("description") ? (SnagRequest.String(body, "description"), true) : (null, false);
        var imageUrl = SnagRequest.Url(body, "imageUrl", required: false);
        var hideInUi = SnagRequest.Bool(body, "hideInUi");
        var rewards = ReadRewards(body);
        var csvFiles = ReadCsvFiles(body);
        var data = state.Snag;
        lock (data.Gate)
        {
            var badge = Guid.TryParse(id, out var badgeId) ? data.FindBadge(badgeId) : null;
            if (badge is null) return SnagJson.Message(404, "Badge not found");
            AddCsvFiles(badge, csvFiles, state, data.Now());
            if (name is not null) badge.Name = name;
            if (description.Item2) badge.Description = description.Item1;
            if (imageUrl is not null) badge.ImageUrl = imageUrl;
            if (hideInUi is { } hide) badge.HideInUi = hide;
            if (rewards is not null) badge.Rewards = rewards;
            badge.UpdatedAt = data.Now();
            return SnagJson.Reply(200, w => SnagJson.Badge(w, badge, data.UserBadgesOf(badge.Id), state.SnagLegacyUserBadgeKey));
        }
    }

    private static IResult DeleteBadge(string id, SandboxState state)
    {
        var data = state.Snag;
        lock (data.Gate)
        {
            var badge = Guid.TryParse(id, out var badgeId) ? data.FindBadge(badgeId) : null;
            if (badge is null) return SnagJson.Message(404, "Badge not found");
            badge.DeletedAt = badge.UpdatedAt = data.Now();
            return SnagJson.Reply(200, w => SnagJson.Badge(w, badge, data.UserBadgesOf(badge.Id), state.SnagLegacyUserBadgeKey));
        }
    }

    private static async Task<IResult> ChangeUserBadgeAsync(string id, HttpRequest request, SandboxState state, bool revoke)
    {
        var body = await SnagRequest.BodyAsync(request);
        var userId = SnagRequest.Uuid(body, "userId");
        var wallet = SnagRequest.String(body, "walletAddress");
        var status = SnagRequest.Status(SnagRequest.String(body, "status"));
        // api-reference §1.2 "Reward and revoke need either userId or walletAddress to identify the user. [C]
        // S-DOC-RECIPE (the SDK marks both optional, so the rule is enforced only server-side)". The address itself is
        // any string: the extract types it string, and Snag takes EVM, SVM, TON, SUI and Cosmos wallets (§1.9).
        if (userId is null && string.IsNullOrWhiteSpace(wallet)) throw new SnagRequestError("userId or walletAddress is required");

        var data = state.Snag;
        lock (data.Gate)
        {
            var badge = Guid.TryParse(id, out var badgeId) ? data.FindBadge(badgeId) : null;
            if (badge is null) return SnagJson.Message(404, "Badge not found");
            var user = userId is { } uid ? data.FindUser(uid) : revoke ? data.FindUser(wallet!) : data.UserFor(wallet!);
            if (user is null) return SnagJson.Message(404, "User not found");

            var userBadge = data.FindUserBadge(badge.Id, user.Id);
            var now = data.Now();
            if (revoke)
            {
                if (userBadge is null) return SnagJson.Message(404, "User badge not found");
                userBadge.Status = status ?? "revoked";
                userBadge.UpdatedAt = now;
                return SnagJson.Reply(200, w => SnagJson.UserBadgeChange(w, "Badge revoked successfully", userBadge));
            }

            if (userBadge is null)
            {
                userBadge = data.AddUserBadge(new SnagUserBadge
                {
                    Id = Guid.NewGuid(), BadgeId = badge.Id, User = user, WebsiteId = badge.WebsiteId, OrganizationId = badge.OrganizationId,
                    Status = status ?? "active", CreatedAt = now, UpdatedAt = now,
                });
            }
            else
            {
                userBadge.Status = status ?? "active";
                userBadge.UpdatedAt = now;
            }

            if (userBadge.Status == "active") userBadge.CompletedAt ??= now;
            return SnagJson.Reply(200, w => SnagJson.UserBadgeChange(w, "Badge rewarded successfully", userBadge));
        }
    }

    private static IResult ListBadgeUsers(HttpRequest request, SandboxState state)
    {
        var badgeId = SnagRequest.QueryGuid(request, "loyaltyBadgeId") ?? throw new SnagRequestError("loyaltyBadgeId: Required");
        var organizationId = SnagRequest.QueryGuid(request, "organizationId");
        var websiteId = SnagRequest.QueryGuid(request, "websiteId");
        var wallet = SnagRequest.QueryString(request, "walletAddress") is { } given ? SnagData.WalletKey(given) : null;
        var status = SnagRequest.Status(SnagRequest.QueryString(request, "status"));
        var startingAfter = SnagRequest.QueryGuid(request, "startingAfter");
        var limit = SnagRequest.Limit(request);

        var data = state.Snag;
        lock (data.Gate)
        {
            // The cursor is a position in the badge's full list, so it stays valid when the row it names has since
            // stopped matching the filters (revoking while listing active holders).
            IEnumerable<SnagUserBadge> rows = data.UserBadgesOf(badgeId);
            if (startingAfter is { } after)
            {
                var all = data.UserBadgesOf(badgeId);
                var at = all.Select((u, i) => (u, i)).FirstOrDefault(x => x.u.Id == after, (null!, -1)).Item2;
                if (at < 0) return SnagJson.Message(400, "startingAfter: User badge not found");
                rows = all.Skip(at + 1);
            }

            var list = rows
                .Where(u => organizationId is null || u.OrganizationId == organizationId)
                .Where(u => websiteId is null || u.WebsiteId == websiteId)
                .Where(u => wallet is null || u.User.WalletAddress == wallet)
                .Where(u => status is null || u.Status == status)
                .ToList();
            var page = list.Take(limit).ToList();
            var hasNextPage = list.Count > limit;
            return state.SnagBadgeUsersShape switch
            {
                "array" => SnagJson.Reply(200, w =>
                {
                    w.WriteStartArray();
                    foreach (var row in list) SnagJson.BadgeUser(w, row);
                    w.WriteEndArray();
                }),
                "object" => list.Count == 0 ? SnagJson.Message(404, "No users hold this badge") : SnagJson.Reply(200, w => SnagJson.BadgeUser(w, list[0])),
                _ => SnagJson.Reply(200, w => SnagJson.Page(w, page, hasNextPage, state.SnagHasNextPageAsString, SnagJson.BadgeUser)),
            };
        }
    }

    private static IResult ListWebsites(HttpRequest request, SandboxState state)
    {
        var organizationId = SnagRequest.QueryGuid(request, "organizationId");
        var name = SnagRequest.QueryString(request, "name");
        var startingAfter = SnagRequest.QueryGuid(request, "startingAfter");
        var limit = SnagRequest.Limit(request);
        var sites = state.Snag.Websites
            .Where(w => organizationId is null || w.OrganizationId == organizationId)
            .Where(w => name is null || string.Equals(w.Name, name, StringComparison.OrdinalIgnoreCase))
            .ToList();
        if (startingAfter is { } after)
        {
            var at = sites.FindIndex(w => w.Id == after);
            if (at < 0) return SnagJson.Message(400, "startingAfter: Website not found");
            sites = sites.Skip(at + 1).ToList();
        }

        return SnagJson.Reply(200, w => SnagJson.Page(w, sites.Take(limit), sites.Count > limit, state.SnagHasNextPageAsString, SnagJson.Website));
    }

    private static SnagCondition ReadCondition(JsonNode? node, int index)
    {
        if (node is not JsonObject condition) throw new SnagRequestError($"conditions[{index}]: Expected object");
        var type = SnagRequest.String(condition, "type");
        // The enum of api-reference §1.3 Condition.type [C] (the extract's copy of it is cut off).
        if (type is not null && !SnagData.ConditionTypes.Contains(type))
        {
            throw new SnagRequestError($"conditions[{index}].type: Invalid enum value. Expected {string.Join(" | ", SnagData.ConditionTypes.Select(t => $"'{t}'"))}, received '{type}'");
        }

        var currencies = SnagRequest.Uuids(condition, "loyaltyCurrencyIds");
        return new SnagCondition
        {
            Id = Guid.NewGuid(), Type = type, Amount = SnagRequest.Number(condition, "amount"),
            RepeatCount = (int?)SnagRequest.Number(condition, "repeatCount"), RequiredCount = (int?)SnagRequest.Number(condition, "requiredCount"),
            Description = SnagRequest.String(condition, "description"), CsvUrl = SnagRequest.String(condition, "csvUrl"),
            LoyaltyRuleIds = SnagRequest.Uuids(condition, "loyaltyRuleIds"), LoyaltyBadgeIds = SnagRequest.Uuids(condition, "loyaltyBadgeIds"),
            LoyaltyCurrencyId = currencies.Count > 0 ? currencies[0] : null,
            LoyaltyRuleGroupId = SnagRequest.Uuids(condition, "loyaltyRuleGroupIds").Cast<Guid?>().FirstOrDefault(),
        };
    }

    private static List<SnagReward>? ReadRewards(JsonObject body)
    {
        if (body["rewards"] is null) return null;
        if (body["rewards"] is not JsonArray rewards) throw new SnagRequestError("rewards: Expected array");
        return rewards.Select((node, i) =>
        {
            if (node is not JsonObject reward) throw new SnagRequestError($"rewards[{i}]: Expected object");
            var type = SnagRequest.String(reward, "rewardType") ?? throw new SnagRequestError($"rewards[{i}].rewardType: Required");
            if (!SnagData.RewardTypes.Contains(type))
            {
                throw new SnagRequestError($"rewards[{i}].rewardType: Invalid enum value. Expected {string.Join(" | ", SnagData.RewardTypes.Select(t => $"'{t}'"))}, received '{type}'");
            }

            return new SnagReward
            {
                Id = Guid.NewGuid(), RewardType = type, Amount = SnagRequest.Number(reward, "amount"), Multiplier = SnagRequest.Number(reward, "multiplier"),
                IsRetroactive = SnagRequest.Bool(reward, "isRetroactive") ?? false, LoyaltyCurrencyId = SnagRequest.Uuid(reward, "loyaltyCurrencyId"),
                LoyaltyCurrencyIds = reward["loyaltyCurrencyIds"] is null ? null : SnagRequest.Uuids(reward, "loyaltyCurrencyIds"),
            };
        }).ToList();
    }

    /// <summary>csvFiles of the create and update bodies: {src, name?, description?}[], src required (api-reference §1.3 [C]).</summary>
    private static List<(string Src, string? Name, string? Description)>? ReadCsvFiles(JsonObject body)
    {
        if (body["csvFiles"] is null) return null;
        if (body["csvFiles"] is not JsonArray files) throw new SnagRequestError("csvFiles: Expected array");
        return files.Select((node, i) =>
        {
            if (node is not JsonObject file) throw new SnagRequestError($"csvFiles[{i}]: Expected object");
            var src = SnagRequest.String(file, "src") ?? throw new SnagRequestError($"csvFiles[{i}].src: Required");
            return (src, SnagRequest.String(file, "name"), SnagRequest.String(file, "description"));
        }).ToList();
    }

    /// <summary>Keeps a badge's new CSV files (after any it had) and starts one data job per file.</summary>
    private static void AddCsvFiles(SnagBadge badge, List<(string Src, string? Name, string? Description)>? files, SandboxState state, DateTimeOffset now)
    {
        foreach (var (src, name, description) in files ?? new())
        {
            badge.CsvFiles.Add(new SnagCsvFile { Id = Guid.NewGuid(), Url = src, Name = name, Description = description });
            badge.DataJobs.Add(new SnagDataJob
            {
                Id = Guid.NewGuid(), CreatedAt = now, Step = TimeSpan.FromMilliseconds(state.SnagDataJobMs), Outcome = state.SnagDataJobOutcome,
                FileName = name ?? src,
            });
        }
    }

    private static IResult Guarded(Func<IResult> handle)
    {
        try
        {
            return handle();
        }
        catch (SnagRequestError error)
        {
            return error.Reply();
        }
    }

    private static async Task<IResult> GuardedAsync(Func<Task<IResult>> handle)
    {
        try
        {
            return await handle();
        }
        catch (SnagRequestError error)
        {
            return error.Reply();
        }
    }
}
