using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using BadgeAdmin.Cmdlets.Connections;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Configuration.Model;
using BadgeAdmin.Core.Configuration.Plan;
using BadgeAdmin.Core.Http;

namespace BadgeAdmin.Cmdlets.Configuration;

[Cmdlet(VerbsData.Sync, "BadgeConfiguration", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Pages + "Sync-BadgeConfiguration.md")]
[OutputType(typeof(BadgeConfigurationChange))]
public sealed class SyncBadgeConfigurationCommand : PlanCmdlet
{
    private bool _yesToAll;
    private bool _noToAll;

    /// <summary>
    /// Replaces loyalty badges whose conditions differ from the file's (Snag cannot update conditions): a new badge is
    /// created with the file's conditions, then the old one deleted, and its holders do not move to the new badge. It
    /// also lets a rerun delete the old badge of a replace whose delete failed. Without it each such badge is refused.
    /// </summary>
    [Parameter]
    public SwitchParameter AllowReplace { get; set; }

    /// <summary>How many independent changes may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    /// <summary>Writes each change once it is done (with the new id of what it created).</summary>
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    private protected override void OnPlan(BadgeConfiguration file, ConfigurationPlan plan)
    {
        if (plan.Changes.Count > 0 || plan.Issues.Count > 0) MessageStreams.Note(this, $"Plan: {plan.Summary()}.");

        // Every question is asked before anything is sent: a runbook that cannot answer stops with nothing changed.
        var whatIf = ConfirmationGate.IsWhatIf(this);
        var approved = new List<PlannedChange>();
        var (refused, declined) = (0, 0);
        var keptOnEntries = new Dictionary<Guid, BadgeConfigurationChange>();
        foreach (var planned in plan.Changes)
        {
            var change = planned.Change;
            if (change.Action == ChangeActions.Replace && !AllowReplace.IsPresent)
            {
                refused++;
                WriteError(ReplaceRefused(change,
                    $"Not replaced: the loyalty badge {Named(change)} has other conditions in the file, and Snag cannot change a badge's conditions. " +
                    $"Replacing it creates a new badge and deletes this one; its {change.Holders ?? 0} holder(s) would not move to the new badge. Add -AllowReplace to replace it.",
                    "Run Sync-BadgeConfiguration with -AllowReplace, or keep the badge's conditions as they are on the server."));
                continue;
            }

            if (change.ReplacedBy is { } replacement && !AllowReplace.IsPresent)
            {
                refused++;
                WriteError(ReplaceRefused(change,
                    $"Not deleted: the loyalty badge {Named(change)} was being replaced by {replacement}, which has the file's conditions (an earlier sync created it, then could not delete this one). " +
                    $"Deleting it finishes the replace; its {change.Holders ?? 0} holder(s) stay with it. Add -AllowReplace to delete it.",
                    "Run Sync-BadgeConfiguration with -AllowReplace to finish the replace."));
                continue;
            }

            if (Confirm.ShouldChange(Describe(change), ActionText(change)) && ConfirmRemoval(change)) approved.Add(planned);
            else if (!whatIf)
            {
                declined++;
                if (change.Kind == ChangeKinds.EntryBadge && change.Action == ChangeActions.Detach && change.Id is { } kept) keptOnEntries[kept] = change;
            }
        }

        var skipped = SkipDeletesOfKeptBadges(approved, keptOnEntries);

        var applied = approved.Count == 0 ? new List<ChangeOutcome>() : Apply(approved, file.File);
        if (plan.Changes.Count == 0 && plan.Issues.Count == 0)
        {
            MessageStreams.Note(this, $"No changes: the services match {file.File}.");
            return;
        }

        if (whatIf) return;
        var done = applied.Count(o => o.Succeeded);

        var notDone = new List<string>();
        if (approved.Count - done > 0) notDone.Add($"{approved.Count - done} failed (see the errors; run it again to retry)");
        if (declined > 0) notDone.Add($"{declined} declined");
        if (skipped > 0) notDone.Add($"{skipped} not sent because a declined change keeps what it would remove (see the errors)");
        if (refused > 0) notDone.Add($"{refused} refused (see the errors)");
        if (plan.Issues.Count > 0) notDone.Add($"{plan.Issues.Count} could not be planned (see the errors)");
        MessageStreams.Note(this, (plan.Changes.Count == 0 ? "No change applied" : $"Applied {done} of {plan.Changes.Count} change(s)") + (notDone.Count > 0 ? "; " + string.Join(", ", notDone) + "." : "."));
    }

