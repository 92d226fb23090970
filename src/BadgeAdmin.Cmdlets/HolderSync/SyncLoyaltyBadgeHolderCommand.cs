using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Naming;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Cmdlets.Snag;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.HolderSync;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.HolderSync;

[Cmdlet(VerbsData.Sync, "LoyaltyBadgeHolder", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium, HelpUri = OnlineHelp.Pages + "Sync-LoyaltyBadgeHolder.md")]
[OutputType(typeof(HolderSyncResult))]
public sealed class SyncLoyaltyBadgeHolderCommand : SnagCmdlet
{
    private const int ListedInQuestion = 5;

    private readonly HolderSyncPlanner _planner = new();
    private readonly List<int> _invalid = new();
    private int _items;
    private string? _badgeName;
    private int _granted, _reactivated, _revoked, _done;

    /// <summary>The badge whose holders to sync. Takes a badge object too (its Id).</summary>
    [Parameter(Mandatory = true, Position = 0)]
    [IdOfPiped(typeof(LoyaltyBadge))]
    [ArgumentCompleter(typeof(LoyaltyBadgeIdCompleter))]
    public Guid BadgeId { get; set; }

    /// <summary>
    /// The users who should hold the badge, usually from the pipeline: CSV rows (UserId and/or WalletAddress, Wallet or
    /// Address columns), user badges, hashtables, user ids or wallet addresses as text.
    /// </summary>
    [Parameter(ValueFromPipeline = true)]
    public PSObject?[]? InputObject { get; set; }

    /// <summary>Also revokes the badge from active holders the input does not name. Asks first, once, unless -Confirm:$false.</summary>
    [Parameter]
    public SwitchParameter Prune { get; set; }

    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    private protected override void OnRecord()
    {
        // Without pipeline input or -InputObject the engine still calls this once: that is no item.
        if (!MyInvocation.ExpectingInput && !MyInvocation.BoundParameters.ContainsKey(nameof(InputObject))) return;
        foreach (var item in InputObject ?? new PSObject?[] { null })
        {
            _items++;
            var disagreement = UserColumns.Disagreement(item);
            var input = HolderInputReader.Read(item);
            if (input.User is not null && disagreement is null)
            {
                _planner.AddWanted(input.User);
                continue;
            }

            // An item's place, worded as every cmdlet words it: the input row when piped in.
            var position = InputRow ?? _items;
            _invalid.Add(position);
            var where = ItemNames.Subject(ItemNames.InputItem(position, MyInvocation.ExpectingInput), null);
            WriteError(disagreement is not null
                ? new CmdletError(
                    new ArgumentException($"{where}: {disagreement}, so nothing is sent for it. Keep one wallet column, or make them agree."),
                    ErrorIds.WalletAddressAmbiguous, ErrorCategory.InvalidArgument, item)
                : input.Problem == HolderInputProblem.InvalidUserId
                ? new CmdletError(
                    new ArgumentException($"{where}: UserId '{input.Value}' is not a GUID, so nothing is sent for it. Correct the UserId, or leave it empty to use the wallet address."),
                    ErrorIds.InvalidUserId, ErrorCategory.InvalidArgument, item)
                : new CmdletError(
                    new ArgumentException($"{where}: No user: " + (UserColumns.EmptyCells(item) is { } empty
                        ? $"{empty}, so nothing is sent for it. Fill in a wallet address or a user id."
                        : "give it a UserId or a WalletAddress (a CSV column may also be named Wallet or Address)"
                          + (UserColumns.ColumnList(item) is { } columns ? $" ({columns})" : string.Empty) + ". Nothing is sent for it.")),
                    ErrorIds.UserNotSpecified, ErrorCategory.InvalidArgument, item));
        }
    }

