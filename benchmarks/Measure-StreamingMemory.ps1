#Requires -Version 7.4
<#
.SYNOPSIS
    Memory while streaming a large listing through a pipeline in pwsh, as users do (Get-LoyaltyBadge | ForEach-Object),
    side by side with the Invoke-RestMethod cursor loop written the same streaming way. Reports, for each, the highest
    managed heap seen while the listing runs and the process's peak working set, both above what they were at the
    start. Target: 100,000 badges stream within 64 MB above the start.
.EXAMPLE
    pwsh benchmarks/Measure-StreamingMemory.ps1 -Count 100000
#>
[CmdletBinding()]
param(
    [ValidateRange(10000, 500000)] [int] $Count = 100000
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
        'Get-LoyaltyBadge' = { Get-LoyaltyBadge }
        'Invoke-RestMethod, cursor loop' = {
            $after = $null
            do {
                $uri = "$($base)api/loyalty/badges?websiteId=$website&limit=1000" + $(if ($after) { "&startingAfter=$after" })
                $page = Invoke-RestMethod -Uri $uri -Headers $headers
                $page.data
                $after = $page.data[-1].id
            } while ($page.hasNextPage -eq $true -or $page.hasNextPage -eq 'true')
        }
    }
    $process = [System.Diagnostics.Process]::GetCurrentProcess()
    foreach ($name in $ways.Keys) {
        [GC]::Collect(); [GC]::WaitForPendingFinalizers(); [GC]::Collect()
        $heapAtStart = [GC]::GetTotalMemory($true)
        $process.Refresh()
        $workingSetAtStart = $process.WorkingSet64
        $peakHeap = $heapAtStart
        $seen = 0
        $elapsed = Measure-Command {
            & $ways[$name] | ForEach-Object {
                if ((++$seen % 2000) -eq 0) {
                    $heap = [GC]::GetTotalMemory($false)
                    if ($heap -gt $peakHeap) { $peakHeap = $heap }
                }
            }
        }
        if ($seen -lt $Count) { throw "$name streamed $seen of $Count badges." }
        $process.Refresh()
        [pscustomobject]@{
            Work                   = "stream $Count loyalty badges through ForEach-Object"
            Way                    = $name
            PeakHeapAboveStartMB   = [math]::Round(($peakHeap - $heapAtStart) / 1MB, 1)
            # The process peak never goes down: the module runs first so its figure is its own; IRM's is at least its own.
            PeakWorkingSetAboveMB  = [math]::Round(($process.PeakWorkingSet64 - $workingSetAtStart) / 1MB, 1)
            Seconds                = [math]::Round($elapsed.TotalSeconds, 1)
        }
    }
}
finally {
    Stop-TestSandbox $sandbox
}
