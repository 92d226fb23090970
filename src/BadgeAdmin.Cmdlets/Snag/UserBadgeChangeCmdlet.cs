using System;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using BadgeAdmin.Cmdlets.Completion;
using BadgeAdmin.Cmdlets.Errors;
using BadgeAdmin.Cmdlets.Naming;
using BadgeAdmin.Cmdlets.Parameters;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Snag;
using BadgeAdmin.Core.Snag.Models;

namespace BadgeAdmin.Cmdlets.Snag;

/// <summary>
/// What Grant- and Revoke-LoyaltyBadge share: the badge, and the user as a user id or a wallet address. Both bind
/// from the pipeline by property name (a CSV's UserId and WalletAddress, Wallet or Address columns, a
/// LoyaltyBadgeUser's properties; an empty cell counts as absent). Given both on the command line is an error; from
/// the pipeline the user id wins. Every object piped in reaches the cmdlet (see <see cref="InputObject"/>), so each
/// error can name its input row.
/// </summary>
public abstract class UserBadgeChangeCmdlet : BadgeAdminCmdlet
{
    private SnagConnection? _snag;

    /// <summary>
    /// The badge (the first positional parameter). Takes a badge from New-/Get-LoyaltyBadge by value, and a
    /// LoyaltyBadgeId property by name.
    /// </summary>
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("LoyaltyBadgeId")]
    [IdOfPiped(typeof(LoyaltyBadge))]
    [ArgumentCompleter(typeof(LoyaltyBadgeIdCompleter))]
    public Guid BadgeId { get; set; }

    /// <summary>
    /// The user, by id (a GUID). Taken as text and checked per item: bound as a Guid, a CSV cell that is not one would be
    /// dropped by the binder without a word, and the badge would go to the row's wallet instead.
    /// </summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [EmptyStringAsNull]
    [ArgumentCompleter(typeof(LoyaltyUserIdCompleter))]
    public string? UserId { get; set; }

    /// <summary>The user, by wallet address. Binds from a WalletAddress, Wallet or Address property (the CSV column).</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    [Alias("Wallet", "Address")]
    [EmptyStringAsNull]
    [ArgumentCompleter(typeof(LoyaltyWalletAddressCompleter))]
    public string? WalletAddress { get; set; }

    /// <summary>
    /// The object piped in (a CSV row, a user badge), whatever its properties. It makes every row reach the cmdlet, so
    /// a row that names no user is a UserNotSpecified error naming its row and columns, not the binder's
    /// InputObjectNotBound. Not needed on the command line.
    /// </summary>
    [Parameter(ValueFromPipeline = true, DontShow = true)]
    public PSObject? InputObject { get; set; }

    /// <summary>How many piped items may be in flight at once (1 sends them strictly one after the other).</summary>
    [Parameter]
    [ValidateRange(1, MaxThrottleLimit)]
    public int ThrottleLimit { get; set; } = DefaultThrottleLimit;

    /// <summary>The connection to use instead of the runspace's current one (from Connect-Snag -PassThru).</summary>
    [Parameter]
    [ValidateNotNull]
    public SnagConnection? Connection { get; set; }

    private protected SnagClient Client => (_snag ?? throw new InvalidOperationException("OnBegin has not run.")).Client;

    private protected override void OnBegin()
    {
        // Only command-line values are bound before the first record, so this sees exactly what the user typed.
        if (UserId is not null && !string.IsNullOrWhiteSpace(WalletAddress))
        {
            ThrowTerminating(new CmdletError(
                new ArgumentException("-UserId and -WalletAddress are mutually exclusive: give one to name the user."),
                ErrorIds.UserIdAndWalletAddress, ErrorCategory.InvalidArgument, null));
        }

        _snag = Use("Snag", Connection ?? Connections.Snag);
    }

    /// <summary>
    /// The user of the current record, or null after writing an InvalidUserId, UserNotSpecified or
    /// WalletAddressAmbiguous error (a row whose wallet columns disagree: the binder would take one without a word).
    /// </summary>
    private protected LoyaltyUserIdentity? CurrentUser()
    {
        if (UserColumns.Disagreement(InputObject) is { } disagreement)
        {
            WriteError(new CmdletError(
                new ArgumentException(Sentence(ItemNames.Subject(null, InputRow), disagreement + ", so nothing was sent for it. Keep one wallet column, or make them agree.")),
                ErrorIds.WalletAddressAmbiguous, ErrorCategory.InvalidArgument, InputObject));
            return null;
        }

        Guid? userId = null;
        if (UserId is not null)
        {
            if (!Guid.TryParse(UserId.Trim(), out var parsed))
            {
                WriteError(new CmdletError(
                    new ArgumentException(Sentence(ItemNames.Subject(null, InputRow),
                        $"UserId '{UserId}' is not a GUID, so nothing was sent for it. Correct the UserId (a CSV column, or -UserId), or leave it empty to use the WalletAddress.")),
                    ErrorIds.InvalidUserId, ErrorCategory.InvalidArgument, UserId));
                return null;
            }

            userId = parsed;
        }

        // The binder takes the row's first wallet column even when it is blank; a later filled one names the user
        // (Sync-LoyaltyBadgeHolder reads rows the same way).
        var wallet = string.IsNullOrWhiteSpace(WalletAddress) ? UserColumns.First(InputObject, UserColumns.WalletNames) : WalletAddress;
        if (userId is null && string.IsNullOrWhiteSpace(wallet))
        {
            var text = UserColumns.EmptyCells(InputObject) is { } empty
                ? $"No user: {empty}, so nothing was sent for it. Fill in a wallet address or a user id."
                : "No user: give -UserId or -WalletAddress, or pipe rows with a UserId, WalletAddress, Wallet or Address column"
                  + (UserColumns.ColumnList(InputObject) is { } columns ? $" ({columns})" : string.Empty) + ". Nothing was sent for it.";
            WriteError(new CmdletError(new ArgumentException(Sentence(ItemNames.Subject(null, InputRow), text)),
                ErrorIds.UserNotSpecified, ErrorCategory.InvalidArgument, InputObject ?? (object)BadgeId));
            return null;
        }

        return new LoyaltyUserIdentity(userId, wallet);
    }

    /// <summary>The user as prompts and errors name it: "wallet 0x… (user …)".</summary>
    private protected string UserLabel(LoyaltyUserIdentity user) => Names.LoyaltyUser(user.UserId, user.WalletAddress);

    private static string Sentence(string? subject, string text) => subject is null ? text : $"{subject}: {text}";

    /// <summary>
    /// Sends <paramref name="user"/>'s grant or revoke. A 404 names what was not found (see <see cref="NotFound"/>);
    /// <paramref name="unnamedNotFoundId"/> is for a 404 whose message names neither badge nor user.
    /// </summary>
    private protected void SendChange(LoyaltyUserIdentity user, string unnamedNotFoundId, Func<CancellationToken, Task<object?>> work)
    {
        var badgeId = BadgeId;
        Sender(ThrottleLimit).Send(user.ToString(), ex => NotFound(ex.ServerMessage, badgeId, user.ToString(), unnamedNotFoundId), work,
            $"{UserLabel(user)}, {Names.LoyaltyBadge(badgeId)}");
    }

    /// <summary>
    /// The ErrorId and TargetObject of a reward/revoke 404: the badge (its id), the user, or the user's badge (the user).
    /// The API tells these apart only by the message. Snag documents no error body for reward/revoke (api-reference
    /// §1.7: only the 429 body is documented; the badge specs list only 200), so the wording followed is the sandbox's
    /// (SnagEndpoints reward/revoke: "Badge not found", "User not found", "User badge not found"), matched loosely.
    /// </summary>
    internal static (string ErrorId, object Target) NotFound(string? message, Guid badgeId, string user, string unnamedNotFoundId)
    {
        // Provisional: these words are our sandbox's, not Snag's (which documents none); replace with what the live API
        // answers once seen, here only. A 404 none of them matches keeps the cmdlet's own id, so nothing is misnamed.
        var text = message ?? string.Empty;
        var id = Says(text, "user badge") || Says(text, "userbadge") ? ErrorIds.LoyaltyUserBadgeNotFound
            : Says(text, "user not found") ? ErrorIds.LoyaltyUserNotFound
            : Says(text, "badge not found") ? ErrorIds.LoyaltyBadgeNotFound
            : unnamedNotFoundId;
        return id == ErrorIds.LoyaltyBadgeNotFound ? (id, badgeId) : (id, user);
    }

    private static bool Says(string text, string phrase) => text.IndexOf(phrase, StringComparison.OrdinalIgnoreCase) >= 0;
}
