#Requires -Version 7.0
# Pester 5 suite: the Snag cmdlets of the built module (out/BadgeAdmin) in a real pwsh, against a sandbox this suite starts.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'TestSandbox.psm1') -Force
    $script:Sandbox = Start-TestSandbox
    $script:ModulePath = Get-BuiltModulePath
    Import-Module $script:ModulePath -Force

    $script:Key = ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force
    $script:CmdletNamespace = 'BadgeAdmin.Cmdlets.Snag'

    # Connects to the sandbox (with its organization and main website as defaults when asked) and returns that website.
    function Connect-Sandbox {
        param([switch] $WithWebsite)
        $seed = Invoke-SandboxControl -Sandbox $script:Sandbox -Path 'seed'
        if ($WithWebsite) {
            Connect-Snag -ApiKey $script:Key -BaseUri $script:Sandbox.BaseUri -OrganizationId $seed.snag.organizationId -WebsiteId $seed.snag.mainWebsiteId
        }
        else {
            Connect-Snag -ApiKey $script:Key -BaseUri $script:Sandbox.BaseUri
        }
        Get-LoyaltyWebsite -Name 'Main Website'
    }
}

AfterAll {
    Remove-Module BadgeAdmin -ErrorAction SilentlyContinue
    if ($script:Sandbox) { Stop-TestSandbox $script:Sandbox }
}

