# What README and help examples take for granted, with real values from the suite's sandbox (reset before each
# example). Dot-sourced by DocumentationRunner.ps1 in a fresh pwsh, so the variables below are the example's own.
#
# - The module is imported and connected to both APIs from the environment ($env:PARTNERPAGE_API_KEY,
#   $env:SNAG_API_KEY), as in a runbook; Connect-PartnerPage and Connect-Snag without -BaseUri reach the sandbox
#   instead of production or a customer's host.
# - Get-AutomationVariable (Azure Automation) stands in with the sandbox keys.
# - wallets.csv, entry-ids.txt, attachments.csv and new-badges.csv lie in the working folder, which also links ./out to the build.
param(
    [Parameter(Mandatory)] [uri] $SandboxUri,
    [Parameter(Mandatory)] [string] $ModulePath
)

$ErrorActionPreference = 'Stop'
Import-Module $ModulePath

$PSDefaultParameterValues['Connect-PartnerPage:BaseUri'] = $SandboxUri
$PSDefaultParameterValues['Connect-Snag:BaseUri'] = $SandboxUri
$env:PARTNERPAGE_API_KEY = 'sandbox-partnerpage'
$env:SNAG_API_KEY = 'sandbox-snag'

function Get-AutomationVariable {
    param([Parameter(Mandatory)] [string] $Name)
    switch ($Name) {
        'PartnerPageKey' { 'sandbox-partnerpage' }
        'SnagKey' { 'sandbox-snag' }
        default { throw "The documentation prelude has no automation variable '$Name'." }
    }
}

$seed = Invoke-RestMethod ([uri]::new($SandboxUri, '_sandbox/seed'))
$orgId = [guid]$seed.snag.organizationId
$websiteId = $w = [guid]$seed.snag.mainWebsiteId
$otherWebsite = [guid]$seed.snag.betaWebsiteId
$key = ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force
Connect-PartnerPage
Connect-Snag -OrganizationId $orgId -WebsiteId $websiteId

# PartnerPage: $entry (the first entry), $badgeId (a directory badge $entry does not have), $e (the entry with the
# most badges), $oldBadge on it and $newBadge not, $from and $to (two other entries with no badge in common).
$attached = @{}
foreach ($partner in Get-PartnerEntry) { $attached[$partner.Id] = @((Get-PartnerBadge -EntryId $partner.Id).Id) }
$attachedIds = @($attached.Values | ForEach-Object { $_ } | Sort-Object -Unique)
$entry = Get-PartnerEntry -Id ([guid]$seed.partnerPage.entryIds[0])
$badgeId = $attachedIds | Where-Object { $_ -notin $attached[$entry.Id] } | Select-Object -First 1
$e = $attached.Keys | Sort-Object { $attached[$_].Count }, { $_ } -Descending | Select-Object -First 1
$oldBadge = $attached[$e][0]
$newBadge = $attachedIds | Where-Object { $_ -notin $attached[$e] } | Select-Object -First 1
$others = @($seed.partnerPage.entryIds | Where-Object { $_ -ne $entry.Id })
$pair = foreach ($one in $others) {
    foreach ($other in $others) {
        if ($one -ne $other -and -not ($attached[[guid]$one] | Where-Object { $_ -in $attached[[guid]$other] })) { , @($one, $other) }
    }
}
$from, $to = Get-PartnerEntry -Id $pair[0]
# $directory: the seed's partner directory; $badge: one of its badges.
$directory = Get-PartnerDirectory | Where-Object Id -EQ ([guid]$seed.partnerPage.directoryId)
$badge = Get-PartnerDirectoryBadge -DirectoryId $directory.Id -First 1

# Snag: $b, $first and $expired have active holders, $wallet is one of $b's; $c, $second and $ids are other badges;
# $user holds $c; $rule1, $rule2 are loyalty rules badges name.
$badges = @(Get-LoyaltyBadge -First 40)
$withActive = @($badges | Where-Object { $_.UserBadges | Where-Object Status -EQ 'active' })
$b = $first = $withActive[0].Id
$expired = $withActive[1].Id
$c = $second = $badges.Where({ $_.Id -notin $b, $expired }, 'First')[0].Id
$ids = @($badges | Select-Object -Skip 2 -First 3).Id
$wallet = (Get-LoyaltyBadgeUser -BadgeId $b -Status active -First 1).WalletAddress
$user = (Get-LoyaltyBadgeUser -BadgeId $c -First 1).UserId
$rule1, $rule2 = @($badges.Rules.Id | Sort-Object -Unique)[0, 1]

# The working folder is new for each example.
Set-Content wallets.csv -Value @(
    'WalletAddress,UserId'
    '0x00000000000000000000000000000000000000a1,'
    "0x00000000000000000000000000000000000000a2,$user"
)
Set-Content entry-ids.txt -Value (@($seed.partnerPage.entryIds[0, 1]) + [guid]::Empty)
Set-Content new-badges.csv -Value @(
    'Name,Image'
    'Beta Tester,https://images.example.com/beta-tester.png'
    'Early Adopter,https://images.example.com/early-adopter.png'
)
[pscustomobject]@{ EntryId = $entry.Id; BadgeId = $badgeId; Order = 0 } | Export-Csv attachments.csv

Remove-Variable attached, attachedIds, others, pair, one, other, partner, badges, withActive, seed -ErrorAction SilentlyContinue
$ErrorActionPreference = 'Continue'
