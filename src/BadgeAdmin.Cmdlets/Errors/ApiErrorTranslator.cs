using System.Management.Automation;
using BadgeAdmin.Cmdlets.Runtime;
using BadgeAdmin.Core.Configuration.Plan;
using BadgeAdmin.Core.Http;
using BadgeAdmin.Core.Snag;

namespace BadgeAdmin.Cmdlets.Errors;

/// <summary>
/// Maps a failed API call to the ErrorId, ErrorCategory and details PowerShell users and scripts expect. The one place
/// where what Core reports (a connection limit reached, a field missing, a plan issue) is said in the shell's commands
/// and parameter names.
/// </summary>
internal static class ApiErrorTranslator
{
    /// <param name="exception">The failure.</param>
    /// <param name="target">The item being processed (an id or an object), for $error[0].TargetObject.</param>
    /// <param name="notFoundId">The ErrorId for a 404, naming what was looked for (e.g. <see cref="ErrorIds.PartnerBadgeNotFound"/>).</param>
    /// <param name="subject">What the message starts with: the item as a person knows it (and its input row), if known.</param>
    public static CmdletError Translate(ApiException exception, object? target, string notFoundId, string? subject = null)
    {
        var (id, category, advice) = exception.Kind switch
        {
            ApiFailureKind.BadRequest => (ErrorIds.RequestRejected, ErrorCategory.InvalidArgument, "Check the values given; the server's message names the field it refused."),
            ApiFailureKind.Unauthorized => (ErrorIds.ApiKeyRejected, ErrorCategory.SecurityError, "Check the API key, then connect again."),
            ApiFailureKind.Forbidden => (ErrorIds.AccessDenied, ErrorCategory.PermissionDenied, "The API key lacks the permission for this call."),
            ApiFailureKind.NotFound => (notFoundId, ErrorCategory.ObjectNotFound, (string?)null),
            ApiFailureKind.Conflict => (ErrorIds.Conflict, ErrorCategory.ResourceExists, (string?)null),
            ApiFailureKind.RateLimited => (ErrorIds.RateLimited, ErrorCategory.LimitsExceeded, "Wait and run it again, or raise -MaxRetryWaitSec on Connect."),
            ApiFailureKind.ServerError => (ErrorIds.ServiceError, ErrorCategory.ResourceUnavailable, "The service failed; try again later."),
            ApiFailureKind.Timeout => (ErrorIds.RequestTimedOut, ErrorCategory.OperationTimeout, "Raise -TimeoutSec on Connect, or try again later."),
            ApiFailureKind.ConnectionFailed => (ErrorIds.ConnectionFailed, ErrorCategory.ConnectionError, "Check the base URI and the network."),
            ApiFailureKind.InvalidResponse => (ErrorIds.InvalidResponse, ErrorCategory.InvalidResult, "The service answered with something other than the expected JSON (or more than -MaxResponseSizeMB allows)."),
            ApiFailureKind.CertificateRejected => (ErrorIds.CertificateRejected, ErrorCategory.SecurityError, "The server's certificate is not trusted here: check the base URI's host name and the certificate chain."),
            ApiFailureKind.NotTls => (ErrorIds.ConnectionFailed, ErrorCategory.ConnectionError, "Check the base URI's scheme and port: the server there does not speak TLS (connect with http:// only to a loopback address such as the sandbox)."),
            _ => (ErrorIds.UnexpectedStatus, ErrorCategory.InvalidResult, (string?)null),
        };

        var details = exception.ServerMessage is null
            ? exception.Summary
            : $"{exception.ServerMessage} ({exception.Method} {exception.Path} → {(int?)exception.StatusCode})";
        if (exception.Stop is { } stop) details = details.Length == 0 ? InParameters(stop) : $"{details} {InParameters(stop)}";
        if (subject is not null) details = $"{subject}: {details}";
        return new CmdletError(exception, id, category, target) { DetailsMessage = details, RecommendedAction = advice };
    }

    /// <summary>Why the call stopped where it did, a connection limit named as the Connect parameter that raises it.</summary>
    private static string InParameters(StopNote stop) => stop.Describe(stop.Limit switch
    {
        ConnectionLimit.MaxRetries => "-MaxRetries",
        ConnectionLimit.MaxRetryWait => "-MaxRetryWaitSec",
        ConnectionLimit.MaxResponseBytes => "-MaxResponseSizeMB",
        _ => string.Empty,
    });

    /// <summary>A problem Core found with a badge to create, the missing field named with the parameters that give it.</summary>
    public static string InParameters(string badgeProblem) => badgeProblem switch
    {
        LoyaltyBadgeCreate.OrganizationRequired => "OrganizationId: required (pass -OrganizationId or Connect-Snag -OrganizationId).",
        LoyaltyBadgeCreate.WebsiteRequired => "WebsiteId: required (pass -WebsiteId or Connect-Snag -WebsiteId).",
        _ => badgeProblem,
    };

    /// <summary>A plan issue's message, with the command that shows what the file could have named.</summary>
    public static string InCommands(PlanIssue issue) => issue.Kind switch
    {
        PlanIssueKind.DirectoryNotFound => issue.Message + " Get-PartnerDirectory lists them.",
        PlanIssueKind.EntryNotFound => issue.Message + " Get-PartnerEntry lists them.",
        PlanIssueKind.WebsiteNotFound => issue.Message + " Get-LoyaltyWebsite lists them.",
        PlanIssueKind.OrganizationMissing => issue.Message + " Connect-Snag -OrganizationId sets the connection's.",
        _ => issue.Message,
    };

    /// <summary>How a half-done replace gets finished, in the commands that finish it.</summary>
    public static string InCommands(ReplaceIncompleteException partial) => partial.RerunFinishes
        ? "Run Sync-BadgeConfiguration -AllowReplace again: it finds the new badge and deletes only the old one."
        : $"The file names this badge by its name only, so a rerun would find two badges of that name: delete the old one with Remove-LoyaltyBadge -Id {partial.OldId}.";
}