Describe 'Snag cmdlets against the sandbox' {
    BeforeEach {
        Reset-TestSandbox $script:Sandbox
        $script:Website = Connect-Sandbox
        Clear-SandboxRequest $script:Sandbox
    }

    It 'exports the Snag cmdlets' {
        $names = (Get-Command -Module BadgeAdmin -Noun Loyalty*, Snag).Name | Sort-Object
        $names | Should -Be @('Connect-Snag', 'Disconnect-Snag', 'Get-LoyaltyBadge', 'Get-LoyaltyBadgeUser', 'Get-LoyaltyWebsite',
            'Grant-LoyaltyBadge', 'New-LoyaltyBadge', 'Remove-LoyaltyBadge', 'Revoke-LoyaltyBadge', 'Set-LoyaltyBadge', 'Sync-LoyaltyBadgeHolder', 'Wait-LoyaltyBadgeDataJob')
    }

    It 'Get-LoyaltyWebsite finds the website to scope by' {
        $script:Website.Name | Should -Be 'Main Website'
        $script:Website.PSObject.TypeNames[0] | Should -Be 'BadgeAdmin.Core.Snag.Models.LoyaltyWebsite'
    }

    It 'lists every badge of a website across cursor pages' {
        $badges = @(Get-LoyaltyBadge -WebsiteId $script:Website.Id)

        $badges | Should -HaveCount 2500
        ($badges.Id | Sort-Object -Unique) | Should -HaveCount 2500
        $requests = Get-SandboxRequest $script:Sandbox
        $requests | Should -HaveCount 3
        $requests[1].query | Should -Match ('startingAfter=' + $badges[999].Id)
    }

    It 'Get-LoyaltyBadge -WebsiteId $w | Select-Object -First 3 requests no further page' {
        $first = @(Get-LoyaltyBadge -WebsiteId $script:Website.Id | Select-Object -First 3)

        $first | Should -HaveCount 3
        Get-SandboxRequest $script:Sandbox | Should -HaveCount 1
    }

    It 'Get-LoyaltyBadge -WebsiteId $w | Where-Object Name -like Gold* | Set-LoyaltyBadge -Description Top tier -PassThru' {
        $updated = @(Get-LoyaltyBadge -WebsiteId $script:Website.Id | Where-Object Name -like 'Gold*' | Set-LoyaltyBadge -Description 'Top tier' -PassThru)

        $updated | Should -HaveCount 250
        $updated.Description | Sort-Object -Unique | Should -Be 'Top tier'
        $posts = @(Get-SandboxRequest $script:Sandbox | Where-Object method -EQ 'POST')
        $posts | Should -HaveCount 250
        $posts.body | Sort-Object -Unique | Should -Be '{"description":"Top tier"}'
    }

    It 'Import-Csv wallets.csv | Grant-LoyaltyBadge -BadgeId $b awards each wallet' {
        $badge = Get-LoyaltyBadge -WebsiteId $script:Website.Id | Select-Object -Skip 100 -First 1
        $csv = Join-Path $TestDrive 'wallets.csv'
        @(
            [pscustomobject]@{ WalletAddress = '0x00000000000000000000000000000000000000a1' }
            [pscustomobject]@{ WalletAddress = '0x00000000000000000000000000000000000000a2' }
        ) | Export-Csv -Path $csv -NoTypeInformation
        Clear-SandboxRequest $script:Sandbox

        $results = @(Import-Csv $csv | Grant-LoyaltyBadge -BadgeId $badge.Id)

        $results | Should -HaveCount 2
        $results.Status | Sort-Object -Unique | Should -Be 'active'
        $results.WalletAddress | Should -Be @('0x00000000000000000000000000000000000000a1', '0x00000000000000000000000000000000000000a2')
        (Get-SandboxRequest $script:Sandbox).path | Sort-Object -Unique | Should -Be "/api/loyalty/badges/$($badge.Id)/reward"
    }

    It 'a CSV with a UserId column too sends the user id, and an empty cell falls back to the wallet' {
        $holder = Get-LoyaltyBadge -WebsiteId $script:Website.Id | Select-Object -First 1 | Get-LoyaltyBadgeUser | Select-Object -First 1
        $badge = Get-LoyaltyBadge -WebsiteId $script:Website.Id | Select-Object -Skip 200 -First 1
        $csv = Join-Path $TestDrive 'users.csv'
        @(
            [pscustomobject]@{ UserId = $holder.UserId; WalletAddress = $holder.WalletAddress }
            [pscustomobject]@{ UserId = ''; WalletAddress = '0x00000000000000000000000000000000000000b1' }
        ) | Export-Csv -Path $csv -NoTypeInformation
        Clear-SandboxRequest $script:Sandbox

        $results = @(Import-Csv $csv | Grant-LoyaltyBadge -BadgeId $badge.Id -ErrorVariable failures)

        $failures | Should -HaveCount 0
        $results | Should -HaveCount 2
        $bodies = (Get-SandboxRequest $script:Sandbox).body
        # Sent concurrently (-ThrottleLimit 4 by default): in any order.
        $bodies | Should -Contain ('{"userId":"' + $holder.UserId + '"}')
        $bodies | Should -Contain '{"walletAddress":"0x00000000000000000000000000000000000000b1"}'
    }

    It 'Get-LoyaltyBadgeUser -BadgeId $b -Status active | Revoke-LoyaltyBadge -Confirm:$false revokes every active holder' {
        $badge = Get-LoyaltyBadge -WebsiteId $script:Website.Id | Select-Object -First 1
        $active = @(Get-LoyaltyBadgeUser -BadgeId $badge.Id -Status active)
        $active.Count | Should -BeGreaterThan 0

        $results = @(Get-LoyaltyBadgeUser -BadgeId $badge.Id -Status active | Revoke-LoyaltyBadge -Confirm:$false)

        $results | Should -HaveCount $active.Count
        $results.Status | Sort-Object -Unique | Should -Be 'revoked'
        @(Get-LoyaltyBadgeUser -BadgeId $badge.Id -Status active) | Should -HaveCount 0
    }

    It 'Get-LoyaltyBadge -Id $b | Remove-LoyaltyBadge -WhatIf sends nothing' {
        $badge = Get-LoyaltyBadge -WebsiteId $script:Website.Id | Select-Object -First 1
        Clear-SandboxRequest $script:Sandbox

        Get-LoyaltyBadge -Id $badge.Id | Remove-LoyaltyBadge -WhatIf

        @(Get-SandboxRequest $script:Sandbox | Where-Object method -NE 'GET') | Should -HaveCount 0
    }

    It 'Remove-LoyaltyBadge deletes; the badge is listed again only with -IncludeDeleted' {
        $badge = Get-LoyaltyBadge -WebsiteId $script:Website.Id | Select-Object -First 1

        $badge | Remove-LoyaltyBadge -Confirm:$false
        $gone = Get-LoyaltyBadge -Id $badge.Id -ErrorAction SilentlyContinue -ErrorVariable failures

        $gone | Should -BeNullOrEmpty
        $failures[0].FullyQualifiedErrorId | Should -Be "LoyaltyBadgeNotFound,$script:CmdletNamespace.GetLoyaltyBadgeCommand"
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be $badge.Id
        (Get-LoyaltyBadge -Id $badge.Id -IncludeDeleted).DeletedAt | Should -Not -BeNullOrEmpty
    }

    It 'New-LoyaltyBadge takes conditions and rewards as hashtables' {
        Connect-Sandbox -WithWebsite | Out-Null

        $badge = New-LoyaltyBadge -Name 'Gold Member' -ImageUrl 'https://cdn.example/gold.png' `
            -Condition @{ type = 'points'; amount = 1000 } -Reward @{ rewardType = 'multiplier'; multiplier = 1.5 } -HideInUi

        $badge.Name | Should -Be 'Gold Member'
        $badge.Conditions[0].Type | Should -Be 'points'
        $badge.Rewards[0].Multiplier | Should -Be 1.5
        $badge.HideInUi | Should -BeTrue
        (Get-LoyaltyBadge | Select-Object -First 1).Id | Should -Be $badge.Id
    }

    It 'an unknown condition type is refused before any request, listing the allowed values' {
        Connect-Sandbox -WithWebsite | Out-Null
        Clear-SandboxRequest $script:Sandbox

        New-LoyaltyBadge -Name 'X' -ImageUrl 'https://cdn.example/x.png' -Condition @{ type = 'ruel' } -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -Be "InvalidLoyaltyBadge,$script:CmdletNamespace.NewLoyaltyBadgeCommand"
        $failures[0].Exception.Message | Should -Match 'use one of rule, rules, points'
        Get-SandboxRequest $script:Sandbox | Should -HaveCount 0
    }

    It 'a misspelt condition field fails in parameter binding, naming it' {
        $caught = $null
        try { New-LoyaltyBadge -Name 'X' -ImageUrl 'https://cdn.example/x.png' -Condition @{ typ = 'rule' } -ErrorAction Stop } catch { $caught = $_ }

        $caught.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
        $caught.Exception.Message | Should -Match 'typ'
    }

    It 'an image URL that is not http(s) fails in parameter binding' {
        $caught = $null
        try { Set-LoyaltyBadge -Id ([guid]::NewGuid()) -ImageUrl 'not-a-url' -ErrorAction Stop } catch { $caught = $_ }

        $caught.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
        $caught.Exception.Message | Should -Match 'ImageUrl'
        Get-SandboxRequest $script:Sandbox | Should -HaveCount 0
    }

    It '-UserId and -WalletAddress together are refused' {
        { Grant-LoyaltyBadge -BadgeId ([guid]::NewGuid()) -UserId ([guid]::NewGuid()) -WalletAddress '0xab' } |
            Should -Throw -ErrorId "UserIdAndWalletAddress,$script:CmdletNamespace.GrantLoyaltyBadgeCommand"
    }

    It 'an unknown -Status fails in parameter binding' {
        $caught = $null
        try { Get-LoyaltyBadgeUser -BadgeId ([guid]::NewGuid()) -Status 'expired' -ErrorAction Stop } catch { $caught = $_ }
        $caught.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
    }

    It 'reads the key and base URI from the environment' {
        $saved = $env:SNAG_API_KEY, $env:SNAG_BASE_URI
        try {
            $env:SNAG_API_KEY = 'sandbox-snag'
            $env:SNAG_BASE_URI = "$($script:Sandbox.BaseUri)"
            $connection = Connect-Snag -PassThru
            $connection.ApiKeySource | Should -Be '$env:SNAG_API_KEY'
            (Get-LoyaltyWebsite).Count | Should -Be 2
        }
        finally { $env:SNAG_API_KEY, $env:SNAG_BASE_URI = $saved }
    }

    It 'sends piped changes concurrently with -ThrottleLimit and keeps the output in input order' {
        $badges = @(Get-LoyaltyBadge -WebsiteId $script:Website.Id -First 40)
        Clear-SandboxRequest $script:Sandbox

        $updated = @($badges | Set-LoyaltyBadge -Description 'bulk' -ThrottleLimit 8 -PassThru)

        $updated.Id | Should -Be $badges.Id
        @(Get-SandboxRequest $script:Sandbox | Where-Object method -EQ 'POST') | Should -HaveCount 40
    }

    It '-WhatIf with -ThrottleLimit still sends nothing' {
        $badges = @(Get-LoyaltyBadge -WebsiteId $script:Website.Id -First 10)
        Clear-SandboxRequest $script:Sandbox

        $badges | Set-LoyaltyBadge -Description 'never' -ThrottleLimit 8 -WhatIf

        Get-SandboxRequest $script:Sandbox | Should -HaveCount 0
    }

    It 'formats badges and badge users as tables' {
        $badge = Get-LoyaltyBadge -WebsiteId $script:Website.Id | Select-Object -First 1
        ($badge | Format-Table | Out-String -Width 120) | Should -Match 'Name\s+Id\s+Holders\s+DataJobStatus\s+Hidden\s+Conditions\s+Rewards'
        (Get-LoyaltyBadgeUser -BadgeId $badge.Id | Format-Table | Out-String -Width 120) | Should -Match "Badge: $([regex]::Escape($badge.Name)) \($($badge.Id)\)\s+User\s+Status\s+CompletedAt\s+UserId"
    }

    It 'a runbook waiting for a CSV badge that is still processing ends at its -TimeoutSec with LoyaltyDataJobTimedOut, stdin closed' {
        $null = Invoke-SandboxControl -Sandbox $script:Sandbox -Path 'settings' -Method POST -Body @{ snagDataJobMs = 600000 }
        $runbook = Join-Path $TestDrive 'wait-runbook.ps1'
        Set-Content -Path $runbook -Value @'
param($ModulePath, $BaseUri, $OrgId, $WebsiteId)
Import-Module $ModulePath
$env:SNAG_API_KEY = 'sandbox-snag'
Connect-Snag -BaseUri $BaseUri -OrganizationId $OrgId -WebsiteId $WebsiteId
$badge = New-LoyaltyBadge -Name 'Runbook CSV' -ImageUrl https://cdn.example.com/r.png -CsvFile https://files.example.com/r.csv
$badge | Wait-LoyaltyBadgeDataJob -TimeoutSec 3 -ErrorAction SilentlyContinue -ErrorVariable failed
"ended: $($failed.FullyQualifiedErrorId)"
'@
        $seed = Invoke-SandboxControl -Sandbox $script:Sandbox -Path 'seed'
        $pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
        $clock = [Diagnostics.Stopwatch]::StartNew()

        $printed = '' | & $pwsh -NoProfile -NonInteractive -File $runbook $script:ModulePath $script:Sandbox.BaseUri $seed.snag.organizationId $seed.snag.mainWebsiteId 2>&1

        $LASTEXITCODE | Should -Be 0
        ($printed -join "`n") | Should -Match 'ended: LoyaltyDataJobTimedOut,BadgeAdmin\.Cmdlets\.DataJobs\.WaitLoyaltyBadgeDataJobCommand'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 60 -Because 'the wait ends at -TimeoutSec (3 s) plus a pwsh start, never hangs'
    }
}
