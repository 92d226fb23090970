#Requires -Version 7.4
# Pester 5 suite: installing BadgeAdmin the normal way. build.ps1 -Task Package builds and publishes
# BadgeAdmin.<version>.nupkg into out/packages with PSResourceGet, leaving the working tree clean; README's "From
# source" steps, run as typed, install it with Install-PSResource and save a copy with Save-PSResource from that folder
# feed, and a cmdlet then runs without Import-Module. Every pwsh started here has a temporary data
# folder (XDG_DATA_HOME: PSResourceGet's repository list, pwsh's CurrentUser modules), and those that install also a
# temporary HOME (PSResourceGet installs CurrentUser modules under $HOME/.local/share), so the machine's repository
# list and module folders are never touched. Linux and macOS (CI runs on Linux).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'TestSandbox.psm1') -Force
    $script:Root = Get-RepoRoot
    $script:Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    $script:Manifest = Import-PowerShellDataFile (Join-Path $script:Root 'module' 'BadgeAdmin.psd1')
    $script:Version = $script:Manifest.ModuleVersion
    $script:Package = Join-Path $script:Root 'out' 'packages' "BadgeAdmin.$($script:Version).nupkg"
    $script:Work = Join-Path ([IO.Path]::GetTempPath()) ('badgeadmin-package-' + [guid]::NewGuid().ToString('N'))
    $script:TempHome = Join-Path $script:Work 'home'
    $script:Data = Join-Path $script:TempHome '.local' 'share'
    $null = New-Item -ItemType Directory -Path $script:Data -Force

    # Runs a script in a fresh pwsh whose user data is $script:Data; -TemporaryHome also gives it $script:TempHome as HOME
    # (not for the build: dotnet keeps the machine's NuGet folders). It starts in the repository unless told otherwise.
    function Invoke-IsolatedPwsh {
        param([Parameter(Mandatory)] [string] $Script, [switch] $TemporaryHome, [hashtable] $Environment = @{}, [string] $WorkingDirectory = $script:Root)
        $info = [System.Diagnostics.ProcessStartInfo]::new($script:Pwsh)
        foreach ($argument in '-NoProfile', '-NonInteractive', '-Command', $Script) { $info.ArgumentList.Add($argument) }
        $info.WorkingDirectory = $WorkingDirectory
        $info.RedirectStandardOutput = $true
        $info.RedirectStandardError = $true
        $info.Environment['XDG_DATA_HOME'] = $script:Data
        if ($TemporaryHome) { $info.Environment['HOME'] = $script:TempHome }
        # Not this process's module path (it names the machine's own user module folder): pwsh builds its own.
        $null = $info.Environment.Remove('PSModulePath')
        foreach ($name in $Environment.Keys) { $info.Environment[$name] = $Environment[$name] }
        $process = [System.Diagnostics.Process]::Start($info)
        $stderr = $process.StandardError.ReadToEndAsync()
        $stdout = $process.StandardOutput.ReadToEnd()
        $process.WaitForExit()
        [pscustomobject]@{ ExitCode = $process.ExitCode; Output = $stdout; Errors = $stderr.Result }
    }

    # What git sees in the working tree, untracked files included (out/ and .tools are ignored).
    function Get-WorkingTreeStatus { (git -C $script:Root status --porcelain --untracked-files=all) -join "`n" }

    $script:RepositoriesBefore = (Invoke-IsolatedPwsh '(Get-PSResourceRepository).Name -join ","').Output.Trim()
    $script:StatusBefore = Get-WorkingTreeStatus
    # As for a user whose HOME has no ~/.config: NuGet, under Publish-PSResource, then writes its config relative to the
    # current folder. dotnet keeps its own NuGet folder (~/.nuget), so the build is as usual.
    $script:Build = Invoke-IsolatedPwsh './build.ps1 -Task Package' -Environment @{ XDG_CONFIG_HOME = (Join-Path $script:Work 'no-config') }
    $script:StatusAfter = Get-WorkingTreeStatus
    $script:RepositoriesAfter = (Invoke-IsolatedPwsh '(Get-PSResourceRepository).Name -join ","').Output.Trim()
    $script:Sandbox = Start-TestSandbox
}

AfterAll {
    if ($script:Sandbox) { Stop-TestSandbox $script:Sandbox }
    # The link to out/ first, by itself: removing it must never reach into the build.
    $link = Join-Path $script:Work 'clone' 'out'
    if (Test-Path -LiteralPath $link) { [IO.Directory]::Delete($link) }
    Remove-Item -LiteralPath $script:Work -Recurse -Force -ErrorAction SilentlyContinue
}

