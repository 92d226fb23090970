using System;
using System.Linq;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Snag;

[Cmdlet(VerbsCommon.New, "LoyaltyBadge", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Pages + "New-LoyaltyBadge.md")]
[OutputType(typeof(LoyaltyBadge))]
public sealed class NewLoyaltyBadgeCommand : SnagCmdlet
{
    /// <summary>The badge's name.</summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string Name { get; set; } = string.Empty;

    /// <summary>URL of the badge image (http or https); the second positional parameter.</summary>
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    [ValidateHttpUrl]
    public string ImageUrl { get; set; } = string.Empty;

    /// <summary>What a user must do to earn the badge; at least one, unless -CsvFile is given (then a csv condition).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Conditions")]
    [ValidateNotNullOrEmpty]
    [HashtableKeys(nameof(Condition), typeof(LoyaltyCondition), typeof(ConditionInput))]
    [ValidateFiniteAmounts]
    public LoyaltyCondition[] Condition { get; set; } = Array.Empty<LoyaltyCondition>();

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? Description { get; set; }

    /// <summary>What a user gets with the badge.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Rewards")]
    [HashtableKeys(nameof(Reward), typeof(LoyaltyReward), typeof(RewardInput))]
    [ValidateFiniteAmounts]
    public LoyaltyReward[]? Reward { get; set; }

    /// <summary>
    /// CSV files whose rows decide who holds the badge: URLs, hashtables (@{ src = 'https://…'; name = 'Holders' }) or
    /// LoyaltyCsvFile objects. Without -Condition, the badge gets one csv condition.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("CsvFiles")]
    [EmptyStringAsNull]
    [HashtableKeys(nameof(CsvFile), typeof(LoyaltyCsvFile), typeof(CsvFileInput))]
    public LoyaltyCsvFile[]? CsvFile { get; set; }

    /// <summary>Hide the badge in the loyalty UI.</summary>
    [Parameter]
    public SwitchParameter HideInUi { get; set; }

    /// <summary>Defaults to the connection's.</summary>
    [Parameter]
    public Guid? OrganizationId { get; set; }

    /// <summary>Defaults to the connection's.</summary>
    [Parameter]
    [ArgumentCompleter(typeof(LoyaltyWebsiteIdCompleter))]
    public Guid? WebsiteId { get; set; }

    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    private protected override void OnBegin()
    {
        // An empty CsvFile cell of a CSV row means "no file" ([EmptyStringAsNull]); typed, -CsvFile '' (an unset
        // variable, say) is a mistake, refused as Set-LoyaltyBadge -CsvFile '' is, before anything is sent.
        if (MyInvocation.BoundParameters.ContainsKey(nameof(CsvFile)) && CsvFile is null)
        {
            ThrowTerminating(new CmdletError(new ArgumentException(string.Join(" ", LoyaltyCsvFile.Problems(new[] { new LoyaltyCsvFile(string.Empty) }))),
                ErrorIds.InvalidLoyaltyBadge, ErrorCategory.InvalidArgument, null)
            {
                RecommendedAction = "Fix the fields named; nothing was sent.",
            });
        }

        base.OnBegin();
    }

    private protected override void OnRecord()
    {
        var badge = new LoyaltyBadgeCreate
        {
            OrganizationId = OrganizationId ?? DefaultOrganizationId ?? Guid.Empty,
            WebsiteId = WebsiteId ?? DefaultWebsiteId ?? Guid.Empty,
            Name = Name,
            ImageUrl = ImageUrl,
            Conditions = Condition,
            Description = Description,
            HideInUi = HideInUi.IsPresent ? true : null,
            Rewards = Reward,
            CsvFiles = CsvFile,
        };
        var problems = badge.Problems().Select(ApiErrorTranslator.InParameters).ToList();
        if (problems.Count > 0)
        {
            WriteError(new CmdletError(new ArgumentException(string.Join(" ", problems)), ErrorIds.InvalidLoyaltyBadge, ErrorCategory.InvalidArgument, Name)
            {
                RecommendedAction = "Fix the fields named; nothing was sent.",
            });
            return;
        }

        if (badge.CsvFilesWithoutCsvCondition)
        {
            MessageStreams.Warning(this, $"Badge '{Name}' gets CSV files but none of its conditions is of type csv: what Snag does with the files then is not documented. Add @{{ type = 'csv' }} to -Condition, or leave -Condition out, to make the CSV decide who holds the badge.");
        }

        var what = $"Create badge '{Name}' with {badge.SentConditions.Count} condition(s)" + (Reward is { Length: > 0 } ? $" and {Reward.Length} reward(s)" : string.Empty)
            + (badge.SentCsvFiles.Count > 0 ? $" and {badge.SentCsvFiles.Count} CSV file(s)" : string.Empty);
        var website = Names.LoyaltyWebsite(badge.WebsiteId);
        if (!Confirm.ShouldChange(website, what)) return;
        Sender(ThrottleLimit).Send(Name, ErrorIds.LoyaltyWebsiteNotFound, async token => Seen.Read(await Client.CreateBadgeAsync(badge, token).ConfigureAwait(false)), $"loyalty badge '{Name}' on {website}");
    }
}
