namespace BadgeAdmin.Core.Http;

/// <summary>How sure we are that a route exists as written (see shared/api-reference.md).</summary>
public enum RouteEvidence
{
    /// <summary>Seen in vendor documentation or the vendor's generated SDK.</summary>
    Confirmed,
    /// <summary>A reasoned guess; verify against the live API before relying on it.</summary>
    Inferred,
}
