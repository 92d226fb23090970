using System.Buffers;
using System.Text.Json;

namespace BadgeAdmin.Sandbox.Snag;

/// <summary>
/// Writes Snag objects in the wire format of api-reference §1.5 with Utf8JsonWriter (fast enough to serve 100,000
/// badges for the benchmarks). Replies are rendered under the data lock and sent after it is released.
/// </summary>
/// <remarks>
/// The responses conform to Snag's own OpenAPI description (../shared/snag-openapi-badges.yaml, checked by
/// tests/BadgeAdmin.Tests/Contract). Where it types a field without <c>nullable</c> (a badge's description, a
/// condition's type, a reward's amount, multiplier and loyaltyCurrencyId, a user badge's completedAt) and the value is
/// unknown, the field is left out rather than sent as null: the extract requires none of them.
/// </remarks>
internal static class SnagJson
{
    public static IResult Reply(int status, Action<Utf8JsonWriter> write)
    {
        var buffer = new ArrayBufferWriter<byte>(4096);
        using (var writer = new Utf8JsonWriter(buffer)) write(writer);
        return new BytesResult(status, buffer.WrittenMemory);
    }

    public static IResult Message(int status, string message) => Reply(status, w =>
    {
        w.WriteStartObject();
        w.WriteString("message", message);
        w.WriteEndObject();
    });

    public static void Page<T>(Utf8JsonWriter w, IEnumerable<T> items, bool hasNextPage, bool hasNextPageAsString, Action<Utf8JsonWriter, T> writeItem)
    {
        w.WriteStartObject();
        w.WriteStartArray("data");
        foreach (var item in items) writeItem(w, item);
        w.WriteEndArray();
        if (hasNextPageAsString) w.WriteString("hasNextPage", hasNextPage ? "true" : "false");
        else w.WriteBoolean("hasNextPage", hasNextPage);
        w.WriteEndObject();
    }

