using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Core.PartnerPage;

/// <summary>A PartnerPage connection: one client, one HTTP pipeline, kept for a runspace or passed with -Connection.</summary>
public sealed class PartnerPageConnection : BadgeAdminConnection
{
    /// <summary>PartnerPage sends the bare key in Authorization, with no scheme [C] (api-reference §2.1).</summary>
    public const string ApiKeyHeader = "Authorization";

    public PartnerPageConnection(ConnectionSettings settings, string apiKeySource)
        : base("PartnerPage", settings, apiKeySource)
    {
        Client = new PartnerPageClient(settings, Seen);
    }

    internal PartnerPageClient Client { get; }

    protected override void DisposeClient() => Client.Dispose();
}
