# Module manifest for BadgeAdmin. PowerShell data syntax only: literals, arrays, hashtables and comments.
# ModuleVersion below is the single source of the version: the build reads it for the assemblies too.
@{
    RootModule           = 'BadgeAdmin.psm1'
    ModuleVersion        = '0.2.0'
    GUID                 = '6f1f8a52-3c2e-4d7b-9a51-2b8f0c4e7d13'
    Author               = 'BadgeAdmin contributors'
    CompanyName          = 'BadgeAdmin'
    Copyright            = '(c) BadgeAdmin contributors. MIT License.'
    Description          = 'Administer badges on PartnerPage partner directories and Snag loyalty programs from PowerShell.'
    PowerShellVersion    = '5.1'
    CompatiblePSEditions = @('Desktop', 'Core')
    DotNetFrameworkVersion = '4.7.2'
    FormatsToProcess     = @('BadgeAdmin.Format.ps1xml')
    CmdletsToExport      = @(
        'Connect-PartnerPage'
        'Disconnect-PartnerPage'
        'Get-PartnerEntry'
        'Get-PartnerBadge'
        'New-PartnerBadge'
        'Set-PartnerBadge'
        'Remove-PartnerBadge'
        'Get-PartnerDirectory'
        'Get-PartnerDirectoryBadge'
        'New-PartnerDirectoryBadge'
        'Set-PartnerDirectoryBadge'
        'Remove-PartnerDirectoryBadge'
        'Connect-Snag'
        'Disconnect-Snag'
        'Get-BadgeAdminConnection'
        'Get-LoyaltyBadge'
        'New-LoyaltyBadge'
        'Set-LoyaltyBadge'
        'Remove-LoyaltyBadge'
        'Grant-LoyaltyBadge'
        'Revoke-LoyaltyBadge'
        'Get-LoyaltyBadgeUser'
        'Get-LoyaltyWebsite'
        'Wait-LoyaltyBadgeDataJob'
        'Sync-LoyaltyBadgeHolder'
        'Export-BadgeConfiguration'
        'Compare-BadgeConfiguration'
        'Sync-BadgeConfiguration'
    )
    FunctionsToExport    = @()
    VariablesToExport    = @()
    AliasesToExport      = @()
    PrivateData          = @{
        PSData = @{
            Tags         = @('Badges', 'PartnerPage', 'Snag', 'Loyalty', 'REST', 'PSEdition_Desktop', 'PSEdition_Core', 'Windows', 'Linux', 'MacOS')
            ProjectUri   = 'https://github.com/badgeadmin/BadgeAdmin'
            LicenseUri   = 'https://github.com/badgeadmin/BadgeAdmin/blob/main/LICENSE'
            ReleaseNotes = '0.2.0: installs with Install-PSResource from a feed or folder (build.ps1 -Task Package writes BadgeAdmin.<version>.nupkg), with its MIT LICENSE. Snag: New-LoyaltyBadge -CsvFile creates a badge whose holders come from CSV files in one command (a csv condition is added when none is given); Set-LoyaltyBadge -Reward and -CsvFile; Get-LoyaltyBadge -UserGroupId and -UserGroupExternalIdentifier; a badge shows its data jobs (DataJobs, DataJobStatus) and Wait-LoyaltyBadgeDataJob waits for them with a timeout and progress; Holders is unknown (blank) on a badge listed for some users only, never a wrong count. 0.1.0: PartnerPage partner-entry badges, directories and directory badges; Snag loyalty badges (list, create, update, delete, grant, revoke, badge users, websites); a local sandbox server for both APIs.'
        }
    }
}