    public static void Badge(Utf8JsonWriter w, SnagBadge badge, IEnumerable<SnagUserBadge> userBadges, bool legacyUserBadgeKey)
    {
        w.WriteStartObject();
        w.WriteString("id", badge.Id);
        w.WriteString("name", badge.Name);
        OptionalString(w, "description", badge.Description);
        NullableString(w, "imageUrl", badge.ImageUrl);
        w.WriteString("createdAt", badge.CreatedAt);
        w.WriteString("updatedAt", badge.UpdatedAt);
        if (badge.DeletedAt is { } deleted) w.WriteString("deletedAt", deleted);
        w.WriteBoolean("hideInUi", badge.HideInUi);
        w.WriteStartArray("loyaltyConditions");
        var csvCondition = badge.Conditions.FirstOrDefault(c => c.Type == "csv");
        foreach (var c in badge.Conditions) Condition(w, c, c == csvCondition ? badge.CsvFiles : null);
        w.WriteEndArray();
        w.WriteStartArray(legacyUserBadgeKey ? "LoyaltyBadgeUser" : "loyaltyBadgeUsers");
        foreach (var u in userBadges) EmbeddedUserBadge(w, u);
        w.WriteEndArray();
        w.WriteStartArray("loyaltyRules");
        foreach (var rule in badge.Conditions.SelectMany(c => c.LoyaltyRuleIds).Distinct())
        {
            w.WriteStartObject();
            w.WriteString("id", rule);
            w.WriteString("name", $"Rule {rule.ToString()[..8]}");
            w.WriteEndObject();
        }

        w.WriteEndArray();
        w.WriteStartArray("rewards");
        foreach (var r in badge.Rewards) Reward(w, r);
        w.WriteEndArray();
        w.WriteStartArray("dataJobs");
        foreach (var job in badge.DataJobs) DataJob(w, job);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void BadgeUser(Utf8JsonWriter w, SnagUserBadge u)
    {
        w.WriteStartObject();
        w.WriteString("id", u.Id);
        w.WriteString("userId", u.User.Id);
        w.WriteString("loyaltyBadgeId", u.BadgeId);
        w.WriteString("websiteId", u.WebsiteId);
        w.WriteString("organizationId", u.OrganizationId);
        w.WriteString("createdAt", u.CreatedAt);
        w.WriteString("updatedAt", u.UpdatedAt);
        w.WriteNull("deletedAt");
        if (u.CompletedAt is { } completed) w.WriteString("completedAt", completed); // granted: the date, as the extract's string
        w.WriteString("status", u.Status);
        w.WriteStartArray("progress");
        w.WriteEndArray();
        w.WriteBoolean("dismissedInUi", false);
        w.WriteStartObject("user");
        w.WriteString("walletAddress", u.User.WalletAddress);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    public static void Website(Utf8JsonWriter w, SnagWebsite site)
    {
        w.WriteStartObject();
        w.WriteString("id", site.Id);
        w.WriteString("name", site.Name);
        if (site.TermsSignedAt is { } signed) w.WriteString("termsSignedAt", signed);
        else w.WriteNull("termsSignedAt");
        w.WriteStartArray("collections");
        w.WriteEndArray();
        w.WriteStartObject("_count");
        w.WriteNumber("mintingContractAssets", 0);
        w.WriteEndObject();
        w.WriteStartArray("onchainTokens");
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void UserBadgeChange(Utf8JsonWriter w, string message, SnagUserBadge u)
    {
        w.WriteStartObject();
        w.WriteString("message", message);
        w.WriteStartObject("data");
        w.WriteString("id", u.Id);
        w.WriteString("userId", u.User.Id);
        w.WriteString("loyaltyBadgeId", u.BadgeId);
        w.WriteString("status", u.Status);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    private static void EmbeddedUserBadge(Utf8JsonWriter w, SnagUserBadge u)
    {
        w.WriteStartObject();
        w.WriteString("id", u.Id);
        w.WriteString("loyaltyBadgeId", u.BadgeId);
        w.WriteString("userId", u.User.Id);
        w.WriteString("websiteId", u.WebsiteId);
        w.WriteString("organizationId", u.OrganizationId);
        w.WriteString("status", u.Status);
        w.WriteString("createdAt", u.CreatedAt);
        w.WriteString("updatedAt", u.UpdatedAt);
        if (u.CompletedAt is { } completed) w.WriteString("completedAt", completed); // granted: the date, as the extract's string
        w.WriteBoolean("dismissedInUi", false);
        w.WriteBoolean("hideInUi", false);
        w.WriteStartObject("user");
        w.WriteString("id", u.User.Id);
        w.WriteString("walletAddress", u.User.WalletAddress);
        w.WriteEndObject();
        w.WriteEndObject();
    }

    /// <summary>A data job as the SDK's DataJob: id, status, message (null while it runs), createdAt, updatedAt.</summary>
    private static void DataJob(Utf8JsonWriter w, SnagDataJob job)
    {
        var (status, updatedAt, message) = job.State();
        w.WriteStartObject();
        w.WriteString("id", job.Id);
        w.WriteString("status", status);
        NullableString(w, "message", message);
        w.WriteString("createdAt", job.CreatedAt);
        w.WriteString("updatedAt", updatedAt);
        w.WriteEndObject();
    }

    private static void Condition(Utf8JsonWriter w, SnagCondition c, IReadOnlyList<SnagCsvFile>? csvFiles)
    {
        w.WriteStartObject();
        w.WriteString("id", c.Id);
        OptionalString(w, "type", c.Type);
        NullableNumber(w, "amount", c.Amount);
        NullableNumber(w, "repeatCount", c.RepeatCount);
        NullableNumber(w, "requiredCount", c.RequiredCount);
        NullableString(w, "description", c.Description);
        NullableString(w, "csvUrl", c.CsvUrl);
        NullableString(w, "loyaltyCurrencyId", c.LoyaltyCurrencyId?.ToString());
        NullableString(w, "loyaltyRuleGroupId", c.LoyaltyRuleGroupId?.ToString());
        w.WriteStartArray("association");
        foreach (var rule in c.LoyaltyRuleIds) Association(w, "loyaltyRule", rule);
        foreach (var badge in c.LoyaltyBadgeIds) Association(w, "loyaltyBadge", badge);
        w.WriteEndArray();
        if (csvFiles is not null)
        {
            // The csv condition lists the badge's CSV files (the SDK's LoyaltyCondition.csvFiles).
            w.WriteStartArray("csvFiles");
            foreach (var file in csvFiles)
            {
                w.WriteStartObject();
                w.WriteString("id", file.Id);
                w.WriteString("url", file.Url);
                NullableString(w, "name", file.Name);
                NullableString(w, "description", file.Description);
                w.WriteEndObject();
            }

            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void Association(Utf8JsonWriter w, string kind, Guid id)
    {
        w.WriteStartObject();
        foreach (var name in new[] { "loyaltyRule", "loyaltyBadge", "loyaltyRuleGroup", "loyaltyCurrency", "loyaltyLeaderboardView" })
        {
            if (name != kind)
            {
                w.WriteNull(name);
                continue;
            }

            w.WriteStartObject(name);
            w.WriteString("id", id);
            w.WriteString("name", $"{kind} {id.ToString()[..8]}");
            w.WriteEndObject();
        }

        w.WriteEndObject();
    }

    private static void Reward(Utf8JsonWriter w, SnagReward r)
    {
        w.WriteStartObject();
        w.WriteString("id", r.Id);
        w.WriteString("rewardType", r.RewardType);
        OptionalNumber(w, "amount", r.Amount);
        OptionalNumber(w, "multiplier", r.Multiplier);
        w.WriteBoolean("isRetroactive", r.IsRetroactive);
        OptionalString(w, "loyaltyCurrencyId", r.LoyaltyCurrencyId?.ToString());
        if (r.LoyaltyCurrencyIds is { } ids)
        {
            w.WriteStartArray("loyaltyCurrencyIds");
            foreach (var id in ids) w.WriteStringValue(id);
            w.WriteEndArray();
        }

        w.WriteEndObject();
    }

    private static void NullableString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null) w.WriteNull(name);
        else w.WriteString(name, value);
    }

    /// <summary>For fields the extract types as a non-nullable string: written when known, else left out.</summary>
    private static void OptionalString(Utf8JsonWriter w, string name, string? value)
    {
        if (value is not null) w.WriteString(name, value);
    }

    /// <summary>For fields the extract types as a non-nullable number: written when known, else left out.</summary>
    private static void OptionalNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } n) w.WriteNumber(name, n);
    }

    private static void NullableNumber(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } n) w.WriteNumber(name, n);
        else w.WriteNull(name);
    }

    private sealed class BytesResult(int status, ReadOnlyMemory<byte> body) : IResult
    {
        public async Task ExecuteAsync(HttpContext context)
        {
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.ContentLength = body.Length;
            await context.Response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
