#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and packages BadgeAdmin. A convenience over dotnet: `dotnet build BadgeAdmin.sln -c Release`
    alone produces the importable module in out/BadgeAdmin.
.EXAMPLE
    ./build.ps1                     # Build (Release)
.EXAMPLE
    ./build.ps1 -Task Build, Test   # build, then the xunit (plain and engine) and Pester suites
.EXAMPLE
    ./build.ps1 -Task Package       # out/BadgeAdmin.<version>.zip
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Package')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleFolder = Join-Path $root 'out/BadgeAdmin'

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

foreach ($step in $Task) {
    switch ($step) {
        'Build' {
            Invoke-Dotnet build (Join-Path $root 'BadgeAdmin.sln') -c $Configuration
            Write-Host "Module folder: $moduleFolder"
        }
        'Test' {
            # The same suites as tests/run.sh (which CI runs and which also installs pwsh and Pester into .tools/).
            Invoke-Dotnet test (Join-Path $root 'BadgeAdmin.sln') -c $Configuration
            $pester = Join-Path $root '.tools/packages/pester/5.9.1/tools/Pester.psd1'
            $arguments = if (Test-Path $pester) { @{ PesterPath = $pester } } else { @{} }
            & (Join-Path $root 'tests/Invoke-PesterSuite.ps1') @arguments
            if ($LASTEXITCODE -ne 0) { throw 'The Pester suites failed (run tests/install-engine.sh for Pester 5.9.1).' }
        }
        'Package' {
            if (-not (Test-Path (Join-Path $moduleFolder 'BadgeAdmin.psd1'))) { Invoke-Dotnet build (Join-Path $root 'BadgeAdmin.sln') -c $Configuration }
            $version = (Import-PowerShellDataFile (Join-Path $moduleFolder 'BadgeAdmin.psd1')).ModuleVersion
            $zip = Join-Path $root "out/BadgeAdmin.$version.zip"
            Compress-Archive -Path $moduleFolder -DestinationPath $zip -Force
            Write-Host "Package: $zip"
        }
    }
}
