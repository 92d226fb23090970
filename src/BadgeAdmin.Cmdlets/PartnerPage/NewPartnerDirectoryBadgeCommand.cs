using System;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.PartnerPage.Models;

namespace BadgeAdmin.Cmdlets.PartnerPage;

[Cmdlet(VerbsCommon.New, "PartnerDirectoryBadge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Pages + "New-PartnerDirectoryBadge.md")]
[OutputType(typeof(PartnerDirectoryBadge))]
public sealed class NewPartnerDirectoryBadgeCommand : PartnerPageCmdlet
{
    /// <summary>The badge's name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>URL of the badge image (http or https); the second positional parameter.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("ImageUrl")]
    [ValidateNotNullOrEmpty]
    [ValidateHttpUrl]
    public string Image { get; set; } = string.Empty;

    /// <summary>The directory to create the badge in; defaults to the connection's.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(PartnerDirectoryIdCompleter))]
    public Guid? DirectoryId { get; set; }

    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    private protected override void OnRecord()
    {
        var label = $"badge '{Name}'";
        if (DirectoryFor(DirectoryId, Name, label) is not { } directoryId) return;
        var directory = Names.PartnerDirectory(directoryId);
        if (!Confirm.ShouldChange(directory, $"Create {label}")) return;
        var badge = new PartnerDirectoryBadgeChange { Name = Name, Image = Image };
        Sender(ThrottleLimit).Send(Name, ErrorIds.PartnerDirectoryNotFound, async token => Seen.Read(await Client.CreateDirectoryBadgeAsync(directoryId, badge, token).ConfigureAwait(false)),
            $"{label} in {directory}");
    }
}
