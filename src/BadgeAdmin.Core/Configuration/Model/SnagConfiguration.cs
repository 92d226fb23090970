using System;
using System.Collections.Generic;

namespace BadgeAdmin.Core.Configuration.Model;

/// <summary>The file's <c>snag</c> section: the websites it manages, and the organization new badges belong to.</summary>
internal sealed class SnagConfiguration
{
    /// <summary>The organization of the websites; null takes the connection's (Connect-Snag -OrganizationId).</summary>
    public Guid? OrganizationId { get; init; }

    public List<WebsiteConfiguration> Websites { get; } = new();
}
