#Requires -Version 7.0
# Pester 5 suite: runbooks as schedulers and CI steps start them, in real pwsh processes against a sandbox this suite
# starts. `pwsh -File runbook.ps1` (no -NonInteractive) with standard input an open pipe, /dev/null, or with
# -NonInteractive: a change that needs confirming ends in bounded time with ConfirmationRequired and changes nothing.
# A terminal session (tmux gives pwsh a real terminal) still prompts, and the answer decides. A runbook configured by
# its environment alone reaches both services.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'TestSandbox.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'RunbookProcess.psm1') -Force
    $script:Sandbox = Start-TestSandbox
    $script:ModulePath = Get-BuiltModulePath
    $script:Seed = Invoke-SandboxControl -Sandbox $script:Sandbox -Path 'seed'
    $script:Work = New-Item -ItemType Directory -Path (Join-Path ([System.IO.Path]::GetTempPath()) "badgeadmin-runbooks-$([guid]::NewGuid())")
    $installed = Join-Path (Get-RepoRoot) '.tools' 'pwsh' 'pwsh'
    $script:Pwsh = if (Test-Path $installed) { $installed } else { (Get-Command pwsh -CommandType Application -ErrorAction Stop)[0].Source }
    # Bounded: pwsh's own start on a loaded 2-core machine takes a few seconds; a prompt waiting on input never ends.
    $script:Limit = [TimeSpan]::FromSeconds(60)

    # The runbook: connects from its arguments, tries to delete a badge without -Confirm:$false, and says what happened.
    $script:DeleteRunbook = Join-Path $script:Work 'delete.ps1'
    Set-Content -LiteralPath $script:DeleteRunbook -Value @"
param([string] `$SandboxUri, [string] `$BadgeId)
Import-Module '$($script:ModulePath)'
Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri `$SandboxUri
Get-LoyaltyBadge -Id `$BadgeId | Out-Null
Remove-LoyaltyBadge -Id `$BadgeId
"LAST-ERROR: `$(`$Error[0].FullyQualifiedErrorId)"
"LAST-MESSAGE: `$(`$Error[0].Exception.Message)"
"@

    # Starts pwsh -File $Script with standard input as a scheduler gives it: an open pipe nobody writes to, or
    # /dev/null. Waits up to $script:Limit; returns the exit, the output and how long it took.
    function Invoke-Runbook {
        param(
            [Parameter(Mandatory)] [string] $Script,
            [string[]] $Arguments = @(),
            [ValidateSet('OpenPipe', 'DevNull')] [string] $StandardInput = 'OpenPipe',
            [switch] $NonInteractive,
            [hashtable] $Environment = @{}
        )
        Invoke-RunbookProcess -Pwsh $script:Pwsh -Path $Script -Arguments $Arguments -StandardInput $StandardInput -NonInteractive:$NonInteractive `
            -Environment $Environment -TimeoutSec $script:Limit.TotalSeconds
    }

    # The sandbox back to its seed, and the newest loyalty badge (read straight from the API, not through the module).
    function Reset-SandboxAndGetBadge {
        Reset-TestSandbox -Sandbox $script:Sandbox
        (Invoke-RestMethod ([uri]::new($script:Sandbox.BaseUri, 'api/loyalty/badges?limit=1')) -Headers @{ 'X-API-KEY' = 'sandbox-snag' }).data[0]
    }

    function Get-ApiChange {
        @(Invoke-SandboxControl -Sandbox $script:Sandbox -Path 'requests' | Where-Object { $_.method -ne 'GET' -and $_.path -notlike '/_sandbox*' })
    }
}

AfterAll {
    if ($script:Sandbox) { Stop-TestSandbox $script:Sandbox }
    if ($script:Work) { Remove-Item -LiteralPath $script:Work -Recurse -Force -ErrorAction SilentlyContinue }
}

