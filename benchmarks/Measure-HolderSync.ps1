#Requires -Version 7.4
<#
.SYNOPSIS
    Sync-LoyaltyBadgeHolder as users run it, side by side in one pwsh: -Count wanted wallets of which -Held already
    hold the badge, against a sandbox with -LatencyMs of latency per request. Measured, each on the same data:
      - the listing:      $holders = Get-LoyaltyBadgeUser -BadgeId $b
      - the grants:       the missing wallets' rows | Grant-LoyaltyBadge -BadgeId $b -ThrottleLimit N
      - the sync:         all the rows | Sync-LoyaltyBadgeHolder -BadgeId $b -ThrottleLimit N
    The rows are objects with a WalletAddress property, as Import-Csv gives them, made before anything is timed.
      - hand-written:     an Invoke-RestMethod cursor loop over the holders, then the missing grants with
                          Invoke-RestMethod in ForEach-Object -Parallel -ThrottleLimit N (and, unless -SkipIrmLoop, in a
                          plain foreach loop)
    Target: the sync sends only the missing grants plus the holder pages, in at most 1.3x (listing + grants).
    Each figure is the median of -Runs runs (after one warm-up run that is not counted).
.EXAMPLE
    pwsh benchmarks/Measure-HolderSync.ps1 -Count 10000 -Held 9000 -ThrottleLimit 16
