#Requires -Version 7.0
# Pester 5 suite: badges as code (Export-, Compare-, Sync-BadgeConfiguration) in a real pwsh against a sandbox this suite
# starts: the Git workflow of the README, what -WhatIf prints, YAML beside another YamlDotNet, tab completion.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'TestSandbox.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'RunbookProcess.psm1') -Force
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

    # Runs a script as a runbook does (pwsh -File, no console): standard input from /dev/null, or an open pipe that
    # never sends anything (with -NonInteractive or without). Returns its output and whether it ended in time.
    function Invoke-Runbook {
        param([string] $Script, [ValidateSet('DevNull', 'OpenPipe', 'OpenPipeNonInteractive')] [string] $Stdin = 'DevNull', [int] $TimeoutSec = 90)
        $prelude = @"
Import-Module '$($script:ModulePath)'
Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri '$($script:Sandbox.BaseUri)' -OrganizationId '$($script:Seed.snag.organizationId)' -WebsiteId '$($script:Seed.snag.mainWebsiteId)'
Set-Location '$TestDrive'
"@
        $file = Join-Path $TestDrive "runbook-$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content -Path $file -Value ($prelude + "`n" + $Script)
        Invoke-RunbookProcess -Pwsh $script:Pwsh -Path $file -StandardInput ($Stdin -eq 'DevNull' ? 'DevNull' : 'OpenPipe') `
            -NonInteractive:($Stdin -eq 'OpenPipeNonInteractive') -Environment @{ NO_COLOR = '1' } -TimeoutSec $TimeoutSec
    }

    function Get-Write { @(Get-SandboxRequest $script:Sandbox | Where-Object method -NE 'GET') }

    # A second loyalty badge of the name of one the export wrote, and the file's id of that one taken out: the file's
    # badge now fits two on the server.
    function New-AmbiguousFile {
        param([string] $Path)
        Export-BadgeConfiguration -Path $Path -Service Snag
        $badge = Get-LoyaltyBadge -First 1
        $null = New-LoyaltyBadge -Name $badge.Name -ImageUrl https://images.example.com/twin.png -Condition @{ type = 'api' }
        (Get-Content $Path -Raw) -replace "id: $($badge.Id)\n\s+", '' | Set-Content $Path -NoNewline
        $badge
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
        (Get-Content badges.yaml -TotalCount 2) | Should -Be '# yaml-language-server: $schema=./BadgeConfiguration.schema.json', '$schema: ./BadgeConfiguration.schema.json'
        (Get-FileHash BadgeConfiguration.schema.json).Hash | Should -Be (Get-FileHash (Join-Path (Split-Path $script:ModulePath) 'BadgeConfiguration.schema.json')).Hash -Because 'the file names the copy of the schema beside it'
        git add badges.yaml BadgeConfiguration.schema.json; git commit --quiet -m 'Badges as they are' 2>&1 | Out-Null

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
        $whatIf[0] | Should -BeLike "What if: Performing the operation ""Set order to 9"" on target ""badge '*' (*-*) of partner entry '*' (*-*), file line *""."
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
        $directories.ListItemText | Should -Contain ($script:Seed.partnerPage.directoryId + ' Sandbox Partner Directory')

        $line = 'Export-BadgeConfiguration -Path x.yaml -WebsiteId '
        $websites = (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches
        $websites.CompletionText | Should -Contain $script:Seed.snag.mainWebsiteId
    }

    It 'a runbook whose sync would delete ends with ConfirmationRequired naming -Confirm:$false, in bounded time, changing nothing (<_>)' -ForEach 'DevNull', 'OpenPipe', 'OpenPipeNonInteractive' {
        Export-BadgeConfiguration -Path loyalty.yaml -Service Snag
        $null = New-LoyaltyBadge -Name 'Not in the file' -ImageUrl https://images.example.com/x.png -Condition @{ type = 'api' }
        Set-LoyaltyBadge -Id (Get-LoyaltyBadge -First 1).Id -Description 'drift'
        Clear-SandboxRequest $script:Sandbox

        $run = Invoke-Runbook -Stdin $_ -Script @'
try { Sync-BadgeConfiguration -Path loyalty.yaml -Prune; 'not stopped' }
catch { 'ended: ' + $_.FullyQualifiedErrorId; $_.Exception.Message }
'@

        $run.Ended | Should -BeTrue -Because 'a runbook must never wait for an answer'
        $run.Output | Should -Match 'ended: ConfirmationRequired,BadgeAdmin\.Cmdlets\.Configuration\.SyncBadgeConfigurationCommand'
        $run.Output | Should -Match ([regex]::Escape("loyalty badge 'Not in the file' (")) -Because 'the message names the badge'
        $run.Output | Should -Match ([regex]::Escape('-Confirm:$false'))
        Get-Write | Should -BeNullOrEmpty -Because 'every question comes before anything is sent: the update was not sent either'
    }

    It 'does not say "No changes" when an item could not be planned, and the review check of the README fails' {
        $badge = New-AmbiguousFile -Path badges.yaml

        $plan = @(Compare-BadgeConfiguration -Path badges.yaml -ErrorVariable problems -ErrorAction SilentlyContinue -InformationVariable notes)

        $plan | Should -HaveCount 0
        $problems | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Should -Be 'NameAmbiguous'
        "$problems" | Should -BeLike "The loyalty badge '$($badge.Name)' of website 'Main Website' (file line *) matches 2 on the server: *$($badge.Id)*"
        "$notes" | Should -Be 'Plan: 0 to create, 0 to update, 0 to delete; 1 could not be planned (see the errors).'
        $review = Invoke-FreshPwsh -Before "`$ErrorActionPreference = 'Continue'" -Script @'
# The README's check in review, as written there.
$plan = @(Compare-BadgeConfiguration -Path badges.yaml -ErrorVariable problems)
if ($plan.Count -or $problems.Count) { Write-Host "The services differ from the file ($($plan.Count) change(s), $($problems.Count) problem(s))."; exit 1 }
'@
        $review.ExitCode | Should -Be 1 -Because ($review.Lines -join "`n")

        Sync-BadgeConfiguration -Path badges.yaml -ErrorAction SilentlyContinue -InformationVariable synced
        ($synced | Select-Object -Last 1).ToString() | Should -Be 'No change applied; 1 could not be planned (see the errors).'
        $badge | Should -Not -BeNullOrEmpty
    }

    It 'export to a folder that does not exist fails before any request, naming -Path' {
        Clear-SandboxRequest $script:Sandbox

        { Export-BadgeConfiguration -Path (Join-Path 'no-such-folder' 'badges.yaml') -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigurationFolderNotFound,BadgeAdmin.Cmdlets.Configuration.ExportBadgeConfigurationCommand' -ExpectedMessage "-Path 'no-such-folder*badges.yaml': the folder * does not exist*"
        Get-SandboxRequest $script:Sandbox | Should -BeNullOrEmpty
        Test-Path no-such-folder | Should -BeFalse
    }

    It 'refuses two badges of one name in one scope even with ids, naming both lines' {
        Export-BadgeConfiguration -Path loyalty.yaml -Service Snag
        $first, $second = Get-LoyaltyBadge -First 2
        (Get-Content loyalty.yaml -Raw) -creplace "name: $([regex]::Escape($second.Name))\n", "name: $($first.Name)`n" | Set-Content loyalty.yaml -NoNewline
        $lines = Select-String -Path loyalty.yaml -SimpleMatch "id: $($first.Id)", "id: $($second.Id)" | ForEach-Object LineNumber | Sort-Object # where each item begins
        Clear-SandboxRequest $script:Sandbox

        { Compare-BadgeConfiguration -Path loyalty.yaml -ErrorAction Stop } |
            Should -Throw -ErrorId 'ConfigurationFileInvalid,*' -ExpectedMessage "loyalty.yaml, line $($lines[1]), snag.websites[[]0].badges[[]*].name: two badges named '$($first.Name)' in one scope, on lines $($lines[0]) and $($lines[1]);*"
        Get-SandboxRequest $script:Sandbox | Should -BeNullOrEmpty

        # A server may hold two badges of one name: the export says at once that the file will be refused.
        $null = New-LoyaltyBadge -Name $first.Name -ImageUrl https://images.example.com/twin.png -Condition @{ type = 'api' }
        Export-BadgeConfiguration -Path twins.yaml -Service Snag -WarningVariable warned 3>$null
        "$warned" | Should -BeLike "twins.yaml was written as the services hold it, but Compare- and Sync-BadgeConfiguration will refuse it*two badges named '$($first.Name)' in one scope*"
    }

    It 'shows each problem of a file on a line of its own in a runbook, and goes on with the next file piped in' {
        Set-Content bad1.yaml "snag:`n  websites:`n    - name: W`n      extra: 1`n      badges:`n        - name: B`n          imageUrl: 5`n          conditions: [{type: nope}]`n"
        Set-Content bad2.json '{ "snag": { "websites": [ }'
        Export-BadgeConfiguration -Path good.yaml -Service Snag

        $run = Invoke-Runbook -Script @'
Get-ChildItem bad1.yaml, bad2.json, good.yaml | Compare-BadgeConfiguration -ErrorVariable failed -ErrorAction SilentlyContinue
$failed | ForEach-Object { 'error: ' + $_.FullyQualifiedErrorId.Split(',')[0] + ' ' + $_.TargetObject }
Compare-BadgeConfiguration -Path bad1.yaml
'@

        $run.Ended | Should -BeTrue
        $lines = $run.Output -split '\r?\n'
        $lines | Should -Contain "error: ConfigurationFileInvalid $(Join-Path $TestDrive 'bad1.yaml')" -Because $run.Output
        $lines | Should -Contain "error: ConfigurationFileInvalid $(Join-Path $TestDrive 'bad2.json')"
        $lines | Should -Contain "No changes: the services match $(Join-Path $TestDrive 'good.yaml')."
        $lines | Should -Contain "  bad1.yaml, line 4, snag.websites[0].extra: unknown property 'extra' (allowed here: id, name, badges)"
        $lines | Should -Contain '  bad1.yaml, line 7, snag.websites[0].badges[0].imageUrl: expected a string, found a number'
        ($lines | Where-Object { $_ -like '*bad1.yaml, line 8, *' }) | Should -BeLike '  bad1.yaml, line 8, snag.websites[[]0].badges[[]0].conditions[[]0].type: *'
    }

    It 'takes several files as piped paths, as an array and as a wildcard; a bad one or a wildcard matching none is one error each' {
        Export-BadgeConfiguration -Path good1.yaml -Service Snag
        Export-BadgeConfiguration -Path good2.json -Service Snag
        Set-Content bad.yaml "snag:`n  websites:`n    - naem: W`n"

        $null = 'good1.yaml', 'bad.yaml', 'good2.json' | Compare-BadgeConfiguration -ErrorVariable piped -ErrorAction SilentlyContinue -InformationVariable pipedNotes
        $null = Compare-BadgeConfiguration -Path good1.yaml, good2.json -InformationVariable arrayNotes
        $null = Compare-BadgeConfiguration -Path good*.*, none*.yaml -ErrorVariable wildcard -ErrorAction SilentlyContinue -InformationVariable wildcardNotes

        @($pipedNotes).ForEach({ "$_" }) | Should -Be 'No changes: the services match good1.yaml.', 'No changes: the services match good2.json.'
        $piped.FullyQualifiedErrorId | Should -BeLike 'ConfigurationFileInvalid,*'
        @($arrayNotes).ForEach({ "$_" }) | Should -Be 'No changes: the services match good1.yaml.', 'No changes: the services match good2.json.'
        @($wildcardNotes).ForEach({ "$_" }) | Should -Be "No changes: the services match $(Join-Path $TestDrive 'good1.yaml').", "No changes: the services match $(Join-Path $TestDrive 'good2.json')."
        $wildcard.FullyQualifiedErrorId | Should -BeLike 'ConfigurationFileNotFound,*'
        "$wildcard" | Should -Be "-Path 'none*.yaml' matches no file."
    }

    It 'a sync error names the badge and its line in the file, and the closing line counts it as failed' {
        Export-BadgeConfiguration -Path loyalty.yaml -Service Snag
        $badge = Get-LoyaltyBadge -First 1
        (Get-Content loyalty.yaml -Raw) -creplace "(name: $([regex]::Escape($badge.Name))\n\s+description: )[^\n]*", '$1Changed here' | Set-Content loyalty.yaml -NoNewline
        $line = (Select-String -Path loyalty.yaml -SimpleMatch "- id: $($badge.Id)").LineNumber
        Add-SandboxFault $script:Sandbox @{ method = 'POST'; path = "/api/loyalty/badges/$($badge.Id)"; status = 400; count = 1; body = '{"message":"description: refused"}' }

        Sync-BadgeConfiguration -Path loyalty.yaml -ErrorVariable failed -ErrorAction SilentlyContinue -InformationVariable notes

        $failed | Should -HaveCount 1
        "$failed" | Should -BeLike "*loyalty badge '$($badge.Name)' ($($badge.Id)) of website 'Main Website', file line $line*"
        ($notes | Select-Object -Last 1).ToString() | Should -Be 'Applied 0 of 1 change(s); 1 failed (see the errors; run it again to retry).'
    }

    It 'notes in the plan that the holders of a loyalty badge it deletes lose it' {
        Export-BadgeConfiguration -Path loyalty.yaml -Service Snag
        $extra = New-LoyaltyBadge -Name 'Held, not in the file' -ImageUrl https://images.example.com/x.png -Condition @{ type = 'api' }
        $null = Invoke-SandboxControl -Sandbox $script:Sandbox -Path 'holders' -Method POST -Body @{ badgeId = $extra.Id; walletAddresses = '0x00000000000000000000000000000000000000e1', '0x00000000000000000000000000000000000000e2' }

        $delete = Compare-BadgeConfiguration -Path loyalty.yaml -Prune

        $delete.Action | Should -Be 'Delete'
        $delete.Note | Should -Be '2 user(s) hold it; deleting it takes it from them.'
        ($delete | Out-String -Width 80) | Should -Match '# 2 user\(s\) hold it; deleting it takes it from them\.'
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