Describe 'A confirmation nobody can answer' {
    BeforeEach {
        $script:Badge = Reset-SandboxAndGetBadge
    }

    It 'ends with ConfirmationRequired naming -Confirm:$false, in bounded time, when standard input is <Case>' -ForEach @(
        @{ Case = 'an open pipe'; StandardInput = 'OpenPipe'; NonInteractive = $false }
        @{ Case = '/dev/null'; StandardInput = 'DevNull'; NonInteractive = $false }
        @{ Case = 'an open pipe and pwsh is -NonInteractive'; StandardInput = 'OpenPipe'; NonInteractive = $true }
    ) {
        $run = Invoke-Runbook -Script $script:DeleteRunbook -Arguments $script:Sandbox.BaseUri, $script:Badge.id -StandardInput $StandardInput -NonInteractive:$NonInteractive

        $run.Ended | Should -BeTrue -Because "the runbook must not wait at a prompt (output so far: $($run.Output))"
        $run.Output | Should -Match 'LAST-ERROR: ConfirmationRequired,BadgeAdmin\.Cmdlets\.Snag\.RemoveLoyaltyBadgeCommand'
        $message = @($run.Output -split "`r?`n" | Where-Object { $_ -like 'LAST-MESSAGE: *' })[0]
        $message | Should -Match ([regex]::Escape('Add -Confirm:$false'))
        $message | Should -Match ([regex]::Escape("on loyalty badge '$($script:Badge.name)' ($($script:Badge.id))"))
        $message | Should -Match 'Nothing was changed'
        $run.Seconds | Should -BeLessThan $script:Limit.TotalSeconds
        $run.Output | Should -Not -Match 'Object reference not set|UnexpectedError'
        Get-ApiChange | Should -BeNullOrEmpty
    }

    It 'changes nothing when piped badges would each need confirming: the first refusal ends the runbook' {
        $script = Join-Path $script:Work 'bulk.ps1'
        Set-Content -LiteralPath $script -Value @"
Import-Module '$($script:ModulePath)'
Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri '$($script:Sandbox.BaseUri)'
Get-LoyaltyBadge -First 5 | Remove-LoyaltyBadge
"LAST-ERROR: `$(`$Error[0].FullyQualifiedErrorId)"
"@
        $run = Invoke-Runbook -Script $script -StandardInput DevNull

        $run.Ended | Should -BeTrue
        $run.Output | Should -Match 'LAST-ERROR: ConfirmationRequired'
        Get-ApiChange | Should -BeNullOrEmpty
    }
}

