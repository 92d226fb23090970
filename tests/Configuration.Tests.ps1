#Requires -Version 7.0
# Pester 5 suite: badges as code (Export-, Compare-, Sync-BadgeConfiguration) in a real pwsh against a sandbox this suite
# starts: the Git workflow of the README, what -WhatIf prints, YAML beside another YamlDotNet, tab completion.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'TestSandbox.psm1') -Force
    $script:Sandbox = Start-TestSandbox -ExtraArguments '--snag-badges', '40'
    $script:ModulePath = Get-BuiltModulePath
    Import-Module $script:ModulePath -Force
    $script:Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')

    function Connect-Both {
        $seed = Connect-SandboxSnag $script:Sandbox
        Connect-PartnerPage -ApiKey (ConvertTo-SecureString 'sandbox-partnerpage' -AsPlainText -Force) -BaseUri $script:Sandbox.BaseUri
        $seed
    }

    # Runs a script in a new pwsh with the module imported and connected, and returns what its console showed.
    function Invoke-FreshPwsh {
        param([Parameter(Mandatory)] [string] $Script, [string] $Before = '')
        $prelude = @"
`$ErrorActionPreference = 'Stop'
$Before
Import-Module '$($script:ModulePath)'
`$seed = Invoke-RestMethod '$($script:Sandbox.BaseUri)_sandbox/seed'
Connect-PartnerPage -ApiKey (ConvertTo-SecureString 'sandbox-partnerpage' -AsPlainText -Force) -BaseUri '$($script:Sandbox.BaseUri)'
Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri '$($script:Sandbox.BaseUri)' -OrganizationId `$seed.snag.organizationId -WebsiteId `$seed.snag.mainWebsiteId
Set-Location '$TestDrive'
"@
        $output = & $script:Pwsh -NoProfile -NonInteractive -Command ($prelude + "`n" + $Script) 2>&1
        [pscustomobject]@{ Lines = @($output | ForEach-Object { "$_" }); ExitCode = $LASTEXITCODE }
    }
}

AfterAll {
    Remove-Module BadgeAdmin -ErrorAction SilentlyContinue
    if ($script:Sandbox) { Stop-TestSandbox $script:Sandbox }
}

