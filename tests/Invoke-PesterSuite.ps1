# Runs the Pester 5 suites in tests/ against the built module and writes "passed failed skipped" to -ResultFile.
# Exit codes: 0 all passed, 1 some failed or Pester could not be loaded (never a silent skip).
# No positional binding: a second file after -Path (as `pwsh -File` passes "-Path a.ps1 b.ps1") must not become the
# -ResultFile; every word left over is a path too.
[CmdletBinding(PositionalBinding = $false)]
param(
    # Pester.psd1 to use; tests/install-engine.sh fetches 5.9.1 into .tools/. Without it, an installed Pester 5.
    [string] $PesterPath,
    [string] $ResultFile,
    # Only these files or folders (e.g. tests/Snag.Tests.ps1): separated by spaces or commas, relative to the current
    # folder; all *.Tests.ps1 in tests/ by default.
    [string[]] $Path,
    [Parameter(ValueFromRemainingArguments)] [string[]] $MorePaths
)

# `pwsh -File` hands "-Path a,b" over as one string: split it. A path that does not exist is an error, not a run of
# nothing (Pester would report no tests, and the caller could not tell which path was wrong).
$paths = @(@($Path) + @($MorePaths) | ForEach-Object { $_ -split ',' } | ForEach-Object { $_.Trim() } | Where-Object { $_ })
$missing = @($paths | Where-Object { -not (Test-Path -LiteralPath $_) })
if ($missing) {
    Write-Host "No such test file or folder: $($missing -join ', ')"
    if ($ResultFile) { '0 1 0' | Set-Content -Path $ResultFile }
    exit 1
}
$paths = if ($paths) { @($paths | ForEach-Object { (Resolve-Path -LiteralPath $_).Path }) } else { @($PSScriptRoot) }

$pester = if ($PesterPath) { (Resolve-Path -LiteralPath $PesterPath -ErrorAction Stop).Path } else {
    Get-Module Pester -ListAvailable | Where-Object { $_.Version.Major -ge 5 } | Sort-Object Version -Descending | Select-Object -First 1
}
if (-not $pester) {
    Write-Host 'Pester 5 was not found: run tests/install-engine.sh, or pass -PesterPath.'
    exit 1
}
Import-Module $pester -Force -ErrorAction Stop

$configuration = New-PesterConfiguration
$configuration.Run.Path = $paths
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration

# A failed BeforeAll fails its whole block or file without counting its tests as failed: count those too.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
if ($ResultFile) { "$($result.PassedCount) $failed $($result.SkippedCount + $result.NotRunCount)" | Set-Content -Path $ResultFile }
exit ([int]($failed -gt 0 -or $result.PassedCount -eq 0))
