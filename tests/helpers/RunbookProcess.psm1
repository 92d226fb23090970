# Starts a script as schedulers and CI steps start runbooks, for the Pester suites: `pwsh -File` in a new process with
# no console, standard input /dev/null or an open pipe that nobody writes to.

Set-StrictMode -Version Latest

function Invoke-RunbookProcess {
    # Starts $Pwsh -File $Path with standard input as a scheduler gives it: /dev/null (opened by the shell, as
    # `pwsh -File x.ps1 < /dev/null` does) or an open pipe never written to (a prompt would wait for ever). Waits up to
    # $TimeoutSec, then kills it; returns whether it ended in time, how long it took, its exit code and its output.
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] [string] $Pwsh,
        [Parameter(Mandatory)] [string] $Path,
        [string[]] $Arguments = @(),
        [ValidateSet('OpenPipe', 'DevNull')] [string] $StandardInput = 'DevNull',
        [switch] $NonInteractive,
        [hashtable] $Environment = @{},
        [int] $TimeoutSec = 90
    )
    $pwshArguments = @('-NoProfile') + @(if ($NonInteractive) { '-NonInteractive' }) + @('-File', $Path) + $Arguments
    if ($StandardInput -eq 'DevNull') {
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new('/bin/sh')
        foreach ($a in @('-c', 'exec "$0" "$@" </dev/null', $Pwsh) + $pwshArguments) { $startInfo.ArgumentList.Add($a) }
    }
    else {
        $startInfo = [System.Diagnostics.ProcessStartInfo]::new($Pwsh)
        foreach ($a in $pwshArguments) { $startInfo.ArgumentList.Add($a) }
        $startInfo.RedirectStandardInput = $true # kept open, never written to
    }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    foreach ($name in $Environment.Keys) { $startInfo.Environment[$name] = $Environment[$name] }
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $process = [System.Diagnostics.Process]::Start($startInfo)
    try {
        $stdout = $process.StandardOutput.ReadToEndAsync()
        $stderr = $process.StandardError.ReadToEndAsync()
        $ended = $process.WaitForExit($TimeoutSec * 1000)
        if (-not $ended) { $process.Kill($true) }
        $process.WaitForExit()
        [pscustomobject]@{
            Ended    = $ended
            Seconds  = $clock.Elapsed.TotalSeconds
            ExitCode = $process.ExitCode
            Output   = $stdout.Result + $stderr.Result
        }
    }
    finally {
        $process.Dispose()
    }
}

Export-ModuleMember -Function Invoke-RunbookProcess
