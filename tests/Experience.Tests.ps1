#Requires -Version 7.0
# Pester 5 suite: help, formats, completion, paging, connections and dependency isolation of the built module in a
# real pwsh, against a sandbox it starts.

BeforeDiscovery {
    $script:HasSecretManagement = [bool](Get-Module -ListAvailable Microsoft.PowerShell.SecretManagement)
    # Test cases are made at discovery, before BeforeAll imports the module: read the names from the built manifest.
    $manifest = Join-Path $PSScriptRoot '..' 'out' 'BadgeAdmin' 'BadgeAdmin.psd1'
    $script:CmdletCases = @((Import-PowerShellDataFile $manifest).CmdletsToExport | ForEach-Object { @{ Name = $_ } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'TestSandbox.psm1') -Force
    $script:Sandbox = Start-TestSandbox
    $script:ModulePath = Get-BuiltModulePath
    Import-Module $script:ModulePath -Force
    $script:Seed = Invoke-SandboxControl -Sandbox $script:Sandbox -Path 'seed'
    Connect-PartnerPage -ApiKey (ConvertTo-SecureString 'sandbox-partnerpage' -AsPlainText -Force) -BaseUri $script:Sandbox.BaseUri
    Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri $script:Sandbox.BaseUri `
        -OrganizationId $script:Seed.snag.organizationId -WebsiteId $script:Seed.snag.mainWebsiteId
}

AfterAll {
    Remove-Module BadgeAdmin -ErrorAction SilentlyContinue
    if ($script:Sandbox) { Stop-TestSandbox $script:Sandbox }
}

Describe 'Help' {
    It 'Get-Help <Name> -Full has a synopsis, a description, every parameter and two examples' -ForEach $script:CmdletCases {
        $help = Get-Help $Name -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        $help.Synopsis | Should -Not -BeLike "$Name *[<]CommonParameters[>]*"
        $help.description.Text | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
        (@($help.examples.example).code -join "`n") | Should -Match '\|'
        $common = @([System.Management.Automation.Cmdlet]::CommonParameters) + @([System.Management.Automation.Cmdlet]::OptionalCommonParameters)
        $own = (Get-Command $Name).Parameters.Keys | Where-Object { $_ -notin $common }
        foreach ($parameter in $own) {
            $entry = @($help.parameters.parameter) | Where-Object name -EQ $parameter
            $entry | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs help"
            ($entry.description.Text -join ' ') | Should -Not -BeNullOrEmpty -Because "-$parameter of $Name needs a description"
        }
    }

    It 'shows pipeline input and required for a parameter' {
        $badgeId = (Get-Help Grant-LoyaltyBadge -Parameter BadgeId)
        $badgeId.required | Should -Be 'true'
        $badgeId.pipelineInput | Should -Be 'True (ByPropertyName, ByValue)'
    }

    It 'has the about_BadgeAdmin topic where an installed module keeps it' {
        # Get-Help looks for about topics in the modules under PSModulePath, which is where users install BadgeAdmin.
        $saved = $env:PSModulePath
        try {
            $env:PSModulePath = (Split-Path (Split-Path $script:ModulePath)) + [System.IO.Path]::PathSeparator + $env:PSModulePath
            $about = Get-Help about_BadgeAdmin | Out-String
            $about | Should -Match 'CONNECTING'
            $about | Should -Match 'RETRIES AND TIMEOUTS'
        }
        finally {
            $env:PSModulePath = $saved
        }
    }
}

Describe 'Formats and paging' {
    It 'a badge table fits 120 columns and shows the chosen columns' {
        $table = Get-LoyaltyBadge -First 3 | Format-Table | Out-String -Width 120
        $table | Should -Match 'Name\s+Id\s+Holders\s+DataJobStatus\s+Hidden\s+Conditions\s+Rewards'
        ($table -split "`n" | Measure-Object -Property Length -Maximum).Maximum | Should -BeLessOrEqual 120
    }

    It 'a badge in Format-List shows its conditions and holders, and keeps all its data' {
        $badge = Get-LoyaltyBadge -First 1
        $list = $badge | Format-List | Out-String
        $list | Should -Match 'Conditions\s*:'
        $list | Should -Match 'UserBadges\s*:'
        $badge.Conditions[0].PSObject.TypeNames[0] | Should -Be 'BadgeAdmin.Core.Snag.Models.LoyaltyCondition'
        ($badge | Format-List * | Out-String) | Should -Match 'UserBadges'
    }

    It 'Get-BadgeAdminConnection shows both connections, never a key' {
        $connections = @(Get-BadgeAdminConnection)
        $connections.Service | Should -Be @('PartnerPage', 'Snag')
        $text = $connections | Format-Table | Out-String -Width 120
        $text | Should -Match 'Service\s+BaseUri\s+Directory/Organization\s+Website'
        $text | Should -Match ([regex]::Escape(($connections | Where-Object Service -eq 'Snag').WebsiteId.ToString()))
        $text | Should -Not -Match 'sandbox-snag|sandbox-partnerpage'
    }

    It '-First asks the API for no more than it needs; -Skip skips' {
        Clear-SandboxRequest $script:Sandbox
        $first = @(Get-LoyaltyBadge -First 3)
        $skipped = @(Get-LoyaltyBadge -Skip 1 -First 2)

        $first | Should -HaveCount 3
        $skipped.Id | Should -Be $first[1..2].Id
        (Get-SandboxRequest $script:Sandbox)[0].query | Should -Match 'limit=3'
    }

    It '-IncludeTotalCount reports the PartnerPage total' {
        $output = @(Get-PartnerEntry -First 1 -IncludeTotalCount)
        $output | Should -HaveCount 2
        "$($output[-1])" | Should -Match '12'
    }
}