Describe 'Badges as code' {
    BeforeEach {
        Reset-TestSandbox $script:Sandbox
        $script:Seed = Connect-Both
        Push-Location $TestDrive
    }

    AfterEach {
        Pop-Location
        Remove-Item (Join-Path $TestDrive '*') -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'keeps the program in Git: export, commit, edit, compare in review, sync, and the next compare is empty' {
        git init --quiet --initial-branch main . 2>&1 | Out-Null
        git config user.email 'ci@example.com'; git config user.name 'CI'
        Export-BadgeConfiguration -Path badges.yaml
        git add badges.yaml; git commit --quiet -m 'Badges as they are' 2>&1 | Out-Null

        (Get-Content badges.yaml -Raw) -replace '(?m)^(\s+description: )Awarded for gold achievements \(#30\)\.$', '$1Our top tier' |
            Set-Content badges.yaml -NoNewline
        (git diff --stat) -join "`n" | Should -Match 'badges.yaml \| 2 \+-'
        git commit --quiet -am 'Gold Badge 0030 is our top tier' 2>&1 | Out-Null

        $plan = @(Compare-BadgeConfiguration -Path badges.yaml)
        $plan | Should -HaveCount 1
        $plan[0].Action | Should -Be 'Update'
        $plan[0].Changes.Property | Should -Be 'description'
        $plan[0].Changes.After | Should -Be 'Our top tier'

        Clear-SandboxRequest $script:Sandbox
        Sync-BadgeConfiguration -Path badges.yaml
        $writes = @(Get-SandboxRequest $script:Sandbox | Where-Object method -NE 'GET')
        $writes | Should -HaveCount 1
        $writes[0].path | Should -Be "/api/loyalty/badges/$($plan[0].Id)"
        $writes[0].body | Should -Be '{"description":"Our top tier"}'
        Compare-BadgeConfiguration -Path badges.yaml | Should -BeNullOrEmpty

        Export-BadgeConfiguration -Path badges.yaml -Force
        git status --porcelain | Should -BeNullOrEmpty # the services now export exactly the committed file
    }

    It 'shows the plan with -WhatIf, one line per change, and sends nothing' {
        Export-BadgeConfiguration -Path partners.json -Service PartnerPage
        (Get-Content partners.json -Raw) -replace '"order": 1', '"order": 9' | Set-Content partners.json
        $planned = @(Compare-BadgeConfiguration -Path partners.json)
        Clear-SandboxRequest $script:Sandbox

        $run = Invoke-FreshPwsh "Sync-BadgeConfiguration -Path '$TestDrive/partners.json' -WhatIf"

        $run.ExitCode | Should -Be 0
        $whatIf = @($run.Lines | Where-Object { $_ -like 'What if: *' })
        $whatIf | Should -HaveCount $planned.Count
        $whatIf[0] | Should -BeLike 'What if: Performing the operation "Set order to 9" on target "badge of entry * / *".'
        $run.Lines | Should -Contain "Plan: 0 to create, $($planned.Count) to update, 0 to delete."
        @(Get-SandboxRequest $script:Sandbox | Where-Object method -NE 'GET') | Should -HaveCount 0
    }

    It 'reads and writes YAML after another YamlDotNet was loaded into the session (as powershell-yaml does)' {
        $packages = if ($env:NUGET_PACKAGES) { $env:NUGET_PACKAGES } else { Join-Path $HOME '.nuget' 'packages' }
        $other = Join-Path $packages 'yamldotnet' '13.7.1' 'lib' 'net6.0' 'YamlDotNet.dll'
        $other | Should -Exist -Because 'the engine test project downloads it (PackageDownload)'

        $run = Invoke-FreshPwsh -Before "Add-Type -Path '$other'" -Script @'
Export-BadgeConfiguration -Path badges.yaml -Service Snag
$plan = @(Compare-BadgeConfiguration -Path badges.yaml)
$ours = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'YamlDotNet' } |
    ForEach-Object { '{0}@{1}' -f $_.GetName().Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($_).Name }
$cores = @([System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'BadgeAdmin.Core' }).Count
$theirs = [YamlDotNet.Serialization.Deserializer]::new().Deserialize[object]("a: 1")['a']
"changes=$($plan.Count) yaml=$(($ours | Sort-Object) -join ',') cores=$cores theirs=$theirs"
'@

        $run.ExitCode | Should -Be 0 -Because ($run.Lines -join "`n")
        $run.Lines | Should -Contain 'changes=0 yaml=13.0.0.0@Default,16.0.0.0@BadgeAdmin.Yaml cores=1 theirs=1'
    }

    It 'completes -DirectoryId and -WebsiteId with names' {
        $line = 'Export-BadgeConfiguration -Path x.yaml -DirectoryId '
        $directories = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $directories.ListItemText | Should -Contain ('Sandbox Partner Directory (' + $script:Seed.partnerPage.directoryId + ')')

        $line = 'Export-BadgeConfiguration -Path x.yaml -WebsiteId '
        $websites = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $websites.CompletionText | Should -Contain $script:Seed.snag.mainWebsiteId
    }

    It 'refuses a file with an entry naming a badge its directory does not define, before any request' {
        Set-Content bad.yaml @'
partnerPage:
  directories:
    - name: Sandbox Partner Directory
      badges:
        - name: Gold Partner
          image: https://images.sandbox.invalid/badges/gold-partner.png
      entries:
        - name: Acme Cloud
          badges:
            - badge: Platinum Partner
'@
        Clear-SandboxRequest $script:Sandbox

        { Compare-BadgeConfiguration -Path bad.yaml -ErrorAction Stop } | Should -Throw -ErrorId 'ConfigurationFileInvalid,BadgeAdmin.Cmdlets.Configuration.CompareBadgeConfigurationCommand' -ExpectedMessage "bad.yaml, line 10, partnerPage.directories[[]0].entries[[]0].badges[[]0].badge: 'Platinum Partner' is not a badge of directory 'Sandbox Partner Directory'*"
        Get-SandboxRequest $script:Sandbox | Should -BeNullOrEmpty
    }
}
