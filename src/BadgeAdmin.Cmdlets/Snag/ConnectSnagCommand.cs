using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Snag;

/// <summary>
/// <para type="synopsis">Connects the current runspace to the Snag loyalty API.</para>
/// <para type="description">The key comes from -ApiKey or $env:SNAG_API_KEY, the base URI from -BaseUri,
/// $env:SNAG_BASE_URI or admin.snagsolutions.io (customers run their own hostnames). -OrganizationId and -WebsiteId
/// become the defaults of the cmdlets that need them. No request is sent until a cmdlet needs one.</para>
/// </summary>
[Cmdlet(VerbsCommunications.Connect, "Snag", DefaultParameterSetName = ApiKeySet, HelpUri = OnlineHelp.Pages + "Connect-Snag.md")]
[OutputType(typeof(SnagConnection))]
public sealed class ConnectSnagCommand : ConnectCommandBase
{
    public const string ApiKeyVariable = "SNAG_API_KEY";
    public const string BaseUriVariable = "SNAG_BASE_URI";

    /// <summary>Default organization for New-LoyaltyBadge and the listings.</summary>
    [Parameter]
    public Guid? OrganizationId { get; set; }

    /// <summary>Default website for New-LoyaltyBadge and the listings.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(LoyaltyWebsiteIdCompleter))]
    public Guid? WebsiteId { get; set; }

    private protected override void OnEnd()
    {
        var (key, source) = ReadKey("Snag", ApiKeyVariable);
        var (baseUri, uriSource) = ResolveBaseUri();
        var settings = Settings(baseUri, SnagConnection.ApiKeyHeader, key, uriSource);
        var connection = new SnagConnection(settings, source, OrganizationId, WebsiteId);
        Connections.SetSnag(connection);
        WriteVerbose($"Connected to Snag at {connection.BaseUri} (key from {source}).");
        if (PassThru.IsPresent) WriteObject(connection);
    }

    private (Uri Uri, string Source) ResolveBaseUri()
    {
        if (BaseUri is not null) return (BaseUri, "-BaseUri");
        var fromEnvironment = Environment.GetEnvironmentVariable(BaseUriVariable);
        if (string.IsNullOrWhiteSpace(fromEnvironment)) return (SnagRoutes.DefaultBaseUri, "default");
        if (Uri.TryCreate(fromEnvironment!.Trim(), UriKind.Absolute, out var uri)) return (uri, "$env:" + BaseUriVariable);
        ThrowTerminating(new Runtime.CmdletError(
            new ArgumentException($"$env:{BaseUriVariable} ('{fromEnvironment}') is not an absolute URI such as https://loyalty.example.com/."),
            Errors.ErrorIds.InvalidBaseUri, ErrorCategory.InvalidArgument, fromEnvironment));
        return default;
    }
}
