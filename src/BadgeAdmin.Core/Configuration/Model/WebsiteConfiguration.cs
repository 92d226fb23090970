using System;
using System.Collections.Generic;

namespace BadgeAdmin.Core.Configuration.Model;

/// <summary>A Snag website and its badge catalogue.</summary>
internal sealed class WebsiteConfiguration
{
    public Guid? Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public int Line { get; init; }

    public List<LoyaltyBadgeConfiguration> Badges { get; } = new();

    public override string ToString() => Name;
}
