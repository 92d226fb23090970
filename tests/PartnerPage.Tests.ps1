#Requires -Version 7.0
# Pester 5 suite: the built module (out/BadgeAdmin) in a real pwsh, against a sandbox this suite starts.
# Build first: dotnet build BadgeAdmin.sln. Run: Invoke-Pester ./tests (or ./build.ps1 -Task Test).

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'TestSandbox.psm1') -Force
    $script:Sandbox = Start-TestSandbox
    $script:ModulePath = Get-BuiltModulePath
    Import-Module $script:ModulePath -Force

    $script:Key = ConvertTo-SecureString 'sandbox-partnerpage' -AsPlainText -Force
    $script:Prefix = '/api/directory/private/v1alpha/'
    $script:CmdletNamespace = 'BadgeAdmin.Cmdlets.PartnerPage'

    function Connect-Sandbox { Connect-PartnerPage -ApiKey $script:Key -BaseUri $script:Sandbox.BaseUri }

    # An entry with at least five badges, so filters on Order have something on both sides.
    function Get-BusyEntry {
        Get-PartnerEntry | Where-Object { @(Get-PartnerBadge -Entry $_).Count -ge 5 } | Select-Object -First 1
    }
}

AfterAll {
    Remove-Module BadgeAdmin -ErrorAction SilentlyContinue
    if ($script:Sandbox) { Stop-TestSandbox $script:Sandbox }
}

Describe 'The BadgeAdmin module' {
    It 'exports the PartnerPage cmdlets, and exactly the cmdlets its manifest lists' {
        $manifest = Import-PowerShellDataFile $script:ModulePath
        (Get-Command -Module BadgeAdmin).Name | Sort-Object | Should -Be ($manifest.CmdletsToExport | Sort-Object)
        $commands = Get-Command -Module BadgeAdmin -Noun Partner*, PartnerPage | Sort-Object Name | ForEach-Object Name
        $commands | Should -Be @('Connect-PartnerPage', 'Disconnect-PartnerPage', 'Get-PartnerBadge', 'Get-PartnerDirectory',
            'Get-PartnerDirectoryBadge', 'Get-PartnerEntry', 'New-PartnerBadge', 'New-PartnerDirectoryBadge', 'Remove-PartnerBadge',
            'Remove-PartnerDirectoryBadge', 'Set-PartnerBadge', 'Set-PartnerDirectoryBadge')
    }

    It 'declares the output types PowerShell shows in Get-Command' {
        (Get-Command Get-PartnerBadge).OutputType.Name | Should -Be 'BadgeAdmin.Core.PartnerPage.Models.PartnerBadge'
    }

    It 'gives every change -WhatIf and -Confirm' {
        foreach ($name in 'New-PartnerBadge', 'Set-PartnerBadge', 'Remove-PartnerBadge') {
            (Get-Command $name).Parameters.Keys | Should -Contain 'WhatIf'
            (Get-Command $name).Parameters.Keys | Should -Contain 'Confirm'
        }
    }
}

