using System.Collections.Generic;
using System.Text.Json.Serialization;
using BadgeAdmin.Core.Json;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Core.Snag;

/// <summary>Source-generated JSON metadata for Snag: no reflection at run time, tolerant of unknown fields and casing.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(LoyaltyBadge))]
[JsonSerializable(typeof(LoyaltyBadgeUser))]
[JsonSerializable(typeof(LoyaltyWebsite))]
[JsonSerializable(typeof(List<LoyaltyBadgeUser>))]
[JsonSerializable(typeof(ItemList<LoyaltyBadgeUser>))]
[JsonSerializable(typeof(SnagPage<LoyaltyBadge>))]
[JsonSerializable(typeof(SnagPage<LoyaltyBadgeUser>))]
[JsonSerializable(typeof(SnagPage<LoyaltyWebsite>))]
[JsonSerializable(typeof(BadgeCreateBody))]
[JsonSerializable(typeof(LoyaltyBadgeUpdate))]
[JsonSerializable(typeof(UserBadgeChangeBody))]
[JsonSerializable(typeof(UserBadgeChangeResponse))]
internal sealed partial class SnagJsonContext : JsonSerializerContext
{
}
