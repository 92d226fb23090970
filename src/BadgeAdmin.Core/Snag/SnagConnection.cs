using System;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Core.Snag;

/// <summary>A Snag connection: one client and HTTP pipeline, plus the organization and website the cmdlets default to.</summary>
public sealed class SnagConnection : BadgeAdminConnection
{
    /// <summary>Snag's key header [C] (api-reference §1.1).</summary>
    public const string ApiKeyHeader = "X-API-KEY";

    public SnagConnection(ConnectionSettings settings, string apiKeySource, Guid? organizationId = null, Guid? websiteId = null)
        : base("Snag", settings, apiKeySource)
    {
        Client = new SnagClient(settings, Pacer);
        OrganizationId = organizationId;
        WebsiteId = websiteId;
    }

    /// <summary>Default organization for cmdlets that need one (New-LoyaltyBadge, scoping of listings).</summary>
    /// <remarks>Connect-Snag -OrganizationId (with no key or address) changes it on the runspace's connection.</remarks>
    public Guid? OrganizationId { get; internal set; }

    /// <summary>Default website for cmdlets that need one.</summary>
    /// <remarks>
    /// Set by Connect-Snag -WebsiteName once this connection has looked the name up, and by Connect-Snag -WebsiteId or
    /// -WebsiteName (with no key or address) on the runspace's connection.
    /// </remarks>
    public Guid? WebsiteId { get; internal set; }

    internal SnagClient Client { get; }

    protected override void DisposeClient() => Client.Dispose();
}
