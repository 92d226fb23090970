using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage;

namespace BadgeAdmin.Cmdlets.PartnerPage;

[Cmdlet(VerbsCommunications.Connect, "PartnerPage", DefaultParameterSetName = ApiKeySet, HelpUri = OnlineHelp.Pages + "Connect-PartnerPage.md")]
[OutputType(typeof(PartnerPageConnection))]
public sealed class ConnectPartnerPageCommand : ConnectCommandBase
{
    public const string ApiKeyVariable = "PARTNERPAGE_API_KEY";
    public const string BaseUriVariable = "PARTNERPAGE_BASE_URI";

    /// <summary>Default directory of the directory-badge cmdlets (Get-PartnerDirectory lists them); each can override it.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(PartnerDirectoryIdCompleter))]
    public Guid? DirectoryId { get; set; }

    private protected override void OnEnd()
    {
        var current = Connections.PartnerPage;
        if (DirectoryId is { } directoryId && ChangesOnlyDefaults(current, nameof(DirectoryId)))
        {
            current!.DirectoryId = directoryId;
            WriteVerbose($"The PartnerPage connection at {current.BaseUri} now defaults to directory {directoryId} (same key and address).");
            if (PassThru.IsPresent) WriteObject(current);
            return;
        }

        var (key, source) = ReadKey("PartnerPage", ApiKeyVariable);
        var (baseUri, uriSource) = ResolveBaseUri(BaseUriVariable, PartnerPageRoutes.ProductionBaseUri);
        var settings = Settings(baseUri, PartnerPageConnection.ApiKeyHeader, key, uriSource);
        var connection = new PartnerPageConnection(settings, source, DirectoryId);
        Connections.SetPartnerPage(connection);
        WriteVerbose($"Connected to PartnerPage at {connection.BaseUri} (key from {source}).");
        if (PassThru.IsPresent) WriteObject(connection);
    }
}
