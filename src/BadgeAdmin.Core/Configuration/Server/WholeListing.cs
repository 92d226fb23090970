using System;

namespace BadgeAdmin.Core.Configuration.Server;

/// <summary>
/// A listing read to its end, every page and no filter: what it lists (<see cref="ItemType"/>, within
/// <see cref="OrganizationId"/> and <see cref="ScopeId"/>, the directory, entry or website), and how many items it had.
/// Shown to a reader's <c>onRead</c> after its items, so that what remembers them can trust the list as whole.
/// </summary>
public sealed class WholeListing
{
    public WholeListing(Type itemType, Guid? organizationId, Guid? scopeId, long count)
    {
        ItemType = itemType;
        OrganizationId = organizationId;
        ScopeId = scopeId;
        Count = count;
    }

    public Type ItemType { get; }

    public Guid? OrganizationId { get; }

    public Guid? ScopeId { get; }

    public long Count { get; }
}
