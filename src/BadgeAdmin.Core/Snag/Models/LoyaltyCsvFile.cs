using System;
using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace BadgeAdmin.Core.Snag.Models;

/// <summary>
/// A CSV file of a badge (api-reference §1.3 <c>csvFiles</c>): as input <c>{src, name?, description?}</c> on create and
/// update, as output an item of a condition's <c>csvFiles</c> (<c>{id, url, name, description}</c>), whose url is read
/// into <see cref="Src"/>. So the files a badge shows can be given back as they are. A plain string is a file's address.
/// </summary>
public sealed class LoyaltyCsvFile
{
    public LoyaltyCsvFile()
    {
    }

    /// <summary>A file given by its address alone (New-LoyaltyBadge -CsvFile https://…/holders.csv).</summary>
    public LoyaltyCsvFile(string src) => Src = src;

    /// <summary>Output only: the file's id on the server.</summary>
    [JsonPropertyName("id")]
    public Guid? Id { get; set; }

    /// <summary>Where the CSV file is (an http or https URL): the API's <c>src</c> on input, its <c>url</c> on output.</summary>
    [JsonPropertyName("url")]
    public string? Src { get; set; }

    [JsonPropertyName("name")]
    public string? Name { get; set; }

    [JsonPropertyName("description")]
    public string? Description { get; set; }

    public override string ToString() => Name ?? Src ?? string.Empty;

    /// <summary>Every problem with a list of files to send, each naming its item and field (CsvFile[1].Src); empty when they can be sent.</summary>
    internal static IReadOnlyList<string> Problems(IReadOnlyList<LoyaltyCsvFile?>? files)
    {
        var problems = new List<string>();
        for (var i = 0; i < (files?.Count ?? 0); i++)
        {
            var file = files![i];
            if (file is null) problems.Add($"CsvFile[{i}]: is null.");
            else if (string.IsNullOrWhiteSpace(file.Src)) problems.Add($"CsvFile[{i}].Src: required (the CSV file's http or https URL).");
            else if (!Uri.TryCreate(file.Src!.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                problems.Add($"CsvFile[{i}].Src: '{file.Src}' is not an http(s) URL.");
            }
        }

        return problems;
    }

    internal CsvFileInput ToInput() => new() { Src = Src!.Trim(), Name = Name, Description = Description };
}