    private protected override void OnEnd()
    {
        _badgeName = Names.LoyaltyBadgeName(BadgeId);
        var progress = new HolderSyncProgress(this, BadgeId.ToString());
        ReadHolders(progress);

        var prune = Prune.IsPresent && !PruneRefused();
        var plan = _planner.Plan(prune);
        if (Prune.IsPresent && plan.Undetermined > 0)
        {
            WriteWarning($"{plan.Undetermined} active holder(s) keep the badge: the listing shows them without a wallet address (or user id), so it cannot tell whether the input names them.");
        }

        var changes = plan.Grants.Concat(plan.Revokes).ToList();
        var asksOnce = prune && plan.Revokes.Count > 0 && AsksBeforePruning;
        if (_badgeName is null && (WhatIfMode || (changes.Count > 0 && (PromptsPerChange || asksOnce))))
        {
            _badgeName = Seen.Read(Await(token => Client.FindBadgeAsync(BadgeId, token)))?.Name; // a person reads these messages: name the badge
        }

        if (asksOnce && !Confirm.Once(PruneQuestion(plan.Revokes), "Revoke loyalty badge", BadgeId)) changes = plan.Grants.ToList();
        var sent = Apply(changes, progress);
        progress.Complete();
        if (WhatIfMode)
        {
            ShouldProcess($"Sync the holders of {BadgeText}: {plan.Grants.Count} to grant ({plan.Grants.Count(g => g.Reactivates)} of them again), {plan.Revokes.Count} to revoke, {plan.AlreadyHeld} already hold it, {plan.Unlisted} not in the input.", null, null);
            return;
        }

        WriteObject(new HolderSyncResult
        {
            BadgeId = BadgeId, BadgeName = _badgeName, Wanted = plan.Wanted, AlreadyHeld = plan.AlreadyHeld,
            Granted = _granted, Reactivated = _reactivated, Revoked = _revoked, Failed = sent - _granted - _revoked,
            Unlisted = plan.Unlisted, InvalidInput = _invalid.Count, Duplicates = plan.Duplicates,
        });
    }

    /// <summary>Every user badge of the badge, all pages, into the planner; an unknown badge ends the command before any change.</summary>
    private void ReadHolders(HolderSyncProgress progress)
    {
        try
        {
            var query = new LoyaltyBadgeUserQuery { BadgeId = BadgeId };
            Stream(Seen.Holders(query, Client.ListBadgeUsersAsync(query, SnagRoutes.MaxPageSize, CancelToken)), userBadge =>
            {
                _planner.AddHolder(userBadge);
                progress.Reading(_planner.UserBadges);
            });

            // The API answers an unknown badge id with an empty list: only then, one small request tells which it is.
            if (_planner.UserBadges > 0) return;
            var badge = Seen.Read(Await(token => Client.FindBadgeAsync(BadgeId, token)));
            if (badge is null)
            {
                ThrowTerminating(new CmdletError(
                    new KeyNotFoundException($"No loyalty badge with id {BadgeId} (a deleted badge takes no holders). Nothing was changed."),
                    ErrorIds.LoyaltyBadgeNotFound, ErrorCategory.ObjectNotFound, BadgeId));
            }

            _badgeName = badge!.Name;
        }
        catch (ApiException ex) when (!CancelToken.IsCancellationRequested)
        {
            ThrowTerminating(ApiErrorTranslator.Translate(ex, BadgeId, ErrorIds.LoyaltyBadgeNotFound));
        }
    }

    /// <summary>
    /// With -Prune, an input that is incomplete would cost listed users the badge: items that named no user may be
    /// holders, and an empty input would revoke it from everyone. Then nothing is revoked (grants still go).
    /// </summary>
    private bool PruneRefused()
    {
        string? why = null;
        if (_invalid.Count > 0)
        {
            why = $"{_invalid.Count} input item(s) were refused ({ItemNames.InputItems(_invalid, MyInvocation.ExpectingInput, ListedInQuestion)}), and a holder one of them meant would lose the badge. Correct them and run it again.";
        }
        else if (_planner.WantedUsers == 0)
        {
            why = $"the input named no user, so -Prune would revoke the badge from all {_planner.ActiveHolders} active holder(s). To revoke it from everyone, run Get-LoyaltyBadgeUser -BadgeId {BadgeId} -Status active | Revoke-LoyaltyBadge.";
        }

        if (why is null) return false;
        WriteError(new CmdletError(new InvalidOperationException($"-Prune revoked nothing: {why}"), ErrorIds.PruneSkipped, ErrorCategory.InvalidData, BadgeId));
        return true;
    }

