using System.Collections.Generic;
using System.Text.Json.Serialization;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Core.PartnerPage;

/// <summary>Source-generated JSON metadata for PartnerPage: no reflection at run time, tolerant of unknown fields and casing.</summary>
[JsonSourceGenerationOptions(
    PropertyNameCaseInsensitive = true,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString)]
[JsonSerializable(typeof(PartnerEntry))]
[JsonSerializable(typeof(PartnerBadge))]
[JsonSerializable(typeof(List<PartnerEntry>))]
[JsonSerializable(typeof(List<PartnerBadge>))]
[JsonSerializable(typeof(PartnerPageListPage<PartnerEntry>))]
[JsonSerializable(typeof(PartnerPageListPage<PartnerBadge>))]
[JsonSerializable(typeof(PartnerBadgeChange))]
[JsonSerializable(typeof(PartnerDirectory))]
[JsonSerializable(typeof(PartnerDirectoryBadge))]
[JsonSerializable(typeof(List<PartnerDirectory>))]
[JsonSerializable(typeof(List<PartnerDirectoryBadge>))]
[JsonSerializable(typeof(PartnerPageListPage<PartnerDirectory>))]
[JsonSerializable(typeof(PartnerPageListPage<PartnerDirectoryBadge>))]
[JsonSerializable(typeof(PartnerDirectoryBadgeChange))]
internal sealed partial class PartnerPageJsonContext : JsonSerializerContext
{
}