Describe 'Tab completion' {
    It 'completes entry ids by name' {
        $line = 'Get-PartnerBadge -EntryId acme'
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        $match = @($result.CompletionMatches) | Select-Object -First 1
        $match.CompletionText | Should -Be $script:Seed.partnerPage.entryIds[0]
        $match.ListItemText | Should -Match 'Acme Cloud'
    }

    It 'completes website ids for Connect-Snag -WebsiteId' {
        $line = 'Connect-Snag -WebsiteId Main'
        $result = TabExpansion2 -inputScript $line -cursorColumn $line.Length
        @($result.CompletionMatches).CompletionText | Should -Contain $script:Seed.snag.mainWebsiteId
    }
}

Describe 'Connections and loading' {
    It 'a key from SecretManagement is refused clearly when the module is missing' -Skip:$script:HasSecretManagement {
        { Connect-Snag -SecretName SnagKey -BaseUri $script:Sandbox.BaseUri } |
            Should -Throw -ErrorId 'SecretManagementMissing,BadgeAdmin.Cmdlets.Snag.ConnectSnagCommand'
    }

    It 'sends the BadgeAdmin and PowerShell versions as its User-Agent' {
        Clear-SandboxRequest $script:Sandbox
        $null = Get-LoyaltyWebsite
        (Get-SandboxRequest $script:Sandbox)[0].userAgent | Should -Match "^BadgeAdmin/\d+\.\d+\.\d+ PowerShell/$([regex]::Escape($PSVersionTable.PSVersion.ToString()))$"
    }

    It 'loads the net8.0 build, whose System.Text.Json is the one PowerShell already has' {
        $cmdlets = (Get-Command Get-LoyaltyBadge).ImplementingType.Assembly
        $cmdlets.Location | Should -BeLike '*bin?net8.0?BadgeAdmin.dll'
        $core = (Get-BadgeAdminConnection -Service Snag).GetType().Assembly
        $core.Location | Should -BeLike '*bin?net8.0?BadgeAdmin.Core.dll'
        [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($core).Name | Should -Be 'Default'
        $json = $core.GetReferencedAssemblies() | Where-Object Name -eq 'System.Text.Json'
        [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'System.Text.Json' } |
            Should -HaveCount 1 -Because 'BadgeAdmin brings no System.Text.Json of its own on PowerShell 7'
        $json.Version.Major | Should -Be 8 -Because 'PowerShell 7.4 runs .NET 8'
    }

    It 'imports and lists in a fresh process where another module loaded a different System.Text.Json first' {
        # Start-Job runs a new pwsh process, so nothing of BadgeAdmin is loaded there before the other copy is.
        $otherJson = Join-Path (Split-Path $script:ModulePath) 'bin' 'netstandard2.0' 'System.Text.Json.dll'
        $result = Start-Job -ArgumentList $script:ModulePath, $otherJson, $script:Sandbox.BaseUri -ScriptBlock {
            param($Manifest, $OtherJson, $BaseUri)
            $other = [System.Runtime.Loader.AssemblyLoadContext]::new('another module', $true)
            $json = $other.LoadFromAssemblyPath($OtherJson)
            $otherParsed = $json.GetType('System.Text.Json.JsonDocument', $true)::Parse('{"a": 1}', [Activator]::CreateInstance($json.GetType('System.Text.Json.JsonDocumentOptions', $true)))
            try { Add-Type -Path $OtherJson -ErrorAction Stop } catch { }
            Import-Module $Manifest -ErrorAction Stop
            Connect-PartnerPage -ApiKey (ConvertTo-SecureString 'sandbox-partnerpage' -AsPlainText -Force) -BaseUri $BaseUri
            [pscustomobject]@{
                Entries      = @(Get-PartnerEntry -ErrorAction Stop).Count
                OtherVersion = $json.GetName().Version
                OwnVersion   = [System.Text.Json.JsonSerializer].Assembly.GetName().Version
                OtherUsed    = $null -ne $otherParsed
            }
        } | Receive-Job -Wait -AutoRemoveJob -ErrorAction Stop
        $result.OtherUsed | Should -BeTrue
        $result.OtherVersion | Should -Not -Be $result.OwnVersion
        $result.Entries | Should -Be 12
    }

    It 'imports without touching the network' {
        Clear-SandboxRequest $script:Sandbox
        Remove-Module BadgeAdmin
        Import-Module $script:ModulePath -Force
        Get-SandboxRequest $script:Sandbox | Should -HaveCount 0
        Get-BadgeAdminConnection | Should -BeNullOrEmpty
    }
}
