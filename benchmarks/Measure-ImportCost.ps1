#Requires -Version 7.4
<#
.SYNOPSIS
    What `Import-Module BadgeAdmin` adds to a PowerShell start. Fresh `pwsh -NoProfile -NonInteractive` processes are
    timed, interleaved, and medians compared (-Runs of each kind):
      - bare:               `exit`
      - empty module:       importing a manifest with nothing in it (PowerShell's own cost of a first import)
      - BadgeAdmin:         importing the built module
      - interactive start:  PSReadLine imported first, as an interactive `pwsh -NoProfile` does before its prompt,
                            then BadgeAdmin: the delay a user sees after typing Import-Module.
    Target: at most 150 ms over a bare start.
.EXAMPLE
    pwsh benchmarks/Measure-ImportCost.ps1 -Runs 25
#>
[CmdletBinding()]
param(
    [ValidateRange(3, 100)] [int] $Runs = 25,
    [string] $ModulePath = (Join-Path $PSScriptRoot '..' 'out' 'BadgeAdmin' 'BadgeAdmin.psd1'),
    [int] $TargetMs = 150,
    # The pwsh to start: the one tests/install-engine.sh put in .tools/, else the one on PATH.
    [string] $Pwsh = $(
        $local = Join-Path $PSScriptRoot '..' '.tools' 'pwsh' 'pwsh'
        if (Test-Path $local) { $local } else { (Get-Command pwsh -ErrorAction Stop).Source })
)

$ModulePath = (Resolve-Path $ModulePath).Path
$empty = Join-Path ([System.IO.Path]::GetTempPath()) "badgeadmin-import-cost-$PID/Empty"
$null = New-Item -ItemType Directory -Force $empty
"@{ ModuleVersion = '1.0'; GUID = '$([guid]::NewGuid())'; CmdletsToExport = @(); FunctionsToExport = @() }" |
    Set-Content (Join-Path $empty 'Empty.psd1')

$kinds = [ordered]@{
    Bare        = 'exit'
    Empty       = "Import-Module '$empty/Empty.psd1' -ErrorAction Stop; exit"
    BadgeAdmin  = "Import-Module '$ModulePath' -ErrorAction Stop; exit"
    Prompt      = "Import-Module PSReadLine -ErrorAction Stop; exit"
    PromptThenBadgeAdmin = "Import-Module PSReadLine -ErrorAction Stop; Import-Module '$ModulePath' -ErrorAction Stop; exit"
}
$times = @{}
foreach ($kind in $kinds.Keys) { $times[$kind] = [System.Collections.Generic.List[double]]::new() }
function Measure-Start([string] $Command) {
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    & $Pwsh -NoProfile -NonInteractive -Command $Command | Out-Null
    if ($LASTEXITCODE -ne 0) { throw "pwsh failed: $Command" }
    $clock.Elapsed.TotalMilliseconds
}
function Get-Median($Values) { $sorted = @($Values | Sort-Object); $sorted[[int][math]::Floor($sorted.Count / 2)] }

$null = Measure-Start 'exit' # warm the disk cache
for ($i = 0; $i -lt $Runs; $i++) {
    # Interleaved, so machine noise and PowerShell's startup JIT profile favour no kind.
    foreach ($kind in $kinds.Keys) { $times[$kind].Add((Measure-Start $kinds[$kind])) }
}
Remove-Item (Split-Path $empty) -Recurse -Force

$m = @{}; foreach ($kind in $kinds.Keys) { $m[$kind] = Get-Median $times[$kind] }
$cost = $m.BadgeAdmin - $m.Bare
[pscustomobject][ordered]@{
    BareStartMs              = [math]::Round($m.Bare)
    ImportCostMs             = [math]::Round($cost)
    EmptyModuleCostMs        = [math]::Round($m.Empty - $m.Bare)
    BadgeAdminOverEmptyMs    = [math]::Round($m.BadgeAdmin - $m.Empty)
    AfterInteractiveStartMs  = [math]::Round($m.PromptThenBadgeAdmin - $m.Prompt)
    TargetMs                 = $TargetMs
    Met                      = $cost -le $TargetMs
}
