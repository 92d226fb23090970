namespace BadgeAdmin.Sandbox.Snag;

/// <summary>A seeded group of users, which the badge list filters by (userGroupId, userGroupExternalIdentifier).</summary>
public sealed class SnagUserGroup
{
    public required Guid Id { get; init; }
    public required string ExternalIdentifier { get; init; }
    public required string Name { get; init; }
    public required IReadOnlySet<Guid> Members { get; init; }
}
