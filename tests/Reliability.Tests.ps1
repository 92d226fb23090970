#Requires -Version 7.0
# Pester 5 suite: Ctrl+C, secrets and retry warnings of the built module in a real pwsh, against sandboxes it starts.

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'TestSandbox.psm1') -Force
    $script:ModulePath = Get-BuiltModulePath
    Import-Module $script:ModulePath -Force
    $script:Sandbox = Start-TestSandbox
    $script:PartnerPageCanary = 'canary-pp-pester-4a7e91c2d8'
    $script:SnagCanary = 'canary-snag-pester-b3f0d6e215'
    $script:CanarySandbox = Start-TestSandbox -ExtraArguments '--partnerpage-key', $script:PartnerPageCanary, '--snag-key', $script:SnagCanary
    $script:EntriesPath = '/api/directory/private/v1alpha/entries/partners/*'

    # Starts a pipeline in its own runspace, waits until its first request reached the sandbox, stops it the way
    # Ctrl+C does (PowerShell.Stop calls StopProcessing), and returns how long the stop took.
    function Measure-Stop {
        param([Parameter(Mandatory)] [string] $Script)
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript($Script).AddArgument($script:ModulePath).AddArgument($script:Sandbox.BaseUri)
            $null = $ps.BeginInvoke()
            $deadline = [DateTime]::UtcNow.AddSeconds(60)
            while (@(Get-SandboxRequest $script:Sandbox).Count -eq 0 -and [DateTime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            Start-Sleep -Milliseconds 300
            $clock = [System.Diagnostics.Stopwatch]::StartNew()
            $ps.Stop()
            $clock.Stop()
            [pscustomobject]@{ Elapsed = $clock.Elapsed; State = $ps.InvocationStateInfo.State }
        }
        finally {
            $ps.Dispose()
        }
    }
}

AfterAll {
    Remove-Module BadgeAdmin -ErrorAction SilentlyContinue
    if ($script:Sandbox) { Stop-TestSandbox $script:Sandbox }
    if ($script:CanarySandbox) { Stop-TestSandbox $script:CanarySandbox }
}

Describe 'Ctrl+C' {
    BeforeEach { Reset-TestSandbox $script:Sandbox }

    It 'stopping the pipeline ends <Case> within a second' -ForEach @(
        @{ Case = 'a stalled request'; Fault = @{ path = '/api/directory/private/v1alpha/entries/partners/*'; stall = $true }; Service = 'PartnerPage'; Command = 'Get-PartnerEntry' }
        @{ Case = 'a retry wait'; Fault = @{ path = '/api/directory/private/v1alpha/entries/partners/*'; status = 503; retryAfter = '30' }; Service = 'PartnerPage'; Command = 'Get-PartnerEntry' }
        @{ Case = 'a Snag listing waiting out a rate limit'; Fault = @{ path = '/api/loyalty/badges'; status = 429; retryAfter = '30' }; Service = 'Snag'; Command = 'Get-LoyaltyBadge' }
    ) {
        Add-SandboxFault $script:Sandbox $Fault
        $key = if ($Service -eq 'Snag') { 'sandbox-snag' } else { 'sandbox-partnerpage' }

        $stop = Measure-Stop -Script @"
param(`$ModulePath, `$BaseUri)
Import-Module `$ModulePath
Connect-$Service -ApiKey (ConvertTo-SecureString '$key' -AsPlainText -Force) -BaseUri `$BaseUri
$Command
"@

        $stop.State | Should -Be 'Stopped'
        $stop.Elapsed.TotalSeconds | Should -BeLessThan 1
        @(Get-SandboxRequest $script:Sandbox) | Should -HaveCount 1
    }
}

Describe 'Retries' {
    BeforeEach {
        Reset-TestSandbox $script:Sandbox
        Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri $script:Sandbox.BaseUri
    }

    It 'each retry is a warning saying why and how long it really waits' {
        Add-SandboxFault $script:Sandbox @{ path = '/api/websites'; status = 503; retryAfterMs = '100'; count = 2 }

        $sites = @(Get-LoyaltyWebsite -WarningVariable warnings -WarningAction SilentlyContinue)

        $sites | Should -HaveCount 2
        $warnings | Should -HaveCount 2
        # The server asks for 0.1 s; every retry waits at least a floor that doubles (0.5 s, 1 s, less up to 25 %).
        "$($warnings[0])" | Should -Match '^GET /api/websites\?limit=1000 answered 503 Service Unavailable; retrying in 0\.[45] s \(retry 1 of 4\)\.$'
        "$($warnings[1])" | Should -Match 'retrying in (0\.[89]|1) s \(retry 2 of 4\)\.$'
    }

    It 'a timeout is a clear error, never a hang' {
        Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri $script:Sandbox.BaseUri -TimeoutSec 1 -MaxRetries 0
        Add-SandboxFault $script:Sandbox @{ path = '/api/websites'; stall = $true }

        Get-LoyaltyWebsite -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -Be 'RequestTimedOut,BadgeAdmin.Cmdlets.Snag.GetLoyaltyWebsiteCommand'
        $failures[0].CategoryInfo.Category | Should -Be 'OperationTimeout'
        $failures[0].Exception.Message | Should -Match 'timed out after 1 s'
    }

    It 'a bad response is a clear error with the status and an excerpt' {
        Add-SandboxFault $script:Sandbox @{ path = '/api/websites'; status = 200; body = '<html><body>Maintenance</body></html>'; contentType = 'text/html' }

        Get-LoyaltyWebsite -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -BeLike 'InvalidResponse,*'
        $failures[0].Exception.Message | Should -Match 'answered 200 with content type .text/html.'
        $failures[0].Exception.Message | Should -Match 'Maintenance'
    }

    It 'http:// to a remote host is refused' {
        { Connect-Snag -ApiKey (ConvertTo-SecureString 'k' -AsPlainText -Force) -BaseUri 'http://loyalty.example.com/' } |
            Should -Throw -ErrorId 'InvalidBaseUri,BadgeAdmin.Cmdlets.Snag.ConnectSnagCommand'
    }
}

