using System;
using System.Collections.Generic;

namespace BadgeAdmin.Core.Configuration.Model;

/// <summary>A PartnerPage directory: the badges it defines, and the partner entries whose badges (from it) are managed.</summary>
internal sealed class DirectoryConfiguration
{
    public Guid? Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public int Line { get; init; }

    public List<DirectoryBadgeConfiguration> Badges { get; } = new();

    public List<EntryConfiguration> Entries { get; } = new();

    public override string ToString() => Name;
}
