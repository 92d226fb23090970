#Requires -Version 7.4
<#
.SYNOPSIS
    Listing loyalty badges into a variable, as users do, side by side in one pwsh: an Invoke-RestMethod loop over the
    cursor pages against `$badges = Get-LoyaltyBadge`, for -Count badges in a sandbox of its own (median of -Runs);
    the module with its progress bar shown (the default) and off.
    Targets: at most 20 µs per badge in pwsh, and at least 5x faster than Invoke-RestMethod; progress costs nothing measurable.
.EXAMPLE
    pwsh benchmarks/Measure-Listing.ps1 -Count 10000
#>
[CmdletBinding()]
param(
    [ValidateRange(1000, 200000)] [int] $Count = 10000,
    [ValidateRange(1, 21)] [int] $Runs = 5
)
$ErrorActionPreference = 'Stop'
$root = Join-Path $PSScriptRoot '..'
Import-Module (Join-Path $root 'tests' 'helpers' 'TestSandbox.psm1') -Force
Import-Module (Join-Path $root 'out' 'BadgeAdmin' 'BadgeAdmin.psd1') -Force
$sandbox = Start-TestSandbox -ExtraArguments '--snag-badges', $Count
try {
    $base = $sandbox.BaseUri
    $seed = Connect-SandboxSnag -Sandbox $sandbox
    $website = $seed.snag.mainWebsiteId
    $headers = @{ 'X-API-KEY' = 'sandbox-snag' }

    $ways = [ordered]@{
        'Invoke-RestMethod, cursor loop' = {
            $all = [System.Collections.Generic.List[object]]::new()
            $after = $null
            do {
                $uri = "$($base)api/loyalty/badges?websiteId=$website&limit=1000" + $(if ($after) { "&startingAfter=$after" })
                $page = Invoke-RestMethod -Uri $uri -Headers $headers
                $all.AddRange([object[]]$page.data)
                $after = $page.data[-1].id
            } while ($page.hasNextPage -eq $true -or $page.hasNextPage -eq 'true')
            $all
        }
        'Get-LoyaltyBadge' = { Get-LoyaltyBadge }
        # The same with progress off (as runbooks run): progress must not slow a listing measurably.
        'Get-LoyaltyBadge, progress off' = { $ProgressPreference = 'SilentlyContinue'; Get-LoyaltyBadge }
    }
    # Runs take turns (each way once per round), so warming up (JIT, the sandbox's caches) favours no way.
    $times = @{}
    foreach ($name in $ways.Keys) { $times[$name] = [System.Collections.Generic.List[double]]::new() }
    foreach ($run in 1..$Runs) {
        foreach ($name in $ways.Keys) {
            $badges = $null
            $elapsed = Measure-Command { $badges = & $ways[$name] }
            if (@($badges).Count -lt $Count) { throw "$name listed $(@($badges).Count) of $Count badges." }
            $times[$name].Add($elapsed.TotalMilliseconds * 1000 / @($badges).Count)
        }
    }
    $perBadge = [ordered]@{}
    foreach ($name in $ways.Keys) {
        $median = @($times[$name] | Sort-Object)[[int][math]::Floor($Runs / 2)]
        $perBadge[$name] = $median
        [pscustomobject]@{ Work = "list $Count loyalty badges into a variable"; Way = $name; MicrosecondsPerBadge = [math]::Round($median, 1) }
    }
    [pscustomobject]@{ Work = 'speed-up'; Way = 'Get-LoyaltyBadge vs IRM (target >= 5x; module <= 20 µs/badge)'; MicrosecondsPerBadge = [math]::Round($perBadge['Invoke-RestMethod, cursor loop'] / $perBadge['Get-LoyaltyBadge'], 1) }
    [pscustomobject]@{ Work = 'progress'; Way = 'Get-LoyaltyBadge, progress shown vs off (ratio; ~1.0)'; MicrosecondsPerBadge = [math]::Round($perBadge['Get-LoyaltyBadge'] / $perBadge['Get-LoyaltyBadge, progress off'], 2) }
}
finally {
    Stop-TestSandbox $sandbox
}
