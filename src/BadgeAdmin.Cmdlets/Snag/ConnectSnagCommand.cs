using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Snag;

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

    /// <summary>
    /// Default website by its exact name (any casing), looked up through the new connection: one request, and a
    /// terminating error when no website or several have that name.
    /// </summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [ArgumentCompleter(typeof(LoyaltyWebsiteNameCompleter))]
    public string? WebsiteName { get; set; }

    private protected override void OnEnd()
    {
        if (WebsiteName is not null && WebsiteId is not null)
        {
            ThrowTerminating(new Runtime.CmdletError(new ArgumentException("Give -WebsiteId or -WebsiteName, not both."),
                Errors.ErrorIds.WebsiteIdAndWebsiteName, ErrorCategory.InvalidArgument, WebsiteName));
        }

        var current = Connections.Snag;
        if (ChangesOnlyDefaults(current, nameof(OrganizationId), nameof(WebsiteId), nameof(WebsiteName)))
        {
            // A failed -WebsiteName lookup ends here, before anything changes.
            var organizationId = OrganizationId ?? current!.OrganizationId;
            var websiteId = WebsiteName is null ? WebsiteId ?? current!.WebsiteId : FindWebsite(current!, WebsiteName, organizationId);
            (current!.OrganizationId, current.WebsiteId) = (organizationId, websiteId);
            WriteVerbose($"The Snag connection at {current.BaseUri} now defaults to organization {organizationId?.ToString() ?? "(none)"} and website {websiteId?.ToString() ?? "(none)"} (same key and address).");
            if (PassThru.IsPresent) WriteObject(current);
            return;
        }

        var (key, source) = ReadKey("Snag", ApiKeyVariable);
        var (baseUri, uriSource) = ResolveBaseUri(BaseUriVariable, SnagRoutes.DefaultBaseUri);
        var settings = Settings(baseUri, SnagConnection.ApiKeyHeader, key, uriSource);
        var connection = new SnagConnection(settings, source, OrganizationId, WebsiteId);
        if (WebsiteName is not null)
        {
            // Until the name resolves, the runspace keeps the connection it had: a failed lookup changes nothing.
            try
            {
                connection.WebsiteId = FindWebsite(connection, WebsiteName, OrganizationId);
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }

        Connections.SetSnag(connection);
        WriteVerbose($"Connected to Snag at {connection.BaseUri} (key from {source}).");
        if (PassThru.IsPresent) WriteObject(connection);
    }

    private Guid FindWebsite(SnagConnection connection, string name, Guid? organizationId)
    {
        var matches = new List<Core.Snag.Models.LoyaltyWebsite>();
        try
        {
            // The API's name filter is the documented one; the exact comparison here guards against a looser server match.
            Stream(new CompletionMemory(connection.Seen).Websites(organizationId, name, connection.Client.ListWebsitesAsync(organizationId, name, SnagRoutes.MaxPageSize, CancelToken)), site =>
            {
                if (string.Equals(site.Name, name, StringComparison.OrdinalIgnoreCase)) matches.Add(site);
            });
        }
        catch (Core.Http.ApiException ex)
        {
            ThrowTerminating(Errors.ApiErrorTranslator.Translate(ex, name, Errors.ErrorIds.LoyaltyWebsiteNotFound));
        }

        if (matches.Count == 1) return matches[0].Id;
        if (matches.Count == 0)
        {
            ThrowTerminating(new Runtime.CmdletError(
                new ItemNotFoundException($"No Snag website is named '{name}'{InOrganization(organizationId)}. Get-LoyaltyWebsite lists them."),
                Errors.ErrorIds.LoyaltyWebsiteNotFound, ErrorCategory.ObjectNotFound, name));
        }

        ThrowTerminating(new Runtime.CmdletError(
            new ArgumentException($"{matches.Count} Snag websites are named '{name}'{InOrganization(organizationId)} ({string.Join(", ", matches.Select(m => m.Id))}); give -WebsiteId."),
            Errors.ErrorIds.LoyaltyWebsiteAmbiguous, ErrorCategory.InvalidArgument, name));
        return default;
    }

    private static string InOrganization(Guid? organizationId) => organizationId is { } id ? $" in organization {id}" : string.Empty;
}