    /// <summary>Sends each change ShouldProcess agrees to, -ThrottleLimit at a time; returns how many were sent.</summary>
    private int Apply(IReadOnlyList<HolderChange> changes, HolderSyncProgress progress)
    {
        var badgeId = BadgeId;
        var sent = 0;
        foreach (var change in changes)
        {
            if (!Confirm.ShouldChange(change.Describe(), Action(change))) continue;
            sent++;
            var unnamed = change.Kind == HolderChangeKind.Grant ? ErrorIds.LoyaltyBadgeNotFound : ErrorIds.LoyaltyUserBadgeNotFound;
            Sender(ThrottleLimit).Send(change.Target, ex => UserBadgeChangeCmdlet.NotFound(ex.ServerMessage, badgeId, change.Target, unnamed), async token =>
            {
                try
                {
                    if (change.Kind == HolderChangeKind.Revoke)
                    {
                        await Client.RevokeAsync(badgeId, change.User, token).ConfigureAwait(false);
                        Interlocked.Increment(ref _revoked);
                        return null;
                    }

                    // A user badge that exists but is inactive or revoked is made active again, said explicitly.
                    await Client.GrantAsync(badgeId, change.User, change.Reactivates ? "active" : null, token).ConfigureAwait(false);
                    Interlocked.Increment(ref _granted);
                    if (change.Reactivates) Interlocked.Increment(ref _reactivated);
                    return null;
                }
                finally
                {
                    Interlocked.Increment(ref _done);
                }
            });
            progress.Sending(Volatile.Read(ref _done), changes.Count);
        }

        Sender(ThrottleLimit).Finish();
        return sent;
    }

    private string Action(HolderChange change) => change switch
    {
        { Kind: HolderChangeKind.Revoke } => $"Revoke {BadgeText} (not in the input)",
        { Reactivates: true } => $"Grant {BadgeText} again (its user badge is {change.CurrentStatus})",
        _ => $"Grant {BadgeText}",
    };

    private string PruneQuestion(IReadOnlyList<HolderChange> revokes)
    {
        var shown = string.Join(", ", revokes.Take(ListedInQuestion).Select(r => r.Describe()));
        var more = revokes.Count > ListedInQuestion ? $" and {revokes.Count - ListedInQuestion} more" : string.Empty;
        return $"Revoke {BadgeText} from {revokes.Count} active holder(s) the input does not name: {shown}{more}? (-Confirm:$false skips this question.)";
    }

    private string BadgeText => ItemNames.Label("loyalty badge", BadgeId, _badgeName);

    private bool WhatIfMode => BoundSwitch("WhatIf") ?? LanguagePrimitives.IsTrue(GetVariableValue("WhatIfPreference"));

    /// <summary>Whether ShouldProcess asks before each change: -Confirm, or $ConfirmPreference at or below this cmdlet's Medium impact.</summary>
    private bool PromptsPerChange => BoundSwitch("Confirm") ?? ConfirmPreference is ConfirmImpact.Low or ConfirmImpact.Medium;

    /// <summary>
    /// The revokes -Prune plans confirm by default, as Revoke-LoyaltyBadge does (ConfirmImpact High): one question for
    /// all of them, unless -Confirm was given either way (-Confirm asks per change), $ConfirmPreference asks per change
    /// already, or is None.
    /// </summary>
    private bool AsksBeforePruning => !WhatIfMode && BoundSwitch("Confirm") is null && ConfirmPreference == ConfirmImpact.High;

    private ConfirmImpact ConfirmPreference =>
        LanguagePrimitives.TryConvertTo(GetVariableValue("ConfirmPreference"), out ConfirmImpact impact) ? impact : ConfirmImpact.High;

    private bool? BoundSwitch(string name) =>
        MyInvocation.BoundParameters.TryGetValue(name, out var value) ? value is SwitchParameter s ? s.IsPresent : LanguagePrimitives.IsTrue(value) : null;
}
