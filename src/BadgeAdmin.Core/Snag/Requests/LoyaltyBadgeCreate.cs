using System;
using System.Collections.Generic;
using System.Linq;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Core.Snag;

/// <summary>
/// What New-LoyaltyBadge sends, checked before any request: names the field at fault, and for an unknown condition
/// type or reward type lists the values the API accepts.
/// </summary>
public sealed class LoyaltyBadgeCreate
{
    public Guid OrganizationId { get; init; }
    public Guid WebsiteId { get; init; }
    public string Name { get; init; } = string.Empty;
    public string ImageUrl { get; init; } = string.Empty;
    public IReadOnlyList<LoyaltyCondition> Conditions { get; init; } = Array.Empty<LoyaltyCondition>();
    public string? Description { get; init; }
    public bool? HideInUi { get; init; }
    public IReadOnlyList<LoyaltyReward>? Rewards { get; init; }

    /// <summary>
    /// The badge's CSV files. Null sends the files of the conditions given (a badge copied from another keeps its CSV).
    /// </summary>
    public IReadOnlyList<LoyaltyCsvFile>? CsvFiles { get; init; }

    /// <summary>The CSV files sent: <see cref="CsvFiles"/>, or else those the conditions carry (a copied csv condition's).</summary>
    public IReadOnlyList<LoyaltyCsvFile> SentCsvFiles =>
        CsvFiles ?? Conditions.Where(c => c?.CsvFiles is not null).SelectMany(c => c.CsvFiles!).Where(f => !string.IsNullOrWhiteSpace(f?.Src)).ToList();

    /// <summary>
    /// The conditions sent: those given, or, for a badge given only CSV files, one csv condition, so that its CSV decides
    /// who holds it.
    /// </summary>
    public IReadOnlyList<LoyaltyCondition> SentConditions =>
        Conditions.Count == 0 && CsvFiles is { Count: > 0 } ? new[] { LoyaltyCondition.Csv() } : Conditions;

    /// <summary>True when CSV files are given but no condition is of type csv: what Snag does with them then is not documented.</summary>
    public bool CsvFilesWithoutCsvCondition =>
        CsvFiles is { Count: > 0 } && !SentConditions.Any(c => c?.IsCsv == true);

    /// <summary>The problem of a badge with no organization: the shell says which parameters give one.</summary>
    public const string OrganizationRequired = "OrganizationId: required.";

    /// <summary>The problem of a badge with no website: the shell says which parameters give one.</summary>
    public const string WebsiteRequired = "WebsiteId: required.";

    /// <summary>Every problem with the badge, each naming its field; empty when it can be sent.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (OrganizationId == Guid.Empty) problems.Add(OrganizationRequired);
        if (WebsiteId == Guid.Empty) problems.Add(WebsiteRequired);
        if (string.IsNullOrWhiteSpace(Name)) problems.Add("Name: must not be empty.");
        if (!Uri.TryCreate(ImageUrl, UriKind.Absolute, out var image) || (image.Scheme != Uri.UriSchemeHttps && image.Scheme != Uri.UriSchemeHttp))
        {
            problems.Add($"ImageUrl: '{ImageUrl}' is not an http(s) URL.");
        }

        var conditions = SentConditions;
        if (conditions.Count == 0) problems.Add("Condition: at least one condition is required (or CSV files, which bring a csv condition).");
        for (var i = 0; i < conditions.Count; i++)
        {
            var type = conditions[i]?.Type;
            if (conditions[i] is null) problems.Add($"Condition[{i}]: is null.");
            // A condition without a type is accepted by the server and can never be changed afterwards: refuse it here.
            else if (string.IsNullOrWhiteSpace(type)) problems.Add($"Condition[{i}].Type: required; use one of {string.Join(", ", LoyaltyCondition.KnownTypes)}.");
            else if (KnownSpelling(type, LoyaltyCondition.KnownTypes) is null)
            {
                problems.Add($"Condition[{i}].Type: '{type}' is not a condition type; use one of {string.Join(", ", LoyaltyCondition.KnownTypes)}.");
            }

            // JSON has no NaN or Infinity: the serializer would fail mid-request with its own message.
            if (conditions[i]?.Amount is { } amount && !IsFinite(amount)) problems.Add($"Condition[{i}].Amount: {amount} is not a finite number.");
        }

        problems.AddRange(LoyaltyReward.Problems(Rewards));
        problems.AddRange(LoyaltyCsvFile.Problems(CsvFiles));
        return problems;
    }

    internal static bool IsFinite(double value) => !double.IsNaN(value) && !double.IsInfinity(value);

    /// <summary>The API's spelling of a type given in any casing ('Points' is points), or null when it is none of them.</summary>
    internal static string? KnownSpelling(string? type, IReadOnlyList<string> known) =>
        type is null ? null : known.FirstOrDefault(k => string.Equals(k, type.Trim(), StringComparison.OrdinalIgnoreCase));

    internal BadgeCreateBody ToBody()
    {
        var problems = Problems();
        if (problems.Count > 0) throw new ArgumentException(string.Join(" ", problems));
        return new BadgeCreateBody
        {
            OrganizationId = OrganizationId,
            WebsiteId = WebsiteId,
            Name = Name,
            ImageUrl = ImageUrl,
            Conditions = SentConditions.Select(c => c.ToInput()).ToList(),
            Description = Description,
            HideInUi = HideInUi,
            Rewards = Rewards?.Select(r => r.ToInput()).ToList(),
            CsvFiles = SentCsvFiles is { Count: > 0 } files ? files.Select(f => f.ToInput()).ToList() : null,
        };
    }
}