    /// <summary>
    /// Deleting a directory badge detaches it from every entry that carries it, so a detach declined at its prompt keeps
    /// the badge on that entry only if the badge's delete is not sent either: each such delete is one error, and is left
    /// out. Returns how many were left out.
    /// </summary>
    private int SkipDeletesOfKeptBadges(List<PlannedChange> approved, IReadOnlyDictionary<Guid, BadgeConfigurationChange> keptOnEntries)
    {
        if (keptOnEntries.Count == 0) return 0;
        var skipped = approved.Where(p => p.Change.Kind == ChangeKinds.DirectoryBadge && p.Change.Action == ChangeActions.Delete
                                          && p.Change.Id is { } id && keptOnEntries.ContainsKey(id)).ToList();
        foreach (var planned in skipped)
        {
            approved.Remove(planned);
            var detach = keptOnEntries[planned.Change.Id!.Value];
            WriteError(new CmdletError(
                new InvalidOperationException($"{planned.Change.Action} {Describe(planned.Change)}: not sent, because its detach '{detach.Target}' was declined, and deleting the badge would detach it from every entry that carries it."),
                ErrorIds.DependentChangeSkipped, ErrorCategory.OperationStopped, planned.Change)
            {
                RecommendedAction = "Keep the badge in the file's directory if an entry should still carry it, or run the sync again and accept both.",
            });
        }

        return skipped.Count;
    }

    private static CmdletError ReplaceRefused(BadgeConfigurationChange change, string message, string advice) =>
        new(new InvalidOperationException(message), ErrorIds.ReplaceNotAllowed, ErrorCategory.InvalidOperation, change) { RecommendedAction = advice };

    private List<ChangeOutcome> Apply(IReadOnlyList<PlannedChange> approved, string file)
    {
        var context = new ApplyContext(approved.Any(c => c.Change.Service == "PartnerPage") ? Services.RequirePartnerPage().Client : null,
            approved.Any(c => c.Change.Service == "Snag") ? Services.RequireSnag().Client : null);
        var outcomes = new List<ChangeOutcome>();
        var progress = new ProgressRecord(1, $"Sync-BadgeConfiguration {file}", $"0 of {approved.Count} changes");
        Stream(PlanExecutor.ApplyAsync(approved, context, ThrottleLimit, CancelToken), outcome =>
        {
            outcomes.Add(outcome);
            progress.StatusDescription = $"{outcomes.Count} of {approved.Count} changes";
            progress.PercentComplete = outcomes.Count * 100 / approved.Count;
            WriteProgress(progress);
            Report(outcome);
        });
        progress.RecordType = ProgressRecordType.Completed;
        WriteProgress(progress);
        return outcomes;
    }

    private void Report(ChangeOutcome outcome)
    {
        var change = outcome.Planned.Change;
        if (outcome.Skipped is { } reason)
        {
            WriteError(new CmdletError(new InvalidOperationException($"{change.Action} {Describe(change)}: {reason}"), ErrorIds.DependentChangeSkipped, ErrorCategory.OperationStopped, change));
        }
        else if (outcome.Error is ReplaceIncompleteException partial)
        {
            var cause = ApiErrorTranslator.Translate(partial.Failure, change, ErrorIds.LoyaltyBadgeNotFound);
            var advice = ApiErrorTranslator.InCommands(partial);
            WriteError(new CmdletError(partial, ErrorIds.ReplaceIncomplete, cause.Category, change)
            {
                DetailsMessage = $"{partial.Summary}: {cause.DetailsMessage}. {advice}",
                RecommendedAction = advice,
            });
        }
        else if (outcome.Error is ApiException failure)
        {
            // A replace sends its create first: when that fails, nothing has changed.
            var subject = $"{change.Action} {Describe(change)}" + (change.Action == ChangeActions.Replace ? ": the new badge was not created, so the badge is as it was" : string.Empty);
            WriteError(ApiErrorTranslator.Translate(failure, change, NotFoundId(change), subject));
        }
        else if (outcome.Error is { } refused)
        {
            WriteError(new CmdletError(new InvalidOperationException($"{change.Action} {Describe(change)}: {refused.Message}", refused), ErrorIds.RequestRejected, ErrorCategory.InvalidArgument, change));
        }
        else
        {
            Services.Applied(change, outcome.Id);
            if (!PassThru.IsPresent) return;
            if (change.Action is ChangeActions.Create or ChangeActions.Replace or ChangeActions.Attach) change.Id = outcome.Id ?? change.Id;
            WriteObject(change);
        }
    }

