using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Snag;

[Cmdlet(VerbsCommon.Set, "LoyaltyBadge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Pages + "Set-LoyaltyBadge.md")]
[OutputType(typeof(LoyaltyBadge))]
public sealed class SetLoyaltyBadgeCommand : SnagCmdlet
{
    /// <summary>Badges the server answered for that got CSV files without having a csv condition; warned about on the pipeline thread.</summary>
    private readonly ConcurrentQueue<LoyaltyBadge> _filesWithoutCsvCondition = new();

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
    [HashtableKeys(nameof(Reward), typeof(LoyaltyReward), typeof(RewardInput))]
    [ValidateFiniteAmounts]
    public LoyaltyReward[]? Reward { get; set; }

    /// <summary>CSV files to give the badge (URLs, hashtables or objects, as New-LoyaltyBadge -CsvFile).</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    [HashtableKeys(nameof(CsvFile), typeof(LoyaltyCsvFile), typeof(CsvFileInput))]
    public LoyaltyCsvFile[]? CsvFile { get; set; }

    /// <summary>Writes the badge as the server returns it after the change.</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

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
        if (!Confirm.ShouldChange(target, Describe(update))) return;
        var (id, passThru) = (Id, PassThru.IsPresent);
        Sender(ThrottleLimit).Send(id, ErrorIds.LoyaltyBadgeNotFound, async token =>
        {
            var badge = Seen.Read(await Client.UpdateBadgeAsync(id, update, token).ConfigureAwait(false));
            if (update.CsvFiles is { Count: > 0 } && badge.Conditions is { } conditions && !conditions.Any(c => c?.IsCsv == true)) _filesWithoutCsvCondition.Enqueue(badge);
            return passThru ? badge : null;
        }, target);
        WarnAboutCsvConditions();
    }

    private protected override void OnEnd() => WarnAboutCsvConditions();

    /// <summary>
    /// The update answers with the badge, conditions included: a badge that got CSV files without a csv condition is
    /// worth a warning, as New-LoyaltyBadge gives one (conditions cannot be changed, so only a new badge can fix it).
    /// </summary>
    private void WarnAboutCsvConditions()
    {
        while (_filesWithoutCsvCondition.TryDequeue(out var badge))
        {
            MessageStreams.Warning(this, $"Loyalty badge {badge.InMessages} got CSV files, but none of its conditions is of type csv: what Snag does with the files then is not documented. A badge's conditions cannot be changed; New-LoyaltyBadge -CsvFile makes a badge whose CSV decides who holds it.");
        }
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