Describe 'PartnerPage cmdlets against the sandbox' {
    BeforeEach {
        Reset-TestSandbox $script:Sandbox
        Connect-Sandbox
        Clear-SandboxRequest $script:Sandbox
    }

    It 'connecting sends no request and the connection shows no key' {
        $connection = Connect-PartnerPage -ApiKey $script:Key -BaseUri $script:Sandbox.BaseUri -PassThru
        $connection.BaseUri | Should -Be $script:Sandbox.BaseUri
        $connection.ApiKeySource | Should -Be 'Parameter'
        ($connection | Format-List * | Out-String) | Should -Not -Match 'sandbox-partnerpage'
        Get-SandboxRequest $script:Sandbox | Should -HaveCount 0
    }

    It 'lists every partner entry across pages as typed objects' {
        $entries = @(Get-PartnerEntry)
        $entries | Should -HaveCount 12
        $entries[0].PSObject.TypeNames[0] | Should -Be 'BadgeAdmin.Core.PartnerPage.Models.PartnerEntry'
        $requests = Get-SandboxRequest $script:Sandbox
        $requests | Should -HaveCount 3
        $requests.auth | Sort-Object -Unique | Should -Be 'valid'
    }

    It 'Get-PartnerEntry | Select-Object -First 3 requests only the first page' {
        $first = @(Get-PartnerEntry | Select-Object -First 3)
        $first | Should -HaveCount 3
        Get-SandboxRequest $script:Sandbox | Should -HaveCount 1
    }

    It 'Get-PartnerEntry | Get-PartnerBadge lists the badges of every entry' {
        $entries = @(Get-PartnerEntry)
        $badges = @(Get-PartnerEntry | Get-PartnerBadge)
        ($badges | Group-Object EntryId).Count | Should -Be $entries.Count
        foreach ($group in $badges | Group-Object EntryId) {
            $group.Count | Should -BeGreaterOrEqual 2
            $group.Count | Should -BeLessOrEqual 6
        }
        $badges[0].PSObject.TypeNames[0] | Should -Be 'BadgeAdmin.Core.PartnerPage.Models.PartnerBadge'
    }

    It 'Get-PartnerBadge -EntryId $e | Set-PartnerBadge -Order 0 -PassThru sets every order' {
        $entry = (Get-PartnerEntry)[0]
        $before = @(Get-PartnerBadge -EntryId $entry.Id)
        Clear-SandboxRequest $script:Sandbox

        $after = @(Get-PartnerBadge -EntryId $entry.Id | Set-PartnerBadge -Order 0 -PassThru)

        $after | Should -HaveCount $before.Count
        $after.Order | Sort-Object -Unique | Should -Be 0
        $after.Id | Should -Be $before.Id
        $patches = @(Get-SandboxRequest $script:Sandbox | Where-Object method -EQ 'PATCH')
        $patches | Should -HaveCount $before.Count
        $patches.body | Sort-Object -Unique | Should -Be '{"order":0}'
    }

    It 'Set-PartnerBadge writes nothing without -PassThru' {
        $entry = (Get-PartnerEntry)[0]
        $output = @(Get-PartnerBadge -EntryId $entry.Id | Set-PartnerBadge -Order 3)
        $output | Should -HaveCount 0
        (Get-PartnerBadge -EntryId $entry.Id).Order | Sort-Object -Unique | Should -Be 3
    }

    It 'Get-PartnerBadge -EntryId $e | Where-Object Order -gt 2 | Remove-PartnerBadge -Confirm:$false removes only those' {
        $entry = Get-BusyEntry
        $before = @(Get-PartnerBadge -EntryId $entry.Id)
        $kept = @($before | Where-Object Order -le 2)
        Clear-SandboxRequest $script:Sandbox

        Get-PartnerBadge -EntryId $entry.Id | Where-Object Order -gt 2 | Remove-PartnerBadge -Confirm:$false

        $deletes = @(Get-SandboxRequest $script:Sandbox | Where-Object method -EQ 'DELETE')
        $deletes | Should -HaveCount ($before.Count - $kept.Count)
        (Get-PartnerBadge -EntryId $entry.Id).Id | Should -Be $kept.Id
    }

    It 'Get-PartnerBadge -EntryId $e | Set-PartnerBadge -Order 9 -WhatIf sends no request' {
        $entry = (Get-PartnerEntry)[0]
        $badges = @(Get-PartnerBadge -EntryId $entry.Id)
        Clear-SandboxRequest $script:Sandbox

        $badges | Set-PartnerBadge -Order 9 -WhatIf

        Get-SandboxRequest $script:Sandbox | Should -HaveCount 0
    }

    It 'Remove-PartnerBadge -WhatIf and New-PartnerBadge -WhatIf send no request' {
        $entry = (Get-PartnerEntry)[0]
        $badge = (Get-PartnerBadge -EntryId $entry.Id)[0]
        Clear-SandboxRequest $script:Sandbox

        $badge | Remove-PartnerBadge -WhatIf
        New-PartnerBadge -EntryId $entry.Id -BadgeId $badge.Id -WhatIf

        Get-SandboxRequest $script:Sandbox | Should -HaveCount 0
    }

    It 'New-PartnerBadge attaches a badge another entry has, at the order given' {
        $entries = @(Get-PartnerEntry)
        $own = @(Get-PartnerBadge -EntryId $entries[0].Id).Id
        $candidate = Get-PartnerEntry | Get-PartnerBadge | Where-Object { $own -notcontains $_.Id } | Select-Object -First 1

        $new = New-PartnerBadge -EntryId $entries[0].Id -BadgeId $candidate.Id -Order 1

        $new.EntryId | Should -Be $entries[0].Id
        $new.Id | Should -Be $candidate.Id
        $new.Order | Should -Be 1
        (Get-PartnerBadge -EntryId $entries[0].Id).Id | Should -Contain $candidate.Id
    }

    It 'Get-PartnerDirectoryBadge | New-PartnerBadge -EntryId $e attaches directory badges by their Id' {
        $directory = Get-PartnerDirectory -Name 'Sandbox Partner*'
        Connect-PartnerPage -ApiKey $script:Key -BaseUri $script:Sandbox.BaseUri -DirectoryId $directory.Id
        $e = (Get-PartnerEntry -First 1).Id
        $own = @(Get-PartnerBadge -EntryId $e).Id
        $free = Get-PartnerDirectoryBadge | Where-Object { $own -notcontains $_.Id } | Select-Object -First 2
        Clear-SandboxRequest $script:Sandbox

        $attached = $free | New-PartnerBadge -EntryId $e

        $attached.Id | Should -Be $free.Id
        $posts = @(Get-SandboxRequest $script:Sandbox | Where-Object Method -eq 'POST')
        $posts.Path | Sort-Object -Unique | Should -Be "$($script:Prefix)entries/partners/$e/badges/"
        ($posts.Body | ForEach-Object { ($_ | ConvertFrom-Json).id } | Sort-Object) | Should -Be ($free.Id.Guid | Sort-Object)
    }

    It 'creates, renames and deletes a directory badge, which leaves the entries that showed it' {
        $directory = (Get-PartnerDirectory -First 1).Id
        $e = (Get-PartnerEntry -First 1).Id

        $badge = New-PartnerDirectoryBadge -DirectoryId $directory -Name 'Pester Badge' -Image https://images.example/p.png
        $badge | New-PartnerBadge -EntryId $e -Order 0 | Out-Null
        $renamed = $badge | Set-PartnerDirectoryBadge -Name 'Pester Badge 2' -PassThru
        (Get-PartnerBadge -EntryId $e -Id $badge.Id).Name | Should -Be 'Pester Badge 2'
        $badge | Remove-PartnerDirectoryBadge -Confirm:$false

        $renamed.DirectoryId | Should -Be $directory
        (Get-PartnerBadge -EntryId $e).Id | Should -Not -Contain $badge.Id
        Get-PartnerDirectoryBadge -DirectoryId $directory -Id $badge.Id -ErrorVariable missing -ErrorAction SilentlyContinue
        $missing[0].FullyQualifiedErrorId | Should -BeLike 'PartnerDirectoryBadgeNotFound,*'
    }

    It 'without a directory, directory-badge changes write DirectoryIdMissing and send nothing' {
        New-PartnerDirectoryBadge -Name 'Nowhere' -Image https://images.example/n.png -Confirm:$false -ErrorVariable failed -ErrorAction SilentlyContinue
        $failed[0].FullyQualifiedErrorId | Should -Be "DirectoryIdMissing,$($script:CmdletNamespace).NewPartnerDirectoryBadgeCommand"
        Get-SandboxRequest $script:Sandbox | Should -HaveCount 0
    }

    It 'without a directory, Get-PartnerDirectoryBadge lists the badges of every directory, each with its directory' {
        $badges = @(Get-PartnerDirectoryBadge)
        $directories = @(Get-PartnerDirectory)

        $badges.Count | Should -BeGreaterThan 0
        $badges.DirectoryId | Sort-Object -Unique | Should -BeIn $directories.Id
        $badges | ForEach-Object { $_.DirectoryName | Should -Be ($directories | Where-Object Id -EQ $_.DirectoryId).Name }
        ($badges | Format-Table | Out-String -Width 120) | Should -Match 'Directory: Sandbox Partner Directory \('
    }

    It 'a missing badge is a non-terminating PartnerBadgeNotFound error with the server message' {
        $entry = (Get-PartnerEntry)[0]
        $missing = [guid]::NewGuid()

        $result = Get-PartnerBadge -EntryId $entry.Id -Id $missing -ErrorAction SilentlyContinue -ErrorVariable failures

        $result | Should -BeNullOrEmpty
        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -Be "PartnerBadgeNotFound,$script:CmdletNamespace.GetPartnerBadgeCommand"
        $failures[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $failures[0].TargetObject | Should -Be $missing
        $failures[0].ErrorDetails.Message | Should -BeLike "Badge $missing of partner entry '$($entry.Name)' ($($entry.Id)): Badge not found on this partner entry.*"
    }

    It 'per-item failures let the rest of the pipeline run' {
        $entry = (Get-PartnerEntry)[0]
        $badges = @(Get-PartnerBadge -EntryId $entry.Id)
        $inputs = @([pscustomobject]@{ EntryId = $entry.Id; Id = [guid]::NewGuid() }) + $badges

        $updated = @($inputs | Set-PartnerBadge -Order 4 -PassThru -ErrorAction SilentlyContinue -ErrorVariable failures)

        $failures | Should -HaveCount 1
        $failures[0].FullyQualifiedErrorId | Should -BeLike 'PartnerBadgeNotFound,*'
        $updated | Should -HaveCount $badges.Count
    }

    It 'a rejected change is InvalidArgument with the field the server named' {
        $entry = (Get-PartnerEntry)[0]
        $badges = @(Get-PartnerBadge -EntryId $entry.Id)

        Set-PartnerBadge -EntryId $entry.Id -Id $badges[0].Id -BadgeId $badges[1].Id -ErrorAction SilentlyContinue -ErrorVariable failures

        $failures[0].FullyQualifiedErrorId | Should -Be "RequestRejected,$script:CmdletNamespace.SetPartnerBadgeCommand"
        $failures[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $failures[0].ErrorDetails.Message | Should -BeLike "Badge '$($badges[0].Name)' ($($badges[0].Id)) of partner entry '$($entry.Name)' ($($entry.Id)): id: *"
    }

    It 'a non-GUID id fails in parameter binding before any request' {
        $caught = $null
        try { Get-PartnerBadge -EntryId 'not-a-guid' -ErrorAction Stop } catch { $caught = $_ }

        $caught | Should -Not -BeNullOrEmpty
        $caught.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
        $caught.Exception.Message | Should -Match 'EntryId'
        Get-SandboxRequest $script:Sandbox | Should -HaveCount 0
    }

    It 'a negative order fails validation before any request' {
        $caught = $null
        try { Set-PartnerBadge -EntryId ([guid]::NewGuid()) -Id ([guid]::NewGuid()) -Order -1 -ErrorAction Stop } catch { $caught = $_ }

        $caught.Exception | Should -BeOfType ([System.Management.Automation.ParameterBindingException])
        $caught.Exception.Message | Should -Match 'Order'
        Get-SandboxRequest $script:Sandbox | Should -HaveCount 0
    }

    It 'Set-PartnerBadge with nothing to change ends with NothingToChange' {
        { Set-PartnerBadge -EntryId ([guid]::NewGuid()) -Id ([guid]::NewGuid()) } |
            Should -Throw -ErrorId "NothingToChange,$script:CmdletNamespace.SetPartnerBadgeCommand"
    }

    It '-Verbose prints one line per request with method, path, status and time' {
        $entry = (Get-PartnerEntry)[0]
        $verbose = @(Get-PartnerEntry -Id $entry.Id -Verbose 4>&1 | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })

        $verbose | Should -HaveCount 1
        $verbose[0].Message | Should -Match ('^GET ' + [regex]::Escape("$($script:Prefix)entries/partners/$($entry.Id)/") + ' → 200 in \d+ ms$')
    }

    It 'retries a 503 with a warning and then succeeds' {
        $entry = (Get-PartnerEntry)[0]
        Add-SandboxFault $script:Sandbox @{ path = "$($script:Prefix)entries/partners/*"; status = 503; retryAfter = '0' }
        Clear-SandboxRequest $script:Sandbox

        $result = Get-PartnerEntry -Id $entry.Id -WarningVariable warnings -WarningAction SilentlyContinue

        $result.Id | Should -Be $entry.Id
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -Match 'answered 503 .*retrying in 0\.[45] s \(retry 1 of 4\)'
        Get-SandboxRequest $script:Sandbox | Should -HaveCount 2
    }

    It 'formats badges as a table with the chosen columns' {
        $entry = (Get-PartnerEntry)[0]
        $table = Get-PartnerBadge -EntryId $entry.Id | Format-Table | Out-String -Width 120
        $table | Should -Match 'Order\s+Name\s+Id\s+Image'
        $table | Should -Match 'EntryId: '
    }
}

# NotConnected, ApiKeyMissing, the key from $env:PARTNERPAGE_API_KEY and http:// to a remote host are the engine
# tests' (tests/BadgeAdmin.Engine.Tests/PartnerPage/PartnerPageCmdletTests.cs): here only what a user goes through.
Describe 'Connections' {
    BeforeEach { Reset-TestSandbox $script:Sandbox }

    It 'a wrong key is ApiKeyRejected and the key appears in no stream' {
        $secret = 'canary-key-7c1f0d3e9b'
        Connect-PartnerPage -ApiKey (ConvertTo-SecureString $secret -AsPlainText -Force) -BaseUri $script:Sandbox.BaseUri
        $all = Get-PartnerEntry -Verbose -Debug -ErrorAction SilentlyContinue -ErrorVariable failures *>&1 | Out-String

        $failures[0].FullyQualifiedErrorId | Should -Be "ApiKeyRejected,$script:CmdletNamespace.GetPartnerEntryCommand"
        $failures[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $all | Should -Not -Match $secret
        ($failures | Format-List * -Force | Out-String) | Should -Not -Match $secret
    }

    It 'connections are per runspace and -Connection carries one into ForEach-Object -Parallel' {
        $connection = Connect-PartnerPage -ApiKey $script:Key -BaseUri $script:Sandbox.BaseUri -PassThru
        $entry = (Get-PartnerEntry)[0]
        $modulePath = $script:ModulePath

        $results = 1..2 | ForEach-Object -ThrottleLimit 2 -Parallel {
            Import-Module $using:modulePath
            $notConnected = $null
            try { Get-PartnerEntry -Id $using:entry.Id -ErrorAction Stop } catch { $notConnected = $_.FullyQualifiedErrorId }
            [pscustomobject]@{
                WithoutConnection = $notConnected
                WithConnection    = (Get-PartnerEntry -Id $using:entry.Id -Connection $using:connection).Id
            }
        }

        $results | Should -HaveCount 2
        $results.WithoutConnection | Sort-Object -Unique | Should -BeLike 'NotConnected,*'
        $results.WithConnection | Should -Be @($entry.Id, $entry.Id)
    }

    It 'Disconnect-PartnerPage closes the connection it drops' {
        $connection = Connect-PartnerPage -ApiKey $script:Key -BaseUri $script:Sandbox.BaseUri -PassThru
        Disconnect-PartnerPage
        $connection.IsDisposed | Should -BeTrue
        { Get-PartnerEntry -Connection $connection } | Should -Throw -ErrorId "ConnectionClosed,$script:CmdletNamespace.GetPartnerEntryCommand"
    }

    It 'Remove-Module disposes the connection' {
        $connection = Connect-PartnerPage -ApiKey $script:Key -BaseUri $script:Sandbox.BaseUri -PassThru
        Remove-Module BadgeAdmin
        try {
            $connection.IsDisposed | Should -BeTrue
        }
        finally {
            Import-Module $script:ModulePath -Force
        }
    }
}
