using System;
using System.Linq;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Configuration.Plan;
using BadgeAdmin.Core.Configuration.Server;
using BadgeAdmin.Core.Connections;
using BadgeAdmin.Core.PartnerPage;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Configuration;

/// <summary>
/// The connections of the configuration cmdlets, which work with both services at once: those given with -Connection
/// (at most one per service), else the runspace's.
/// </summary>
internal sealed class ConfigurationConnections
{
    private readonly BadgeAdminCmdlet _cmdlet;
    private readonly BadgeAdminConnection[]? _given;

    public ConfigurationConnections(BadgeAdminCmdlet cmdlet, BadgeAdminConnection[]? given)
    {
        _cmdlet = cmdlet;
        _given = given;
    }

    /// <summary>Ends the pipeline with ServiceScopeConflict when -Connection names two connections of one service.</summary>
    public void CheckOnePerService()
    {
        var services = (_given ?? Array.Empty<BadgeAdminConnection>()).GroupBy(c => c.Service).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (services.Count > 0)
        {
            _cmdlet.ThrowTerminating(new CmdletError(new ArgumentException($"-Connection names more than one {services[0]} connection; give at most one per service."),
                ErrorIds.ServiceScopeConflict, ErrorCategory.InvalidArgument, _given));
        }
    }

    public PartnerPageConnection? PartnerPage => _given?.OfType<PartnerPageConnection>().FirstOrDefault() ?? ConnectionRegistry.ForCurrentRunspace().PartnerPage;

    public SnagConnection? Snag => _given?.OfType<SnagConnection>().FirstOrDefault() ?? ConnectionRegistry.ForCurrentRunspace().Snag;

    /// <summary>The PartnerPage connection, or the end of the pipeline with NotConnected/ConnectionClosed.</summary>
    public PartnerPageConnection RequirePartnerPage() => Require("PartnerPage", PartnerPage);

    public SnagConnection RequireSnag() => Require("Snag", Snag);

    /// <summary>Tab completion forgets what an applied change removed and offers what it created, as after the other cmdlets' changes.</summary>
    public void Applied(BadgeConfigurationChange change, Guid? outcomeId)
    {
        BadgeAdminConnection? connection = change.Service == "PartnerPage" ? PartnerPage : Snag;
        if (connection is null) return;
        var id = change.Action is ChangeActions.Create or ChangeActions.Replace or ChangeActions.Attach ? outcomeId ?? change.Id : change.Id;
        new CompletionMemory(connection.Seen).Applied(change, id);
    }

    /// <summary>
    /// What remembers each item the configuration cmdlets read for tab completion and names, by the connection of its
    /// service, as the other cmdlets' reads are. Made on the pipeline thread (the connections are the runspace's), and
    /// called from the reading threads.
    /// </summary>
    public Action<object> Remembering()
    {
        var partnerPage = PartnerPage is { } pp ? new CompletionMemory(pp.Seen) : null;
        var snag = Snag is { } sn ? new CompletionMemory(sn.Seen) : null;
        return item =>
        {
            if (item is WholeListing whole) (whole.ItemType == typeof(LoyaltyBadge) || whole.ItemType == typeof(LoyaltyWebsite) ? snag : partnerPage)?.Listed(whole);
            else (item is LoyaltyBadge or LoyaltyWebsite ? snag : partnerPage)?.Read(item);
        };
    }

    private T Require<T>(string service, T? connection)
        where T : BadgeAdminConnection
    {
        if (ConnectionCheck.Problem(service, connection) is { } problem) _cmdlet.ThrowTerminating(problem);
        return connection!;
    }
}