#>
[CmdletBinding()]
param(
    [ValidateRange(10, 100000)] [int] $Count = 10000,
    [ValidateRange(0, 100000)] [int] $Held = 9000,
    [ValidateRange(1, 64)] [int] $ThrottleLimit = 16,
    [ValidateRange(0, 1000)] [int] $LatencyMs = 20,
    [ValidateRange(1, 15)] [int] $Runs = 5,
    [switch] $SkipIrmLoop
)
$ErrorActionPreference = 'Stop'
if ($Held -gt $Count) { throw "-Held ($Held) cannot be more than -Count ($Count)." }
$root = Join-Path $PSScriptRoot '..'
Import-Module (Join-Path $root 'tests' 'helpers' 'TestSandbox.psm1') -Force
Import-Module (Join-Path $root 'out' 'BadgeAdmin' 'BadgeAdmin.psd1') -Force
$sandbox = Start-TestSandbox -ExtraArguments '--latency-ms', $LatencyMs
try {
    $base = $sandbox.BaseUri
    $headers = @{ 'X-API-KEY' = 'sandbox-snag' }
    $wallets = 0..($Count - 1) | ForEach-Object { '0x{0:x40}' -f (0xbe00000 + $_) }
    $missing = $wallets[$Held..($Count - 1)]
    # Rows as Import-Csv gives them (a WalletAddress column), made before anything is timed.
    $rows = $wallets | ForEach-Object { [pscustomobject]@{ WalletAddress = $_ } }
    $missingRows = $rows[$Held..($Count - 1)]

    # Back to the seed, then a badge with no holders made to hold the first -Held wallets; returns its id.
    function Initialize-Badge {
        Reset-TestSandbox $sandbox
        $null = Connect-SandboxSnag -Sandbox $sandbox
        $badge = (Get-LoyaltyBadge -Skip 200 -First 1).Id
        if ($Held -gt 0) {
            $null = Invoke-SandboxControl -Sandbox $sandbox -Path 'holders' -Method POST -Body @{ badgeId = $badge; walletAddresses = $wallets[0..($Held - 1)] }
        }
        # A fresh connection: nothing read before (no cached badge names), as in a runbook.
        $null = Connect-SandboxSnag -Sandbox $sandbox
        Clear-SandboxRequest $sandbox
        $badge
    }

    function Assert-Sent {
        param([string] $Way, [int] $Grants, [int] $Pages)
        $log = Get-SandboxRequest $sandbox
        $posts = @($log | Where-Object { $_.method -eq 'POST' -and $_.path -like '*/reward' -and $_.status -eq 200 }).Count
        $gets = @($log | Where-Object { $_.method -eq 'GET' -and $_.path -eq '/api/loyalty/badge_users' }).Count
        if ($posts -ne $Grants -or ($Pages -ge 0 -and $gets -ne $Pages) -or ($Pages -ge 0 -and $log.Count -ne $Grants + $Pages)) {
            throw "$Way sent $($log.Count) requests: $posts grants (expected $Grants), $gets holder pages (expected $Pages)."
        }
    }

    # What a hand-written script does first: every holder page with an Invoke-RestMethod cursor loop, into a set of
    # active wallets (case-insensitive, as 0x addresses are).
    function Get-IrmHolder {
        param($badge)
        $held = [System.Collections.Generic.HashSet[string]]::new([StringComparer]::OrdinalIgnoreCase)
        $after = $null
        do {
            $uri = "$($base)api/loyalty/badge_users?loyaltyBadgeId=$badge&limit=1000" + $(if ($after) { "&startingAfter=$after" })
            $page = Invoke-RestMethod -Uri $uri -Headers $headers
            foreach ($row in $page.data) { if ($row.status -eq 'active') { $null = $held.Add($row.user.walletAddress) } }
            $after = if ($page.data) { $page.data[-1].id }
        } while ($page.hasNextPage -eq $true -or $page.hasNextPage -eq 'true')
        , $held
    }

    $pages = [math]::Max(1, [math]::Ceiling($Held / 1000))
    $ways = [ordered]@{
        'listing: $h = Get-LoyaltyBadgeUser -BadgeId $b' = {
            param($badge)
            $h = Get-LoyaltyBadgeUser -BadgeId $badge
            if ($h.Count -ne $Held) { throw "listed $($h.Count) of $Held holders" }
            Assert-Sent 'the listing' 0 $pages
        }
        "grants: `$missingRows | Grant-LoyaltyBadge -ThrottleLimit $ThrottleLimit" = {
            param($badge)
            $missingRows | Grant-LoyaltyBadge -BadgeId $badge -ThrottleLimit $ThrottleLimit | Out-Null
            Assert-Sent 'Grant-LoyaltyBadge' $missing.Count 0
        }
        "sync: `$rows | Sync-LoyaltyBadgeHolder -ThrottleLimit $ThrottleLimit" = {
            param($badge)
            $summary = $rows | Sync-LoyaltyBadgeHolder -BadgeId $badge -ThrottleLimit $ThrottleLimit
            if ($summary.Granted -ne $missing.Count -or $summary.AlreadyHeld -ne $Held) { throw "sync: $summary" }
            Assert-Sent 'Sync-LoyaltyBadgeHolder' $missing.Count $pages
        }
        "IRM: cursor loop, then ForEach-Object -Parallel $ThrottleLimit grants" = {
            param($badge)
            $held = Get-IrmHolder $badge
            $wallets | Where-Object { -not $held.Contains($_) } | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
                $null = Invoke-RestMethod -Method Post -Uri "$($using:base)api/loyalty/badges/$($using:badge)/reward" -Headers $using:headers `
                    -ContentType 'application/json' -Body (@{ walletAddress = $_ } | ConvertTo-Json -Compress)
            }
            Assert-Sent 'the IRM script' $missing.Count $pages
        }
    }
    if (-not $SkipIrmLoop) {
        $ways['IRM: cursor loop, then a foreach loop of grants'] = {
            param($badge)
            $held = Get-IrmHolder $badge
            foreach ($wallet in $wallets) {
                if ($held.Contains($wallet)) { continue }
                $null = Invoke-RestMethod -Method Post -Uri "$($base)api/loyalty/badges/$badge/reward" -Headers $headers `
                    -ContentType 'application/json' -Body (@{ walletAddress = $wallet } | ConvertTo-Json -Compress)
            }
            Assert-Sent 'the IRM loop' $missing.Count $pages
        }
    }

    $seconds = [ordered]@{}
    foreach ($name in $ways.Keys) { $seconds[$name] = [System.Collections.Generic.List[double]]::new() }
    for ($run = 0; $run -le $Runs; $run++) {
        foreach ($name in $ways.Keys) {
            $badge = Initialize-Badge
            [GC]::Collect()
            $elapsed = Measure-Command { & $ways[$name] $badge }
            if ($run -gt 0) { $seconds[$name].Add($elapsed.TotalSeconds) } # run 0 warms up
        }
    }

    $median = [ordered]@{}
    foreach ($name in $ways.Keys) {
        $sorted = @($seconds[$name] | Sort-Object)
        $median[$name] = $sorted[[math]::Floor($sorted.Count / 2)]
        [pscustomobject]@{
            Work    = "$Count wanted, $Held held, $LatencyMs ms"
            Way     = $name
            Seconds = [math]::Round($median[$name], 3)
            Runs    = ($sorted | ForEach-Object { [math]::Round($_, 2) }) -join ' '
        }
    }
    $names = @($ways.Keys)
    $budget = $median[$names[0]] + $median[$names[1]]
    [pscustomobject]@{
        Work    = 'ratio'
        Way     = 'sync / (listing + grants) (target <= 1.3)'
        Seconds = [math]::Round($median[$names[2]] / $budget, 2)
        Runs    = "sends $($missing.Count) grants + $pages holder pages"
    }
    foreach ($irm in $names[3..($names.Count - 1)]) {
        [pscustomobject]@{ Work = 'speed-up'; Way = "sync vs $irm"; Seconds = [math]::Round($median[$irm] / $median[$names[2]], 1); Runs = '' }
    }
}
finally {
    Stop-TestSandbox $sandbox
}
