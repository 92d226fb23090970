# Module manifest for BadgeAdmin. PowerShell data syntax only: literals, arrays, hashtables and comments.
# ModuleVersion below is the single source of the version: the build reads it for the assemblies too.
@{
    RootModule           = 'BadgeAdmin.psm1'
    ModuleVersion        = '0.1.0'
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
            ReleaseNotes = 'PartnerPage partner-entry badges (list, attach, reorder, detach), directories and directory badges (list, create, rename, delete) and Snag loyalty badges (list with cursor paging, create, update, delete, grant, revoke, badge users, websites). Local sandbox server for both APIs.'
        }
    }
}