Describe 'build.ps1 -Task Package' {
    It 'builds, then publishes BadgeAdmin.<version>.nupkg into the folder repository out/packages' {
        $context = "it printed:`n$($script:Build.Output)`n$($script:Build.Errors)"
        $script:Build.ExitCode | Should -Be 0 -Because $context
        $script:Build.Output | Should -Match 'Build succeeded' -Because 'Package always builds first'
        $script:Build.Output | Should -Match ([regex]::Escape("Package: $($script:Package)"))
        $script:Package | Should -Exist
    }

    It 'leaves the repository list as it was' {
        $script:RepositoriesBefore | Should -Not -BeNullOrEmpty
        $script:RepositoriesAfter | Should -Be $script:RepositoriesBefore
    }

    It 'leaves the working tree as it was, even for a user without a config folder' {
        Join-Path $script:Root 'NuGet' | Should -Not -Exist
        $script:StatusAfter | Should -Be $script:StatusBefore
    }

    It 'holds what the module folder holds, LICENSE included, and nothing of the build' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Package)
        try { $entries = @($zip.Entries.FullName) } finally { $zip.Dispose() }
        $packaging = '^(_rels/|package/|\[Content_Types\]\.xml$|BadgeAdmin\.nuspec$)'
        $content = @($entries | Where-Object { $_ -notmatch $packaging } | ForEach-Object { [uri]::UnescapeDataString($_) } | Sort-Object)

        $folder = Join-Path $script:Root 'out' 'BadgeAdmin'
        $expected = @(Get-ChildItem -LiteralPath $folder -Recurse -File | ForEach-Object { [IO.Path]::GetRelativePath($folder, $_.FullName).Replace('\', '/') } | Sort-Object)
        $content | Should -Be $expected
        $content | Should -Contain 'LICENSE'
        $content | Should -Contain 'BadgeAdmin.psd1'
        $content | Should -Contain 'BadgeAdmin.Format.ps1xml'
        $content | Should -Contain 'en-US/BadgeAdmin.dll-Help.xml'
        $content | Should -Contain 'bin/net8.0/BadgeAdmin.dll'
        $content | Should -Contain 'bin/netstandard2.0/BadgeAdmin.dll'
        $content | Where-Object { $_ -match 'System\.Management\.Automation|PowerShellStandard|\.pdb$|\.deps\.json$' } | Should -BeNullOrEmpty
    }

    It 'describes the module as the Gallery shows it, from the manifest' {
        Add-Type -AssemblyName System.IO.Compression.FileSystem
        $zip = [System.IO.Compression.ZipFile]::OpenRead($script:Package)
        try {
            $reader = [IO.StreamReader]::new($zip.GetEntry('BadgeAdmin.nuspec').Open())
            try { [xml] $nuspec = $reader.ReadToEnd() } finally { $reader.Dispose() }
        }
        finally { $zip.Dispose() }
        $metadata = $nuspec.package.metadata

        $metadata.id | Should -Be 'BadgeAdmin'
        $metadata.version | Should -Be $script:Version
        $metadata.licenseUrl | Should -Be $script:Manifest.PrivateData.PSData.LicenseUri
        $metadata.projectUrl | Should -Be $script:Manifest.PrivateData.PSData.ProjectUri
        $metadata.releaseNotes | Should -BeLike "$($script:Version):*"
        $metadata.description | Should -Be $script:Manifest.Description
        $metadata.tags | Should -Match 'Snag'
    }
}

Describe 'The manifest carries what the Gallery shows' {
    It 'has a LicenseUri to the LICENSE file the repository has, and release notes of this version' {
        $data = $script:Manifest.PrivateData.PSData
        $data.LicenseUri | Should -Be "$($data.ProjectUri)/blob/main/LICENSE"
        Join-Path $script:Root 'LICENSE' | Should -Exist
        Get-Content -Raw (Join-Path $script:Root 'LICENSE') | Should -Match '^MIT License\s+Copyright \(c\) BadgeAdmin contributors'
        $script:Manifest.Copyright | Should -Match 'MIT'
        $data.ReleaseNotes | Should -BeLike "$($script:Version): *"
        $data.Tags | Should -Contain 'PSEdition_Core'
        $script:Manifest.Description | Should -Not -BeNullOrEmpty
        { Test-ModuleManifest -Path (Join-Path $script:Root 'out' 'BadgeAdmin' 'BadgeAdmin.psd1') -ErrorAction Stop } | Should -Not -Throw
    }
}

Describe 'Installing from a folder feed, as README "Install" shows' {
    BeforeAll {
        $script:Feed = Join-Path $script:Root 'out' 'packages'

        # README's "From source" block, as typed, after its first command (./build.ps1 -Task Package, which BeforeAll
        # ran): in a temporary HOME, from a folder like a clone's root (./out is the build), so ./modules is made there.
        Import-Module (Join-Path $PSScriptRoot 'helpers' 'DocumentationExamples.psm1') -Force
        $block = Get-ReadmeExample -Path (Join-Path $script:Root 'README.md') |
            Where-Object { @($_.Code -split '\r?\n') -contains './build.ps1 -Task Package' }
        $commands = @($block.Code -split '\r?\n' | Where-Object { $_.Trim() -and -not $_.TrimStart().StartsWith('#') })
        $script:ReadmeBuildFirst = $commands[0]
        $script:ReadmeWork = Join-Path $script:Work 'clone'
        $null = New-Item -ItemType Directory -Path $script:ReadmeWork
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $script:ReadmeWork 'out') -Target (Join-Path $script:Root 'out')
        $script:Readme = Invoke-IsolatedPwsh -TemporaryHome -WorkingDirectory $script:ReadmeWork @"
`$ErrorActionPreference = 'Stop'
if (`$HOME -ne '$($script:TempHome)') { throw "HOME is `${HOME}: this would install into a real profile." }
$(($commands | Select-Object -Skip 1) -join "`n")
(Get-InstalledPSResource -Name BadgeAdmin).Version.ToString()
"@
        $script:Saved = Join-Path $script:ReadmeWork 'modules'
    }

    It 'runs README''s "From source" steps as typed: Install-PSResource installs it, Save-PSResource saves a copy into ./modules' {
        $script:ReadmeBuildFirst | Should -Be './build.ps1 -Task Package'
        $script:Readme.ExitCode | Should -Be 0 -Because "$($script:Readme.Output)`n$($script:Readme.Errors)"
        @($script:Readme.Output.Trim() -split '\r?\n')[-1] | Should -Be $script:Version
        Join-Path $script:Saved 'BadgeAdmin' $script:Version 'LICENSE' | Should -Exist
    }

    It 'once installed, a new pwsh runs a cmdlet without Import-Module; Uninstall-PSResource removes it' {
        $run = Invoke-IsolatedPwsh -TemporaryHome @"
`$ErrorActionPreference = 'Stop'
if (Get-Module BadgeAdmin) { throw 'imported before use' }
Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri '$($script:Sandbox.BaseUri)'
(Get-LoyaltyWebsite).Name -join ','
(Get-Module BadgeAdmin).ModuleBase
(Get-Help Wait-LoyaltyBadgeDataJob).Synopsis
"@
        $run.ExitCode | Should -Be 0 -Because "$($run.Output)`n$($run.Errors)"
        $lines = @($run.Output.Trim() -split '\r?\n')
        $lines[0] | Should -Be 'Main Website,Beta Website'
        $lines[1] | Should -Be (Join-Path $script:Data 'powershell' 'Modules' 'BadgeAdmin' $script:Version)
        $lines[2] | Should -BeLike 'Waits until the data jobs*'

        $remove = Invoke-IsolatedPwsh -TemporaryHome @"
`$ErrorActionPreference = 'Stop'
Uninstall-PSResource -Name BadgeAdmin
Unregister-PSResourceRepository -Name BadgeAdminLocal
@(Get-Module BadgeAdmin -ListAvailable).Count
(Get-PSResourceRepository).Name -join ','
"@
        $remove.ExitCode | Should -Be 0 -Because "$($remove.Output)`n$($remove.Errors)"
        @($remove.Output.Trim() -split '\r?\n') | Should -Be @('0', $script:RepositoriesBefore)
    }

    It 'the copy Save-PSResource made works once its folder is on PSModulePath' {
        $separator = [IO.Path]::PathSeparator
        $run = Invoke-IsolatedPwsh -TemporaryHome "(Get-Command Wait-LoyaltyBadgeDataJob).Module.ModuleBase; Get-BadgeAdminConnection | Measure-Object | ForEach-Object Count" `
            -Environment @{ PSModulePath = "$($script:Saved)$separator$($env:PSModulePath)" }
        $run.ExitCode | Should -Be 0 -Because "$($run.Output)`n$($run.Errors)"
        @($run.Output.Trim() -split '\r?\n') | Should -Be @((Join-Path $script:Saved 'BadgeAdmin' $script:Version), '0')
    }
}
