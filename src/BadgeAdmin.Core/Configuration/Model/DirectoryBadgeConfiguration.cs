using System;

namespace BadgeAdmin.Core.Configuration.Model;

/// <summary>A badge a directory defines: what entries can carry.</summary>
internal sealed class DirectoryBadgeConfiguration
{
    public Guid? Id { get; init; }

    public string Name { get; init; } = string.Empty;

    public string Image { get; init; } = string.Empty;

    public int Line { get; init; }

    public override string ToString() => Name;
}
