#Requires -Version 7.0
# Pester 5 suite: Sync-LoyaltyBadgeHolder of the built module in a real pwsh, against a sandbox this suite starts:
# lists from files as people have them, and runbooks (pwsh -File) that nobody can answer.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'TestSandbox.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'RunbookProcess.psm1') -Force
    $script:Sandbox = Start-TestSandbox
    $script:ModulePath = Get-BuiltModulePath
    Import-Module $script:ModulePath -Force
    $script:Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')

    function Get-Post { @(Get-SandboxRequest $script:Sandbox | Where-Object method -EQ 'POST') }

    # A badge with no holders in the seed, made to hold the given wallets through the sandbox's control route.
    function New-HeldBadge {
        param([string[]] $Wallet)
        $badge = Get-LoyaltyBadge -Skip 200 -First 1
        if ($Wallet) { $null = Invoke-SandboxControl -Sandbox $script:Sandbox -Path 'holders' -Method POST -Body @{ badgeId = $badge.Id; walletAddresses = $Wallet } }
        Clear-SandboxRequest $script:Sandbox
        $badge
    }

    # Runs a script as a runbook does, in a new pwsh: no console, standard input from /dev/null or an open pipe that
    # never sends anything. Returns its output and whether it ended within the time given.
    function Invoke-Runbook {
        param([string] $Script, [ValidateSet('DevNull', 'OpenPipe')] [string] $StandardInput, [int] $TimeoutSec = 90)
        $file = Join-Path $TestDrive "runbook-$([guid]::NewGuid().ToString('N')).ps1"
        Set-Content -Path $file -Value $Script
        Invoke-RunbookProcess -Pwsh $script:Pwsh -Path $file -StandardInput $StandardInput -TimeoutSec $TimeoutSec
    }
}

AfterAll {
    Remove-Module BadgeAdmin -ErrorAction SilentlyContinue
    if ($script:Sandbox) { Stop-TestSandbox $script:Sandbox }
}

Describe 'Sync-LoyaltyBadgeHolder' {
    BeforeEach {
        Reset-TestSandbox $script:Sandbox
        $script:Seed = Connect-SandboxSnag -Sandbox $script:Sandbox
        Clear-SandboxRequest $script:Sandbox
    }

    It 'Import-Csv allowlist.csv (a Wallet column, checksummed addresses) grants only the wallets that lack the badge' {
        $held = '0x5aaeb6053f3e94c9b9a09f33669435e7ef1beaed'
        $badge = New-HeldBadge -Wallet $held
        $csv = Join-Path $TestDrive 'allowlist.csv'
        Set-Content $csv 'Name,Wallet', 'Vitalik,0x5aAeb6053F3E94C9b9A09f33669435E7Ef1BeAed', 'Satoshi,0x00000000000000000000000000000000000000a7'

        $summary = Import-Csv $csv | Sync-LoyaltyBadgeHolder -BadgeId $badge.Id

        $summary.Granted | Should -Be 1
        $summary.AlreadyHeld | Should -Be 1
        $summary.BadgeName | Should -Be $badge.Name # read earlier in this session: no request for the name
        $requests = Get-SandboxRequest $script:Sandbox
        $requests.method | Should -Be @('GET', 'POST')
        $requests[1].body | Should -Be '{"walletAddress":"0x00000000000000000000000000000000000000a7"}'
        $table = $summary | Format-Table | Out-String -Width 80
        $table | Should -Match ('Badge: ' + [regex]::Escape("$($badge.Name) ($($badge.Id))"))
        $table | Should -Match '(?m)^ +1 +0 +1 +0 +0 +0 +0 *$'
    }

    It 'a text file of wallets with -Prune -Confirm:$false leaves exactly those wallets holding the badge' {
        $badge = New-HeldBadge -Wallet '0x00000000000000000000000000000000000000b1', '0x00000000000000000000000000000000000000b2'
        $file = Join-Path $TestDrive 'wallets.txt'
        Set-Content $file '0x00000000000000000000000000000000000000B2', '0x00000000000000000000000000000000000000b3'

        $summary = Get-Content $file | Sync-LoyaltyBadgeHolder -BadgeId $badge.Id -Prune -Confirm:$false

        ($summary.Granted, $summary.Revoked, $summary.AlreadyHeld) | Should -Be @(1, 1, 1)
        (Get-LoyaltyBadgeUser -BadgeId $badge.Id -Status active).WalletAddress | Sort-Object |
            Should -Be @('0x00000000000000000000000000000000000000b2', '0x00000000000000000000000000000000000000b3')
    }

    It 'a runbook with input from <_> ends with ConfirmationRequired in bounded time and sends no change' -ForEach 'DevNull', 'OpenPipe' {
        $badge = New-HeldBadge -Wallet '0x00000000000000000000000000000000000000c1'
        $script = @"
Import-Module '$($script:ModulePath)'
Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri '$($script:Sandbox.BaseUri)'
try { '0x00000000000000000000000000000000000000c2' | Sync-LoyaltyBadgeHolder -BadgeId '$($badge.Id)' -Prune }
catch { 'ended: ' + `$_.FullyQualifiedErrorId }
"@
        $run = Invoke-Runbook -Script $script -StandardInput $_

        $run.Ended | Should -BeTrue -Because 'a runbook must never wait for an answer'
        $run.Output | Should -Match 'ended: ConfirmationRequired,'
        Get-Post | Should -BeNullOrEmpty
    }

    It 'the same runbook with -Confirm:$false converges' {
        $badge = New-HeldBadge -Wallet '0x00000000000000000000000000000000000000c1'
        $script = @"
Import-Module '$($script:ModulePath)'
Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri '$($script:Sandbox.BaseUri)'
`$r = '0x00000000000000000000000000000000000000c2' | Sync-LoyaltyBadgeHolder -BadgeId '$($badge.Id)' -Prune -Confirm:`$false
"granted `$(`$r.Granted) revoked `$(`$r.Revoked)"
"@
        $run = Invoke-Runbook -Script $script -StandardInput DevNull

        $run.Output | Should -Match 'granted 1 revoked 1'
        (Get-Post).path | Sort-Object | Should -Be @("/api/loyalty/badges/$($badge.Id)/revoke", "/api/loyalty/badges/$($badge.Id)/reward")
    }

    It 'a rerun after grants failed (503 on every second one) sends only those' {
        $badge = New-HeldBadge
        $wallets = 1..12 | ForEach-Object { '0x{0:x40}' -f (0xd00 + $_) }
        Add-SandboxFault $script:Sandbox @{ method = 'POST'; path = "/api/loyalty/badges/$($badge.Id)/reward"; status = 503; every = 2; count = 6 }

        $first = $wallets | Sync-LoyaltyBadgeHolder -BadgeId $badge.Id -ErrorVariable failed -ErrorAction SilentlyContinue
        $first.Failed | Should -Be 6
        $failed | ForEach-Object { $_.FullyQualifiedErrorId.Split(',')[0] } | Sort-Object -Unique | Should -Be 'ServiceError'
        Clear-SandboxRequest $script:Sandbox

        $second = $wallets | Sync-LoyaltyBadgeHolder -BadgeId $badge.Id

        ($second.Granted, $second.AlreadyHeld, $second.Failed) | Should -Be @(6, 6, 0)
        (Get-Post).body | ForEach-Object { ($_ | ConvertFrom-Json).walletAddress } | Sort-Object | Should -Be ($failed.TargetObject | Sort-Object)
    }
}
