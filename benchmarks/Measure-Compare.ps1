#Requires -Version 7.4
<#
.SYNOPSIS
    Compare-BadgeConfiguration on a file of -Count loyalty badges against the sandbox, side by side in one pwsh with
    `$badges = Get-LoyaltyBadge` listing the same badges (its own sandbox; the runs alternate; median of -Runs after one
    warm-up each). The file is an export of the website, so the compare finds nothing to change: it reads the file,
    lists the badges once and diffs them all. Target: the compare takes at most 1.5x the listing, JSON and YAML alike.
.EXAMPLE
    pwsh benchmarks/Measure-Compare.ps1 -Count 2500
#>
[CmdletBinding()]
param(
    [ValidateRange(100, 100000)] [int] $Count = 2500,
    [ValidateRange(3, 21)] [int] $Runs = 9
)
$ErrorActionPreference = 'Stop'
$root = Join-Path $PSScriptRoot '..'
Import-Module (Join-Path $root 'tests' 'helpers' 'TestSandbox.psm1') -Force
Import-Module (Join-Path $root 'out' 'BadgeAdmin' 'BadgeAdmin.psd1') -Force
$sandbox = Start-TestSandbox -ExtraArguments '--snag-badges', $Count
$folder = Join-Path ([System.IO.Path]::GetTempPath()) "badgeadmin-compare-$([guid]::NewGuid().ToString('N'))"
$null = New-Item -ItemType Directory -Path $folder
try {
    $null = Connect-SandboxSnag -Sandbox $sandbox
    $json = Join-Path $folder 'loyalty.json'
    $yaml = Join-Path $folder 'loyalty.yaml'
    Export-BadgeConfiguration -Path $json -Service Snag 6>$null
    Export-BadgeConfiguration -Path $yaml -Service Snag 6>$null

    $ways = [ordered]@{
        'Get-LoyaltyBadge (into a variable)' = { $badges = Get-LoyaltyBadge; if (@($badges).Count -ne $Count) { throw "listed $(@($badges).Count) of $Count" } }
        'Compare-BadgeConfiguration, JSON file' = { $plan = Compare-BadgeConfiguration -Path $json 6>$null; if ($plan) { throw 'the export should compare clean' } }
        'Compare-BadgeConfiguration, YAML file' = { $plan = Compare-BadgeConfiguration -Path $yaml 6>$null; if ($plan) { throw 'the export should compare clean' } }
    }
    $times = @{}
    foreach ($name in $ways.Keys) { $null = & $ways[$name]; $times[$name] = [System.Collections.Generic.List[double]]::new() } # warm-up
    foreach ($run in 1..$Runs) {
        foreach ($name in $ways.Keys) { $times[$name].Add((Measure-Command { & $ways[$name] }).TotalMilliseconds) }
    }

    $median = @{}
    foreach ($name in $ways.Keys) {
        $median[$name] = @($times[$name] | Sort-Object)[[int][math]::Floor($Runs / 2)]
        [pscustomobject]@{ Work = "$Count loyalty badges"; Way = $name; MedianMs = [math]::Round($median[$name], 1) }
    }
    $listing = $median['Get-LoyaltyBadge (into a variable)']
    foreach ($format in 'JSON', 'YAML') {
        $ratio = $median["Compare-BadgeConfiguration, $format file"] / $listing
        [pscustomobject]@{ Work = 'compare / listing'; Way = "$format (target <= 1.5x)"; MedianMs = [math]::Round($ratio, 2) }
    }
}
finally {
    Stop-TestSandbox $sandbox
    Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
}
