# Starts, drives and stops the BadgeAdmin sandbox for the Pester suites. The sandbox is the real local server
# (out/Sandbox/BadgeAdmin.Sandbox.dll, built by `dotnet build`); each suite starts its own on a free loopback port.

Set-StrictMode -Version Latest

$script:RepoRoot = (Resolve-Path (Join-Path $PSScriptRoot '..' '..')).Path

function Get-RepoRoot { $script:RepoRoot }

function Get-BuiltModulePath { Join-Path $script:RepoRoot 'out' 'BadgeAdmin' 'BadgeAdmin.psd1' }

function Start-TestSandbox {
    [CmdletBinding()]
    param([string[]] $ExtraArguments = @())

    $dll = Join-Path $script:RepoRoot 'out' 'Sandbox' 'BadgeAdmin.Sandbox.dll'
    if (-not (Test-Path $dll)) { throw "The sandbox is not built ($dll). Run 'dotnet build BadgeAdmin.sln' first." }

    $addressFile = Join-Path ([System.IO.Path]::GetTempPath()) ("badgeadmin-sandbox-{0}.txt" -f [guid]::NewGuid())
    $startInfo = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    foreach ($argument in @($dll, '--urls', 'http://127.0.0.1:0', '--address-file', $addressFile) + $ExtraArguments) {
        $startInfo.ArgumentList.Add($argument)
    }
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)

    $deadline = [DateTime]::UtcNow.AddSeconds(60)
    while (-not (Test-Path $addressFile) -or -not (Get-Content $addressFile -Raw)) {
        if ($process.HasExited) { throw "The sandbox exited with code $($process.ExitCode): $($process.StandardError.ReadToEnd())" }
        if ([DateTime]::UtcNow -gt $deadline) { $process.Kill(); throw 'The sandbox did not start within 60 seconds.' }
        Start-Sleep -Milliseconds 100
    }

    [pscustomobject]@{
        Process     = $process
        BaseUri     = [uri](Get-Content $addressFile -Raw).Trim()
        AddressFile = $addressFile
    }
}

function Stop-TestSandbox {
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Sandbox)

    if (-not $Sandbox.Process.HasExited) {
        $Sandbox.Process.Kill()
        $null = $Sandbox.Process.WaitForExit(10000)
    }
    Remove-Item $Sandbox.AddressFile -ErrorAction SilentlyContinue
}

function Invoke-SandboxControl {
    [CmdletBinding()]
    param(
        [Parameter(Mandatory)] $Sandbox,
        [Parameter(Mandatory)] [string] $Path,
        [string] $Method = 'GET',
        $Body
    )

    $parameters = @{ Uri = [uri]::new($Sandbox.BaseUri, "_sandbox/$Path"); Method = $Method; UseBasicParsing = $true }
    if ($PSBoundParameters.ContainsKey('Body')) {
        $parameters.Body = $Body | ConvertTo-Json -Depth 5 -Compress
        $parameters.ContentType = 'application/json'
    }
    $content = (Invoke-WebRequest @parameters).Content
    # ConvertFrom-Json enumerates a JSON array, so an empty log yields nothing and @() gives an empty array.
    if ($content) { @($content | ConvertFrom-Json) }
}

function Reset-TestSandbox {
    param([Parameter(Mandatory)] $Sandbox)
    $null = Invoke-SandboxControl -Sandbox $Sandbox -Path 'reset' -Method POST
}

function Clear-SandboxRequest {
    param([Parameter(Mandatory)] $Sandbox)
    $null = Invoke-SandboxControl -Sandbox $Sandbox -Path 'requests' -Method DELETE
}

function Get-SandboxRequest {
    param([Parameter(Mandatory)] $Sandbox)
    @(Invoke-SandboxControl -Sandbox $Sandbox -Path 'requests')
}

function Add-SandboxFault {
    param([Parameter(Mandatory)] $Sandbox, [Parameter(Mandatory)] [hashtable] $Rule)
    $null = Invoke-SandboxControl -Sandbox $Sandbox -Path 'faults' -Method POST -Body $Rule
}

function Connect-SandboxSnag {
    # Connects the runspace's Snag connection to the sandbox's main website, as the benchmarks do; returns the seed.
    [CmdletBinding()]
    param([Parameter(Mandatory)] $Sandbox)
    $seed = Invoke-SandboxControl -Sandbox $Sandbox -Path 'seed'
    Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri $Sandbox.BaseUri `
        -OrganizationId $seed.snag.organizationId -WebsiteId $seed.snag.mainWebsiteId
    $seed
}

Export-ModuleMember -Function Get-RepoRoot, Get-BuiltModulePath, Start-TestSandbox, Stop-TestSandbox, Invoke-SandboxControl,
    Reset-TestSandbox, Clear-SandboxRequest, Get-SandboxRequest, Add-SandboxFault, Connect-SandboxSnag
