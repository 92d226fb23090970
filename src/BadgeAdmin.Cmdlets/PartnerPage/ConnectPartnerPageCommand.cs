using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.PartnerPage;

/// <summary>
/// <para type="synopsis">Connects the current runspace to the PartnerPage API.</para>
/// <para type="description">Keeps one connection (one HTTP client) for the runspace. The key comes from -ApiKey or
/// $env:PARTNERPAGE_API_KEY and is never shown again. -DirectoryId becomes the default of the directory-badge
/// cmdlets. No request is sent until a cmdlet needs one.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "PartnerPage", DefaultParameterSetName = ApiKeySet, HelpUri = OnlineHelp.Pages + "Connect-PartnerPage.md")]
[OutputType(typeof(PartnerPageConnection))]
public sealed class ConnectPartnerPageCommand : ConnectCommandBase
{
    public const string ApiKeyVariable = "PARTNERPAGE_API_KEY";

    /// <summary>Default directory of the directory-badge cmdlets (Get-PartnerDirectory lists them); each can override it.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(PartnerDirectoryIdCompleter))]
    public Guid? DirectoryId { get; set; }

    private protected override void OnEnd()
    {
        var (key, source) = ReadKey("PartnerPage", ApiKeyVariable);
        var settings = Settings(BaseUri ?? PartnerPageRoutes.ProductionBaseUri, PartnerPageConnection.ApiKeyHeader, key);
        var connection = new PartnerPageConnection(settings, source, DirectoryId);
        Connections.SetPartnerPage(connection);
        WriteVerbose($"Connected to PartnerPage at {connection.BaseUri} (key from {source}).");
        if (PassThru.IsPresent) WriteObject(connection);
    }
}