Describe 'A terminal session' {
    BeforeAll {
        $script:Tmux = Get-Command tmux -CommandType Application -ErrorAction SilentlyContinue
        # Answers the prompt in a real terminal (tmux) and returns what the screen showed.
        function Invoke-InTerminal {
            param([string] $BadgeId, [string] $Answer)
            $socket = "badgeadmin-$PID-$(Get-Random)"
            $done = Join-Path $script:Work "done-$(Get-Random)"
            $command = "'$($script:Pwsh)' -NoProfile -File '$($script:DeleteRunbook)' '$($script:Sandbox.BaseUri)' '$BadgeId'; touch '$done'; sleep 60"
            & tmux -L $socket new-session -d -s runbook -x 200 -y 50 $command
            try {
                $deadline = [DateTime]::UtcNow + $script:Limit
                do { Start-Sleep -Milliseconds 250; $screen = (& tmux -L $socket capture-pane -p -t runbook) -join "`n" }
                until ($screen -match '\[Y\] Yes' -or [DateTime]::UtcNow -gt $deadline)
                & tmux -L $socket send-keys -t runbook $Answer Enter
                while (-not (Test-Path $done) -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 250 }
                [pscustomobject]@{ Ended = (Test-Path $done); Screen = (& tmux -L $socket capture-pane -p -J -S -100 -t runbook) -join "`n" }
            }
            finally {
                & tmux -L $socket kill-server 2>$null
            }
        }
    }

    BeforeEach {
        $script:Badge = Reset-SandboxAndGetBadge
    }

    It 'still prompts, naming the badge, and <Answer> <Outcome>' -ForEach @(
        @{ Answer = 'n'; Outcome = 'keeps it'; Deletes = $false }
        @{ Answer = 'y'; Outcome = 'deletes it'; Deletes = $true }
    ) {
        $script:Tmux | Should -Not -BeNullOrEmpty -Because 'the terminal test runs pwsh in tmux, which gives it a real terminal'

        $run = Invoke-InTerminal -BadgeId $script:Badge.id -Answer $Answer

        $run.Ended | Should -BeTrue -Because "the screen showed: $($run.Screen)"
        $run.Screen | Should -Match ([regex]::Escape("Performing the operation `"Delete badge`" on target `"loyalty badge '$($script:Badge.name)' ($($script:Badge.id))`""))
        $run.Screen | Should -Not -Match 'ConfirmationRequired'
        @(Get-ApiChange | Where-Object method -EQ 'DELETE').Count | Should -Be ([int]$Deletes)
    }
}

Describe 'A runbook configured by its environment alone' {
    BeforeAll {
        Reset-TestSandbox -Sandbox $script:Sandbox
        $script:EnvironmentRunbook = Join-Path $script:Work 'environment.ps1'
        Set-Content -LiteralPath $script:EnvironmentRunbook -Value @"
param([string] `$OrganizationId, [string] `$WebsiteId)
Import-Module '$($script:ModulePath)'
`$ErrorActionPreference = 'Stop'
Connect-PartnerPage
Connect-Snag -OrganizationId `$OrganizationId -WebsiteId `$WebsiteId
Get-BadgeAdminConnection | ForEach-Object { "CONNECTION `$(`$_.Service) `$(`$_.BaseUri) `$(`$_.ApiKeySource)" }
"ENTRIES `$(@(Get-PartnerEntry).Count)"
`$badge = Get-LoyaltyBadge -First 1
"REVOKED `$(@(Get-LoyaltyBadgeUser -BadgeId `$badge.Id -Status active | Revoke-LoyaltyBadge -Confirm:`$false).Count)"
"@
        $script:Run = Invoke-Runbook -Script $script:EnvironmentRunbook -Arguments $script:Seed.snag.organizationId, $script:Seed.snag.mainWebsiteId -StandardInput DevNull -Environment @{
            PARTNERPAGE_API_KEY  = 'sandbox-partnerpage'
            PARTNERPAGE_BASE_URI = $script:Sandbox.BaseUri.AbsoluteUri
            SNAG_API_KEY         = 'sandbox-snag'
            SNAG_BASE_URI        = $script:Sandbox.BaseUri.AbsoluteUri
        }
    }

    It 'connects both services to the addresses and keys of its environment' {
        $script:Run.Ended | Should -BeTrue
        $script:Run.ExitCode | Should -Be 0 -Because $script:Run.Output
        $script:Run.Output | Should -Match ([regex]::Escape("CONNECTION PartnerPage $($script:Sandbox.BaseUri.AbsoluteUri) `$env:PARTNERPAGE_API_KEY"))
        $script:Run.Output | Should -Match ([regex]::Escape("CONNECTION Snag $($script:Sandbox.BaseUri.AbsoluteUri) `$env:SNAG_API_KEY"))
    }

    It 'reads and changes through them, with -Confirm:$false and no console' {
        $script:Run.Output | Should -Match 'ENTRIES 12'
        $script:Run.Output | Should -Match 'REVOKED [1-9]'
        $requests = @(Invoke-SandboxControl -Sandbox $script:Sandbox -Path 'requests' | Where-Object path -NotLike '/_sandbox*')
        $requests.Count | Should -BeGreaterThan 3
        $requests | ForEach-Object { $_.auth | Should -Be 'valid' }
    }
}
