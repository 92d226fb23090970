using System;
using System.Collections.Generic;
using System.Linq;
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

    /// <summary>
    /// The badge's rewards, sent in place of the ones it has (as with New-LoyaltyBadge: objects or hashtables). An empty
    /// array, @(), sends an empty list to remove them.
    /// </summary>
    [Parameter]
    [ValidateNotNull]
    [AllowEmptyCollection]
    [HashtableKeys(typeof(LoyaltyReward))]
    [ValidateFiniteAmounts]
    public LoyaltyReward[]? Reward { get; set; }

    /// <summary>CSV files to give the badge (URLs, hashtables or objects, as New-LoyaltyBadge -CsvFile).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [HashtableKeys(typeof(LoyaltyCsvFile))]
    public LoyaltyCsvFile[]? CsvFile { get; set; }

    /// <summary>Writes the badge as the server returns it after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private LoyaltyBadgeUpdate Update => new() { Name = Name, Description = Description, ImageUrl = ImageUrl, HideInUi = HideInUi, Rewards = Reward, CsvFiles = CsvFile };

    private protected override void OnBegin()
    {
        if (Update.IsEmpty)
        {
            ThrowTerminating(new CmdletError(
                new ArgumentException("Nothing to change: give -Name, -Description, -ImageUrl, -HideInUi, -Reward or -CsvFile."),
                ErrorIds.NothingToChange, ErrorCategory.InvalidArgument, null));
        }

        // Rewards and CSV files apply to every badge piped in: checked once, before any request.
        if (Update.Problems() is { Count: > 0 } problems)
        {
            ThrowTerminating(new CmdletError(new ArgumentException(string.Join(" ", problems)), ErrorIds.InvalidLoyaltyBadge, ErrorCategory.InvalidArgument, null)
            {
                RecommendedAction = "Fix the fields named; nothing was sent.",
            });
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
        if (update.Rewards is { } rewards) parts.Add(rewards.Count == 0 ? "no rewards" : "rewards to " + string.Join(", ", rewards));
        if (update.CsvFiles is { } files) parts.Add("CSV files " + string.Join(", ", files.Select(f => f?.Src)));
        return "Set " + string.Join(", ", parts);
    }
}
