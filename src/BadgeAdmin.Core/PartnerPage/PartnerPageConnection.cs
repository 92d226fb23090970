using System;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Core.PartnerPage;

/// <summary>A PartnerPage connection: one client, one HTTP pipeline, kept for a runspace or passed with -Connection.</summary>
public sealed class PartnerPageConnection : BadgeAdminConnection
{
    /// <summary>PartnerPage sends the bare key in Authorization, with no scheme [C] (api-reference §2.1).</summary>
    public const string ApiKeyHeader = "Authorization";

    public PartnerPageConnection(ConnectionSettings settings, string apiKeySource, Guid? directoryId = null)
        : base("PartnerPage", settings, apiKeySource)
    {
        Client = new PartnerPageClient(settings, Pacer);
        DirectoryId = directoryId;
    }

    /// <summary>Default directory of the directory-badge cmdlets (Connect-PartnerPage -DirectoryId); each takes its own -DirectoryId too.</summary>
    /// <remarks>Connect-PartnerPage -DirectoryId alone changes it on the runspace's connection, keeping its key and address.</remarks>
    public Guid? DirectoryId { get; internal set; }

    internal PartnerPageClient Client { get; }

    protected override void DisposeClient() => Client.Dispose();
}
