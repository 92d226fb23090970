#Requires -Version 7.4
<#
.SYNOPSIS
    What `Import-Module BadgeAdmin` adds to a PowerShell start: the median of -Runs fresh `pwsh -NoProfile` processes
    that import the built module, minus the median of as many that do not. Target: at most 150 ms.
.EXAMPLE
    pwsh benchmarks/Measure-ImportCost.ps1 -Runs 15
#>
[CmdletBinding()]
param(
    [ValidateRange(3, 100)] [int] $Runs = 15,
    [string] $ModulePath = (Join-Path $PSScriptRoot '..' 'out' 'BadgeAdmin' 'BadgeAdmin.psd1'),
    [int] $TargetMs = 150,
    # The pwsh to start: the one tests/install-engine.sh put in .tools/, else the one on PATH.
    [string] $Pwsh = $(
        $local = Join-Path $PSScriptRoot '..' '.tools' 'pwsh' 'pwsh'
        if (Test-Path $local) { $local } else { (Get-Command pwsh -ErrorAction Stop).Source })
)

$pwsh = $Pwsh
$ModulePath = (Resolve-Path $ModulePath).Path
function Measure-Start([string] $Command) {
    # Alternating the two kinds of start in one loop keeps machine noise from favouring either.
    [System.Diagnostics.Stopwatch]::StartNew() | ForEach-Object {
        & $pwsh -NoProfile -NonInteractive -Command $Command | Out-Null
        if ($LASTEXITCODE -ne 0) { throw "pwsh failed: $Command" }
        $_.Elapsed.TotalMilliseconds
    }
}
function Get-Median([double[]] $Values) { $sorted = $Values | Sort-Object; $sorted[[int][math]::Floor($sorted.Count / 2)] }

$null = Measure-Start 'exit'  # warm the disk cache once
$bare = [System.Collections.Generic.List[double]]::new()
$with = [System.Collections.Generic.List[double]]::new()
for ($i = 0; $i -lt $Runs; $i++) {
    $bare.Add((Measure-Start 'exit'))
    $with.Add((Measure-Start "Import-Module '$ModulePath' -ErrorAction Stop; exit"))
}
$cost = (Get-Median $with) - (Get-Median $bare)
[pscustomobject]@{
    Benchmark     = 'Import-Module cost over pwsh -NoProfile'
    BareStartMs   = [math]::Round((Get-Median $bare))
    WithImportMs  = [math]::Round((Get-Median $with))
    ImportCostMs  = [math]::Round($cost)
    TargetMs      = $TargetMs
    Met           = $cost -le $TargetMs
}
