#Requires -Version 7.4
<#
.SYNOPSIS
    Bulk updates as users run them, side by side in one pwsh: -Count Set-LoyaltyBadge changes against a sandbox with
    -LatencyMs of latency per request, written three ways: an Invoke-RestMethod loop, Invoke-RestMethod in
    ForEach-Object -Parallel -ThrottleLimit 16, and the module's Set-LoyaltyBadge -ThrottleLimit 16 (and 1).
    Targets: the module at least 10x the IRM loop and 3x the parallel IRM.
.EXAMPLE
    pwsh benchmarks/Measure-BulkUpdate.ps1 -Count 200
#>
[CmdletBinding()]
param(
    [ValidateRange(10, 5000)] [int] $Count = 200,
    [ValidateRange(0, 1000)] [int] $LatencyMs = 20
)
$ErrorActionPreference = 'Stop'
$root = Join-Path $PSScriptRoot '..'
Import-Module (Join-Path $root 'tests' 'helpers' 'TestSandbox.psm1') -Force
Import-Module (Join-Path $root 'out' 'BadgeAdmin' 'BadgeAdmin.psd1') -Force
$sandbox = Start-TestSandbox -ExtraArguments '--latency-ms', $LatencyMs
try {
    $base = $sandbox.BaseUri
    $seed = Connect-SandboxSnag -Sandbox $sandbox
    $ids = @(Get-LoyaltyBadge -First $Count).Id
    $headers = @{ 'X-API-KEY' = 'sandbox-snag' }

    $runs = [ordered]@{
        'Invoke-RestMethod loop' = {
            foreach ($id in $ids) {
                $null = Invoke-RestMethod -Method Post -Uri "$($base)api/loyalty/badges/$id" -Headers $headers `
                    -ContentType 'application/json' -Body (@{ description = 'irm' } | ConvertTo-Json)
            }
        }
        'Invoke-RestMethod, ForEach-Object -Parallel 16' = {
            $ids | ForEach-Object -ThrottleLimit 16 -Parallel {
                $null = Invoke-RestMethod -Method Post -Uri "$($using:base)api/loyalty/badges/$_" -Headers $using:headers `
                    -ContentType 'application/json' -Body (@{ description = 'parallel' } | ConvertTo-Json)
            }
        }
        'Set-LoyaltyBadge -ThrottleLimit 1' = { $ids | Set-LoyaltyBadge -Description 'module 1' -ThrottleLimit 1 }
        'Set-LoyaltyBadge -ThrottleLimit 16' = { $ids | Set-LoyaltyBadge -Description 'module 16' -ThrottleLimit 16 }
    }
    $seconds = [ordered]@{}
    foreach ($name in $runs.Keys) {
        Reset-TestSandbox $sandbox
        Clear-SandboxRequest $sandbox
        $elapsed = Measure-Command { & $runs[$name] }
        $changed = @(Get-SandboxRequest $sandbox | Where-Object { $_.method -eq 'POST' -and $_.status -eq 200 }).Count
        if ($changed -ne $Count) { throw "$name changed $changed of $Count badges." }
        $seconds[$name] = $elapsed.TotalSeconds
        [pscustomobject]@{ Work = "$Count updates at $LatencyMs ms"; Way = $name; Seconds = [math]::Round($elapsed.TotalSeconds, 2) }
    }
    $module = $seconds['Set-LoyaltyBadge -ThrottleLimit 16']
    [pscustomobject]@{ Work = 'speed-up'; Way = 'module 16 vs IRM loop (target >= 10x)'; Seconds = [math]::Round($seconds['Invoke-RestMethod loop'] / $module, 1) }
    [pscustomobject]@{ Work = 'speed-up'; Way = 'module 16 vs parallel IRM (target >= 3x)'; Seconds = [math]::Round($seconds['Invoke-RestMethod, ForEach-Object -Parallel 16'] / $module, 1) }
}
finally {
    Stop-TestSandbox $sandbox
}
