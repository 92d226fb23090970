#Requires -Version 7.4
<#
.SYNOPSIS
    Bulk grants against a rate-limited server, as users run them, side by side in one pwsh: Import-Csv wallets.csv |
    Grant-LoyaltyBadge -ThrottleLimit 32 against Invoke-RestMethod in ForEach-Object -Parallel -ThrottleLimit 32
    (plain, and with -MaximumRetryCount), against a sandbox answering 429 past -RateLimit requests a second.
    Targets (issue 19): -Count grants at 250/s with 20 ms latency at >= 90 % of the limit, <= 2 % of the requests
    answered 429, no error, every wallet granted once; -SmallCount grants at 100/s in <= 1.2x the ideal time with
    <= 5 % 429s. Prints one table.
.EXAMPLE
    pwsh benchmarks/Measure-RateLimit.ps1
.EXAMPLE
    pwsh benchmarks/Measure-RateLimit.ps1 -Count 5000 -SkipInvokeRestMethod   # a quicker look at the module alone
#>
[CmdletBinding()]
param(
    [ValidateRange(100, 200000)] [int] $Count = 20000,
    [ValidateRange(1, 100000)] [int] $RateLimit = 250,
    [ValidateRange(100, 100000)] [int] $SmallCount = 1500,
    [ValidateRange(1, 100000)] [int] $SmallRateLimit = 100,
    [ValidateRange(0, 1000)] [int] $LatencyMs = 20,
    [ValidateRange(1, 64)] [int] $ThrottleLimit = 32,
    # What the sandbox's 429s say about waiting: none (as Snag documents), seconds (Retry-After) or retry-after-ms.
    [ValidateSet('none', 'seconds', 'retry-after-ms')] [string] $RetryAfter = 'none',
    [switch] $SkipInvokeRestMethod
)
$ErrorActionPreference = 'Stop'
$ProgressPreference = 'SilentlyContinue'
$root = Join-Path $PSScriptRoot '..'
Import-Module (Join-Path $root 'tests' 'helpers' 'TestSandbox.psm1') -Force
Import-Module (Join-Path $root 'out' 'BadgeAdmin' 'BadgeAdmin.psd1') -Force
$sandbox = Start-TestSandbox -ExtraArguments '--latency-ms', $LatencyMs, '--rate-limit-retry-after', $RetryAfter, '--request-log-size', 1000000
$csvFiles = @{}
try {
    $base = $sandbox.BaseUri
    $headers = @{ 'X-API-KEY' = 'sandbox-snag' }
    # One WalletAddress column, as users' CSVs have it; distinct made-up addresses (the sandbox makes a user of each).
    foreach ($rows in $Count, $SmallCount) {
        $csvFiles[$rows] = Join-Path ([System.IO.Path]::GetTempPath()) "badgeadmin-wallets-$rows-$([guid]::NewGuid()).csv"
        1..$rows | ForEach-Object { [pscustomobject]@{ WalletAddress = '0x{0:x40}' -f $_ } } | Export-Csv $csvFiles[$rows] -NoTypeInformation
    }

    # Runs one way of granting a badge to every row of a CSV, on a fresh connection (nothing learned before), and
    # reads from the sandbox what it was sent: requests, 429s, and each wallet's successful grants.
    function Invoke-Way([string] $Way, [int] $Rows, [int] $Limit, [scriptblock] $Run) {
        Reset-TestSandbox $sandbox
        $null = Invoke-SandboxControl -Sandbox $sandbox -Path 'settings' -Method POST -Body @{ rateLimitPerSecond = $Limit }
        $null = Connect-SandboxSnag -Sandbox $sandbox
        $badge = (Get-LoyaltyBadge -First 1).Id
        Clear-SandboxRequest $sandbox
        Start-Sleep -Seconds 1 # the limit's bucket full again after those lookups
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $failed = & $Run $badge $csvFiles[$Rows]
        $seconds = $clock.Elapsed.TotalSeconds
        $summary = Invoke-SandboxControl -Sandbox $sandbox -Path 'requests/summary'
        $grants = @(Get-SandboxRequest $sandbox | Where-Object { $_.method -eq 'POST' -and $_.status -eq 200 } |
            ForEach-Object { ($_.body | ConvertFrom-Json).walletAddress })
        $distinct = @($grants | Sort-Object -Unique).Count
        $sent = [int]$summary.logged
        $limited = [int]$summary.rateLimited
        $result = [pscustomobject][ordered]@{
            Work           = "$Rows grants at $Limit/s"
            Way            = $Way
            Seconds        = [math]::Round($seconds, 1)
            'x ideal'      = [math]::Round($seconds * $Limit / $Rows, 2)
            'Grants/s'     = [math]::Round($distinct / $seconds, 1)
            '% of limit'   = [math]::Round(100 * $distinct / $seconds / $Limit, 1)
            Requests       = $sent
            '429s'         = $limited
            '% 429'        = [math]::Round(100 * $limited / [math]::Max(1, $sent), 2)
            Failed         = [int]$failed
            'Granted once' = if ($grants.Count -eq $Rows -and $distinct -eq $Rows) { 'yes' } else { "no: $distinct of $Rows wallets, $($grants.Count) grants" }
        }
        Write-Host "$($result.Work), $($result.Way): $($result.Seconds) s, $($result.'Grants/s')/s, $($result.'429s') x 429, $($result.Failed) failed"
        $result
    }

    $module = {
        param($badge, $csv)
        Import-Csv $csv | Grant-LoyaltyBadge -BadgeId $badge -ThrottleLimit $ThrottleLimit -ErrorVariable failures -ErrorAction SilentlyContinue | Out-Null
        $failures.Count
    }
    function Get-IrmWay([int] $Retries) {
        {
            param($badge, $csv)
            $uri = "$($base)api/loyalty/badges/$badge/reward"
            $retries = $Retries
            $outcomes = Import-Csv $csv | ForEach-Object -ThrottleLimit $ThrottleLimit -Parallel {
                $body = @{ walletAddress = $_.WalletAddress } | ConvertTo-Json
                $retry = if ($using:retries -gt 0) { @{ MaximumRetryCount = $using:retries; RetryIntervalSec = 1 } } else { @{} }
                try {
                    $null = Invoke-RestMethod -Method Post -Uri $using:uri -Headers $using:headers -ContentType 'application/json' -Body $body @retry
                    $true
                }
                catch { $false }
            }
            @($outcomes | Where-Object { -not $_ }).Count
        }.GetNewClosure()
    }

    $results = foreach ($case in @(@{ Rows = $Count; Limit = $RateLimit }, @{ Rows = $SmallCount; Limit = $SmallRateLimit })) {
        Invoke-Way "Grant-LoyaltyBadge -ThrottleLimit $ThrottleLimit" $case.Rows $case.Limit $module
        if (-not $SkipInvokeRestMethod) {
            Invoke-Way "IRM, ForEach-Object -Parallel -ThrottleLimit $ThrottleLimit" $case.Rows $case.Limit (Get-IrmWay 0)
            Invoke-Way "the same, IRM -MaximumRetryCount 5 -RetryIntervalSec 1" $case.Rows $case.Limit (Get-IrmWay 5)
        }
    }
    $results | Format-Table -AutoSize -Property Work, Way, Seconds, 'x ideal', 'Grants/s', '% of limit', Requests, '429s', '% 429', Failed, 'Granted once' |
        Out-String -Width 250
    "Targets: $Count grants at $RateLimit/s: >= 90 % of the limit, <= 2 % 429s, 0 failed, each wallet granted once; " +
    "$SmallCount grants at $SmallRateLimit/s: <= 1.2x ideal ($($SmallCount / $SmallRateLimit) s), <= 5 % 429s."
    "Conditions: $([Environment]::ProcessorCount) cores, load average $(if (Test-Path /proc/loadavg) { (Get-Content /proc/loadavg).Split(' ')[0..2] -join ' ' } else { 'n/a' }), " +
    "pwsh $($PSVersionTable.PSVersion), sandbox latency $LatencyMs ms, its 429s say: $RetryAfter."
}
finally {
    Stop-TestSandbox $sandbox
    $csvFiles.Values | Remove-Item -ErrorAction SilentlyContinue
}
