# Runs the Pester 5 suites in tests/ against the built module and writes "passed failed skipped" to -ResultFile.
# Exit codes: 0 all passed, 1 some failed, 3 Pester 5 is not installed (the suites were skipped).
[CmdletBinding()]
param(
    [string] $ResultFile
)

$pester = Get-Module Pester -ListAvailable | Where-Object { $_.Version.Major -ge 5 } | Sort-Object Version -Descending | Select-Object -First 1
if (-not $pester) {
    Write-Host 'Pester 5 is not installed: the Pester suites were skipped.'
    exit 3
}
Import-Module $pester -Force

$configuration = New-PesterConfiguration
$configuration.Run.Path = $PSScriptRoot
$configuration.Run.PassThru = $true
$configuration.Run.Exit = $false
$configuration.Output.Verbosity = 'Detailed'
$result = Invoke-Pester -Configuration $configuration

# A failed BeforeAll fails its whole block or file without counting its tests as failed: count those too.
$failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
if ($ResultFile) { "$($result.PassedCount) $failed $($result.SkippedCount + $result.NotRunCount)" | Set-Content -Path $ResultFile }
exit ([int]($failed -gt 0))
