#Requires -Version 5.1
<#
.SYNOPSIS
    Builds, tests and packages BadgeAdmin. A convenience over dotnet: `dotnet build BadgeAdmin.sln -c Release`
    alone produces the importable module in out/BadgeAdmin.
.DESCRIPTION
    Package always builds first, then publishes the module folder with PSResourceGet's own Publish-PSResource into
    the folder repository out/packages (BadgeAdmin.<version>.nupkg), which Install-PSResource and Save-PSResource
    install from (README "Install"). To publish, it registers out/packages under a temporary repository name and
    unregisters it afterwards, so your repository list is left as it was.
.EXAMPLE
    ./build.ps1                     # Build (Release)
.EXAMPLE
    ./build.ps1 -Task Build, Test   # build, then the xunit (plain and engine) and Pester suites
.EXAMPLE
    ./build.ps1 -Task Package       # build, then out/packages/BadgeAdmin.<version>.nupkg
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
$packageFolder = Join-Path $root 'out/packages'
$built = $false

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE." }
}

function Invoke-Build {
    # Once per run: Package after Build (or Test) uses that build.
    if ($script:built) { return }
    Invoke-Dotnet build (Join-Path $root 'BadgeAdmin.sln') -c $Configuration
    $script:built = $true
    Write-Host "Module folder: $moduleFolder"
}

function Publish-ModulePackage {
    if (-not (Get-Command Publish-PSResource -ErrorAction SilentlyContinue)) {
        throw 'Package needs Microsoft.PowerShell.PSResourceGet (it comes with PowerShell 7.4 and later; on Windows PowerShell 5.1: Install-Module Microsoft.PowerShell.PSResourceGet).'
    }

    $version = (Import-PowerShellDataFile (Join-Path $moduleFolder 'BadgeAdmin.psd1')).ModuleVersion
    $null = New-Item -ItemType Directory -Path $packageFolder -Force
    # A folder repository keeps every version published to it; this version is replaced by the new build.
    $package = Join-Path $packageFolder "BadgeAdmin.$version.nupkg"
    Remove-Item -LiteralPath $package -ErrorAction SilentlyContinue

    $repository = 'BadgeAdminBuild-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
    # NuGet, under Publish-PSResource, writes NuGet/NuGet.Config into the process's current folder when the user has
    # no config folder (a HOME without ~/.config): publish from an empty temporary folder, so the working tree stays
    # clean. The process's folder, not only pwsh's location, which Push-Location alone would change.
    $scratch = Join-Path ([IO.Path]::GetTempPath()) ('badgeadmin-publish-' + [guid]::NewGuid().ToString('N'))
    $null = New-Item -ItemType Directory -Path $scratch
    $processFolder = [Environment]::CurrentDirectory
    Register-PSResourceRepository -Name $repository -Uri $packageFolder
    try {
        [Environment]::CurrentDirectory = $scratch
        Publish-PSResource -Path $moduleFolder -Repository $repository
    }
    finally {
        [Environment]::CurrentDirectory = $processFolder
        Unregister-PSResourceRepository -Name $repository
        Remove-Item -LiteralPath $scratch -Recurse -Force -ErrorAction SilentlyContinue
    }

    if (-not (Test-Path -LiteralPath $package)) { throw "Publish-PSResource did not write $package." }
    Write-Host "Package: $package"
    Write-Host "Install it: Register-PSResourceRepository -Name BadgeAdminLocal -Uri '$packageFolder' -Trusted; Install-PSResource BadgeAdmin -Repository BadgeAdminLocal"
}

foreach ($step in $Task) {
    switch ($step) {
        'Build' { Invoke-Build }
        'Test' {
            # The same suites as tests/run.sh (which CI runs and which also installs pwsh and Pester into .tools/).
            Invoke-Dotnet test (Join-Path $root 'BadgeAdmin.sln') -c $Configuration
            $pester = Join-Path $root '.tools/packages/pester/5.9.1/tools/Pester.psd1'
            $arguments = if (Test-Path $pester) { @{ PesterPath = $pester } } else { @{} }
            & (Join-Path $root 'tests/Invoke-PesterSuite.ps1') @arguments
            if ($LASTEXITCODE -ne 0) { throw 'The Pester suites failed (run tests/install-engine.sh for Pester 5.9.1).' }
        }
        'Package' {
            Invoke-Build
            Publish-ModulePackage
        }
    }
}
