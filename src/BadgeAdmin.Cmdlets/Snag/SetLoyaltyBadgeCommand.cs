using System;
using System.Collections.Generic;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Snag;

/// <summary>
/// <para type="synopsis">Changes a Snag loyalty badge's name, description, image or visibility.</para>
/// <para type="description">Sends only the fields given (POST /api/loyalty/badges/{id}). A badge's conditions cannot
/// be changed; create a new badge instead. Writes nothing unless -PassThru.</para>
/// </summary>
[Cmdlet(VerbsCommon.Set, "LoyaltyBadge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Pages + "Set-LoyaltyBadge.md")]
[OutputType(typeof(LoyaltyBadge))]
public sealed class SetLoyaltyBadgeCommand : SnagChangeCmdlet
{
    /// <summary>The badge to change: ids by value ($ids | Set-LoyaltyBadge), badges by their Id property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(LoyaltyBadgeIdCompleter))]
    public Guid Id { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>New description; an empty string clears it.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? Description { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    [ValidateHttpUrl]
    public string? ImageUrl { get; set; }

    /// <summary>$true hides the badge in the loyalty UI, $false shows it.</summary>
    [Parameter]
    public bool? HideInUi { get; set; }

    /// <summary>Writes the badge as the server returns it after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private LoyaltyBadgeUpdate Update => new() { Name = Name, Description = Description, ImageUrl = ImageUrl, HideInUi = HideInUi };

    private protected override void OnBegin()
    {
        if (Update.IsEmpty)
        {
            ThrowTerminating(new CmdletError(
                new ArgumentException("Nothing to change: give -Name, -Description, -ImageUrl or -HideInUi."),
                ErrorIds.NothingToChange, ErrorCategory.InvalidArgument, null));
        }

        base.OnBegin();
    }

    private protected override void OnRecord()
    {
        var update = Update;
        var target = Names.LoyaltyBadge(Id);
        if (!ShouldChange(target, Describe(update))) return;
        var (id, passThru) = (Id, PassThru.IsPresent);
        Send(id, ErrorIds.LoyaltyBadgeNotFound, async token =>
        {
            var badge = await Client.UpdateBadgeAsync(id, update, token).ConfigureAwait(false);
            return passThru ? badge : null;
        }, target);
    }

    private static string Describe(LoyaltyBadgeUpdate update)
    {
        var parts = new List<string>(4);
        if (update.Name is not null) parts.Add($"name to '{update.Name}'");
        if (update.Description is not null) parts.Add($"description to '{update.Description}'");
        if (update.ImageUrl is not null) parts.Add($"image to {update.ImageUrl}");
        if (update.HideInUi is { } hide) parts.Add(hide ? "hidden in UI" : "shown in UI");
        return "Set " + string.Join(", ", parts);
    }
}
