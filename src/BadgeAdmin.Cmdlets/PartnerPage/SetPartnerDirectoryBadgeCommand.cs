using System;
using System.Collections.Generic;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Cmdlets.PartnerPage;

[Cmdlet(VerbsCommon.Set, "PartnerDirectoryBadge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Pages + "Set-PartnerDirectoryBadge.md")]
[OutputType(typeof(PartnerDirectoryBadge))]
public sealed class SetPartnerDirectoryBadgeCommand : PartnerPageCmdlet
{
    /// <summary>The directory badge to change: ids by value, badges (directory or entry badges) by their Id property.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PartnerDirectoryBadgeIdCompleter))]
    public Guid Id { get; set; }

    /// <summary>New name.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? Name { get; set; }

    /// <summary>URL of the new image (http or https).</summary>
    [Parameter]
    [Alias("ImageUrl")]
    [ValidateNotNullOrEmpty]
    [ValidateHttpUrl]
    public string? Image { get; set; }

    /// <summary>The badge's directory; defaults to the connection's. Binds from a piped badge's DirectoryId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PartnerDirectoryIdCompleter))]
    public Guid? DirectoryId { get; set; }

    /// <summary>Writes the badge as the server returns it after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    private PartnerDirectoryBadgeChange Change => new() { Name = Name, Image = Image };

    private protected override void OnBegin()
    {
        if (Change.IsEmpty)
        {
            ThrowTerminating(new CmdletError(
                new ArgumentException("Nothing to change: give -Name, -Image or both."),
                ErrorIds.NothingToChange, ErrorCategory.InvalidArgument, null));
        }

        base.OnBegin();
    }

    private protected override void OnRecord()
    {
        var change = Change;
        if (DirectoryFor(DirectoryId, Id, Names.PartnerBadge(Id)) is not { } directoryId) return;
        var target = Names.PartnerDirectoryBadge(directoryId, Id);
        if (!Confirm.ShouldChange(target, Describe(change))) return;
        var (id, passThru) = (Id, PassThru.IsPresent);
        Sender(ThrottleLimit).Send(id, ErrorIds.PartnerDirectoryBadgeNotFound, async token =>
        {
            var updated = Seen.Read(await Client.UpdateDirectoryBadgeAsync(directoryId, id, change, token).ConfigureAwait(false));
            return passThru ? updated : null;
        }, target);
    }

    private static string Describe(PartnerDirectoryBadgeChange change)
    {
        var parts = new List<string>(2);
        if (change.Name is not null) parts.Add($"name to '{change.Name}'");
        if (change.Image is not null) parts.Add($"image to {change.Image}");
        return "Set " + string.Join(" and ", parts);
    }
}
