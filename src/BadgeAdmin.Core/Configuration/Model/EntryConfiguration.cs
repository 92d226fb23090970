using System;
using System.Collections.Generic;

namespace BadgeAdmin.Core.Configuration.Model;

/// <summary>A partner entry and the badges of its directory it should carry, in order.</summary>
internal sealed class EntryConfiguration
{
    public Guid? Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public int Line { get; init; }

    public List<EntryBadgeConfiguration> Badges { get; } = new();

    public override string ToString() => Name;
}