Describe 'Secrets' {
    It 'a canary key run through every cmdlet and fault path appears in no stream, object, error or log' {
        $base = $script:CanarySandbox.BaseUri
        $seed = Invoke-SandboxControl -Sandbox $script:CanarySandbox -Path 'seed'
        $wallet = '0x00000000000000000000000000000000000000c9'
        $saved = $env:SNAG_API_KEY
        $env:SNAG_API_KEY = $script:SnagCanary
        try {
            $captured = & {
                $pp = Connect-PartnerPage -ApiKey (ConvertTo-SecureString $script:PartnerPageCanary -AsPlainText -Force) -BaseUri $base -PassThru -MaxRetries 1 -Verbose
                $pp
                $pp | Format-List * -Force
                $entry = (Get-PartnerEntry -Verbose -Debug)[0]
                $badges = @(Get-PartnerBadge -EntryId $entry.Id -Verbose -Debug)
                $badges | Format-List * -Force
                $badges[0] | Set-PartnerBadge -Order 2 -PassThru -Verbose -Debug
                $badges[0] | Remove-PartnerBadge -Confirm:$false -PassThru -Verbose -Debug
                New-PartnerBadge -EntryId $entry.Id -BadgeId $badges[0].Id -Order 0 -Verbose -Debug

                $snag = Connect-Snag -BaseUri $base -OrganizationId $seed.snag.organizationId -WebsiteId $seed.snag.mainWebsiteId -PassThru -MaxRetries 1 -TimeoutSec 1 -Verbose
                $snag | Format-List * -Force
                Get-LoyaltyWebsite -Verbose -Debug
                $badge = New-LoyaltyBadge -Name 'Canary' -ImageUrl 'https://cdn.example/c.png' -Condition @{ type = 'points'; amount = 5 } -Verbose -Debug
                $badge | Format-List * -Force
                $badge | Set-LoyaltyBadge -Description 'x' -PassThru -Verbose -Debug
                Grant-LoyaltyBadge -BadgeId $badge.Id -WalletAddress $wallet -Verbose -Debug
                Get-LoyaltyBadgeUser -BadgeId $badge.Id -Verbose -Debug | Revoke-LoyaltyBadge -Confirm:$false -Verbose -Debug
                Get-LoyaltyBadge -Id $badge.Id -Verbose -Debug | Remove-LoyaltyBadge -Confirm:$false -PassThru -Verbose -Debug

                # Fault paths, with servers that echo the key back.
                Add-SandboxFault $script:CanarySandbox @{ path = '/api/directory/*'; status = 500; count = 2; body = "{`"detail`":`"echo $($script:PartnerPageCanary)`"}" }
                Get-PartnerEntry -Id $entry.Id -Verbose -Debug -ErrorAction SilentlyContinue
                Add-SandboxFault $script:CanarySandbox @{ path = '/api/websites'; status = 200; contentType = 'text/html'; body = "<html>$($script:SnagCanary)</html>" }
                Get-LoyaltyWebsite -Verbose -Debug -ErrorAction SilentlyContinue
                Add-SandboxFault $script:CanarySandbox @{ path = '/api/websites'; abort = $true; count = 2 }
                Get-LoyaltyWebsite -Verbose -Debug -ErrorAction SilentlyContinue
                Add-SandboxFault $script:CanarySandbox @{ path = '/api/websites'; stall = $true; count = 2 }
                Get-LoyaltyWebsite -Verbose -Debug -ErrorAction SilentlyContinue
                Add-SandboxFault $script:CanarySandbox @{ path = '/api/websites'; status = 429; retryAfter = '0' }
                Get-LoyaltyWebsite -Verbose -Debug -WarningAction Continue
                Connect-PartnerPage -ApiKey (ConvertTo-SecureString $script:SnagCanary -AsPlainText -Force) -BaseUri $base
                Get-PartnerEntry -Verbose -Debug -ErrorAction SilentlyContinue
                Disconnect-PartnerPage -Verbose
                Disconnect-Snag -Verbose
            } *>&1 | Out-String -Width 500
        }
        finally {
            $env:SNAG_API_KEY = $saved
        }
        $errorsText = $Error | ForEach-Object { $_ | Format-List * -Force | Out-String -Width 500; $_.Exception.ToString() }
        $log = (Invoke-WebRequest -Uri ([uri]::new($base, '_sandbox/requests')) -UseBasicParsing).Content

        $captured | Should -Match 'Authorization: \*\*\*'
        $captured | Should -Match 'X-API-KEY: \*\*\*'
        $captured | Should -Match 'retrying in'
        ($errorsText -join "`n") | Should -Match 'echo \*\*\*'
        foreach ($canary in $script:PartnerPageCanary, $script:SnagCanary) {
            $captured | Should -Not -Match $canary
            ($errorsText -join "`n") | Should -Not -Match $canary
            $log | Should -Not -Match $canary
        }
    }
}
