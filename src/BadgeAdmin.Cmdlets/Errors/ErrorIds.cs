namespace BadgeAdmin.Cmdlets.Errors;

/// <summary>
/// Every ErrorId the module writes, in one place, so scripts can branch on them
/// (<c>$err.FullyQualifiedErrorId -like 'PartnerBadgeNotFound,*'</c>). They name what happened.
/// </summary>
internal static class ErrorIds
{
    public const string NotConnected = "NotConnected";
    public const string ConnectionClosed = "ConnectionClosed";
    public const string ApiKeyMissing = "ApiKeyMissing";
    public const string InvalidApiKey = "InvalidApiKey";
    public const string InvalidBaseUri = "InvalidBaseUri";
    public const string NothingToChange = "NothingToChange";
    public const string UnexpectedError = "UnexpectedError";
    public const string SecretManagementMissing = "SecretManagementMissing";
    public const string SecretNotFound = "SecretNotFound";
    public const string SecretNotAKey = "SecretNotAKey";
    public const string InvalidProxy = "InvalidProxy";
    public const string ProxyCredentialConflict = "ProxyCredentialConflict";
    public const string ConfirmationRequired = "ConfirmationRequired";

    public const string ApiKeyRejected = "ApiKeyRejected";
    public const string AccessDenied = "AccessDenied";
    public const string RequestRejected = "RequestRejected";
    public const string Conflict = "Conflict";
    public const string RateLimited = "RateLimited";
    public const string ServiceError = "ServiceError";
    public const string UnexpectedStatus = "UnexpectedStatus";
    public const string RequestTimedOut = "RequestTimedOut";
    public const string ConnectionFailed = "ConnectionFailed";
    public const string InvalidResponse = "InvalidResponse";
    public const string CertificateRejected = "CertificateRejected";

    public const string PartnerEntryNotFound = "PartnerEntryNotFound";
    public const string PartnerBadgeNotFound = "PartnerBadgeNotFound";
    public const string PartnerDirectoryNotFound = "PartnerDirectoryNotFound";
    public const string PartnerDirectoryBadgeNotFound = "PartnerDirectoryBadgeNotFound";
    public const string DirectoryIdMissing = "DirectoryIdMissing";

    public const string LoyaltyBadgeNotFound = "LoyaltyBadgeNotFound";
    public const string LoyaltyUserNotFound = "LoyaltyUserNotFound";
    public const string LoyaltyUserBadgeNotFound = "LoyaltyUserBadgeNotFound";
    public const string LoyaltyWebsiteNotFound = "LoyaltyWebsiteNotFound";
    public const string LoyaltyWebsiteAmbiguous = "LoyaltyWebsiteAmbiguous";
    public const string WebsiteIdAndWebsiteName = "WebsiteIdAndWebsiteName";
    public const string InvalidLoyaltyBadge = "InvalidLoyaltyBadge";
    public const string UserNotSpecified = "UserNotSpecified";
    public const string InvalidUserId = "InvalidUserId";
    public const string UserIdAndWalletAddress = "UserIdAndWalletAddress";
    public const string WalletAddressAmbiguous = "WalletAddressAmbiguous";
    public const string LoyaltyDataJobFailed = "LoyaltyDataJobFailed";
    public const string LoyaltyDataJobCancelled = "LoyaltyDataJobCancelled";
    public const string LoyaltyDataJobTimedOut = "LoyaltyDataJobTimedOut";
    public const string PruneSkipped = "PruneSkipped";

    // Configuration files (Export-, Compare-, Sync-BadgeConfiguration).
    public const string ConfigurationFileInvalid = "ConfigurationFileInvalid";
    public const string ConfigurationFileNotFound = "ConfigurationFileNotFound";
    public const string ConfigurationFileExists = "ConfigurationFileExists";
    public const string ConfigurationFolderNotFound = "ConfigurationFolderNotFound";
    public const string ConfigurationFileTypeUnknown = "ConfigurationFileTypeUnknown";
    public const string ServiceScopeConflict = "ServiceScopeConflict";
    public const string NameAmbiguous = "NameAmbiguous";
    public const string OrganizationIdMissing = "OrganizationIdMissing";
    public const string ReplaceNotAllowed = "ReplaceNotAllowed";
    public const string ReplaceIncomplete = "ReplaceIncomplete";
    public const string DependentChangeSkipped = "DependentChangeSkipped";
}
