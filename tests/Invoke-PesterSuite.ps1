# Runs the Pester 5 suites in tests/ against the built module and writes "passed failed skipped" to -ResultFile.
# Exit codes: 0 all passed, 1 some failed or Pester could not be loaded (never a silent skip).
[CmdletBinding()]
param(
    # Pester.psd1 to use; tests/install-engine.sh fetches 5.9.1 into .tools/. Without it, an installed Pester 5.
    [string] $PesterPath,
    [string] $ResultFile,
    # Only these files (e.g. tests/Snag.Tests.ps1); all *.Tests.ps1 in tests/ by default.
    [string[]] $Path = $PSScriptRoot
)

$pester = if ($PesterPath) { (Resolve-Path -LiteralPath $PesterPath -ErrorAction Stop).Path } else {
    Get-Module Pester -ListAvailable | Where-Object { $_.Version.Major -ge 5 } | Sort-Object Version -Descending | Select-Object -First 1
}
if (-not $pester) {
    Write-Host 'Pester 5 was not found: run tests/install-engine.sh, or pass -PesterPath.'
    exit 1
}
Import-Module $pester -Force -ErrorAction Stop

$configuration = New-PesterConfiguration
$configuration.Run.Path = $Path
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration

# A failed BeforeAll fails its whole block or file without counting its tests as failed: count those too.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
if ($ResultFile) { "$($result.PassedCount) $failed $($result.SkippedCount + $result.NotRunCount)" | Set-Content -Path $ResultFile }
exit ([int]($failed -gt 0 -or $result.PassedCount -eq 0))
