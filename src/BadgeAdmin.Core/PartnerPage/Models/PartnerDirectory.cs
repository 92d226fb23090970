using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Serialization;
using BadgeAdmin.Core.Json;

namespace BadgeAdmin.Core.PartnerPage.Models;

/// <summary>
/// A PartnerPage directory: the scope of directory badges. The docs name "Get all directories" and "Get a directory"
/// but show no fields; <c>id</c>, <c>name</c> and <c>href</c> follow the API's naming style [I]. Every other field the
/// server sends is kept in <see cref="AdditionalFields"/>.
/// </summary>
public sealed class PartnerDirectory
{
    [JsonPropertyName("id")]
    public Guid Id { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("href")]
    public string? Href { get; init; }

    /// <summary>Fields this version of the module does not model, exactly as the server sent them.</summary>
    // A settable member: System.Text.Json cannot fill extension data through an init-only (constructor-like) setter.
    [JsonExtensionData]
    [JsonInclude]
    internal Dictionary<string, JsonElement>? UnmodelledFields { get; set; }

    /// <summary>Fields this version of the module does not model, as plain values (see <see cref="Json.AdditionalFields"/>).</summary>
    [JsonIgnore]
    public AdditionalFields? AdditionalFields => _additionalFields ??= Json.AdditionalFields.From(UnmodelledFields);

    private AdditionalFields? _additionalFields;

    public override string ToString() => Name is null ? Id.ToString() : $"{Name} ({Id})";
}
