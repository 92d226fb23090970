using System;
using System.Collections.Generic;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Core.Configuration.Model;

/// <summary>
/// A loyalty badge as the file wants it. Optional properties left out of the file (description, hideInUi, rewards)
/// are not managed: the server's value stands. Conditions are always managed: they decide whether the badge can be
/// updated or must be replaced.
/// </summary>
internal sealed class LoyaltyBadgeConfiguration
{
    public Guid? Id { get; init; }

    public string Name { get; init; } = string.Empty;

    /// <summary>Whether the file has a <c>description</c> (null or empty there means: no description).</summary>
    public bool HasDescription { get; init; }

    public string? Description { get; init; }

    public string ImageUrl { get; init; } = string.Empty;

    public bool? HideInUi { get; init; }

    public List<LoyaltyCondition> Conditions { get; init; } = new();

    /// <summary>Null when the file leaves rewards out; an empty list means none.</summary>
    public List<LoyaltyReward>? Rewards { get; init; }

    public int Line { get; init; }

    public override string ToString() => Name;
}