    /// <summary>
    /// Deletes, detaches and replaces ask by default, as a ConfirmImpact High cmdlet would, unless -Confirm was given
    /// either way or $ConfirmPreference is None. Where nobody can answer, the run ends before anything is sent.
    /// </summary>
    private bool ConfirmRemoval(BadgeConfigurationChange change)
    {
        if (!ChangeActions.Removes(change.Action) || MyInvocation.BoundParameters.ContainsKey("Confirm")) return true;
        if (GetVariableValue("ConfirmPreference") is ConfirmImpact preference && (preference == ConfirmImpact.None || preference > ConfirmImpact.High)) return true;
        var note = change.Note is null ? string.Empty : " " + change.Note;
        return Confirm.Each($"{ActionText(change)}: {Describe(change)}?{note}", "Confirm", Describe(change), ref _yesToAll, ref _noToAll);
    }

    /// <summary>
    /// The item as the other cmdlets name theirs, quoted, with its id, where it belongs and its line in the file:
    /// "loyalty badge 'Gold Badge' (…) of website 'Main Website', file line 12".
    /// </summary>
    private static string Describe(BadgeConfigurationChange change)
    {
        var line = change.Line is { } at ? $", file line {at}" : string.Empty;
        return change.Kind switch
        {
            ChangeKinds.DirectoryBadge => $"directory badge {Named(change)} of directory '{change.Scope}'{line}",
            ChangeKinds.EntryBadge => $"badge {Named(change)} of partner entry '{EntryName(change)}'" + (change.EntryId is { } entry ? $" ({entry})" : string.Empty) + line,
            _ => $"loyalty badge {Named(change)} of website '{change.Scope}'{line}",
        };
    }

    /// <summary>The name the item has now (before a rename, the server's), quoted, with its id.</summary>
    private static string Named(BadgeConfigurationChange change)
    {
        var name = change.Changes.FirstOrDefault(c => c.Property == "name")?.Before as string ?? change.Name;
        return $"'{name}'" + (change.Id is { } id ? $" ({id})" : string.Empty);
    }

    /// <summary>The entry's name: an entry badge's target is "entry / badge".</summary>
    private static string EntryName(BadgeConfigurationChange change)
    {
        var suffix = " / " + change.Name;
        return change.Target.EndsWith(suffix, StringComparison.Ordinal) ? change.Target.Substring(0, change.Target.Length - suffix.Length) : change.Target;
    }

    /// <summary>What is done, with the new values, as Set-* cmdlets say it ("Set name to 'Gold Partners', image to …").</summary>
    private static string ActionText(BadgeConfigurationChange change)
    {
        var values = string.Join(", ", change.Changes.Select(c => $"{c.Property} to {PropertyChange.Show(c.After)}"));
        return change.Action switch
        {
            ChangeActions.Update => $"Set {values}",
            ChangeActions.Reorder => $"Set order to {change.Changes[0].After}",
            ChangeActions.Create => "Create",
            ChangeActions.Attach => "Attach to the entry" + (change.Changes.FirstOrDefault(c => c.Property == "order") is { } order ? $" at order {order.After}" : string.Empty),
            ChangeActions.Detach => "Detach from the entry",
            ChangeActions.Replace => $"Replace (create a new badge with the file's conditions, then delete this one; its {change.Holders ?? 0} holder(s) stay with it)",
            ChangeActions.Delete when change.ReplacedBy is { } replacement => $"Delete, finishing its replace by {replacement} (held by {change.Holders ?? 0} user(s), who keep it)",
            ChangeActions.Delete when change.Kind == ChangeKinds.LoyaltyBadge && change.Holders is > 0 => $"Delete (held by {change.Holders} user(s), who lose it)",
            _ => change.Action,
        };
    }

    private static string NotFoundId(BadgeConfigurationChange change) => change.Kind switch
    {
        ChangeKinds.DirectoryBadge => ErrorIds.PartnerDirectoryBadgeNotFound,
        ChangeKinds.EntryBadge => change.Action == ChangeActions.Attach ? ErrorIds.PartnerEntryNotFound : ErrorIds.PartnerBadgeNotFound,
        _ => change.Action is ChangeActions.Create or ChangeActions.Replace ? ErrorIds.LoyaltyWebsiteNotFound : ErrorIds.LoyaltyBadgeNotFound,
    };
}
