#Requires -Version 7.0
# Pester 5 suite: every ```powershell block of README.md and every help example of the built module runs, each in a
# fresh pwsh with tests/helpers/DocumentationPrelude.ps1, against a sandbox reset before it; what the documentation
# shows as output must be in what it prints. The conventions are in tests/helpers/DocumentationExamples.psm1.

BeforeDiscovery {
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'DocumentationExamples.psm1') -Force
    $repo = Join-Path $PSScriptRoot '..'
    $examples = @(Get-ReadmeExample -Path (Join-Path $repo 'README.md')) +
        @(Get-HelpExample -ModulePath (Join-Path $repo 'out' 'BadgeAdmin' 'BadgeAdmin.psd1') -DocsPath (Join-Path $repo 'docs' 'en-US'))
    $script:RunCases = @($examples | Where-Object { -not $_.NoRunReason } | ForEach-Object { @{ Name = $_.Name; Example = $_ } })
    $script:NoRunCases = @($examples | Where-Object NoRunReason | ForEach-Object { @{ Name = $_.Name; Reason = $_.NoRunReason; Example = $_ } })
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'TestSandbox.psm1') -Force
    Import-Module (Join-Path $PSScriptRoot 'helpers' 'DocumentationExamples.psm1') -Force
    $script:Sandbox = Start-TestSandbox
    $script:ModulePath = Get-BuiltModulePath
    $script:Pwsh = Join-Path $PSHOME ($IsWindows ? 'pwsh.exe' : 'pwsh')
    $script:ModuleCommands = @((Import-PowerShellDataFile $script:ModulePath).CmdletsToExport)
    # The static checks of blocks that are not run bind parameters against the imported cmdlets.
    Import-Module $script:ModulePath -Force
}

AfterAll {
    Remove-Module BadgeAdmin -ErrorAction SilentlyContinue
    if ($script:Sandbox) { Stop-TestSandbox $script:Sandbox }
}

Describe 'Documentation examples run against the sandbox' {
    BeforeEach {
        Reset-TestSandbox $script:Sandbox
        # A working folder like a clone's root: ./out is the build, and the example's files stay out of the repository.
        $script:Work = Join-Path $TestDrive ([guid]::NewGuid())
        $null = New-Item -ItemType Directory -Path $script:Work
        $null = New-Item -ItemType SymbolicLink -Path (Join-Path $script:Work 'out') -Target (Join-Path (Get-RepoRoot) 'out')
    }

    It '<Name>' -ForEach $script:RunCases {
        $run = Invoke-DocumentationExample -Example $Example -SandboxUri $script:Sandbox.BaseUri -ModulePath $script:ModulePath `
            -WorkingDirectory $script:Work -PwshPath $script:Pwsh
        $context = "it printed:`n$($run.Output)`n$($run.Stderr)"

        $run.ExitCode | Should -Be 0 -Because $context
        $run.Steps.Count | Should -Be $Example.Steps.Count -Because "every step runs (the prelude or a step stopped it); $context"
        for ($i = 0; $i -lt $Example.Steps.Count; $i++) {
            $step = $Example.Steps[$i]
            $ran = $run.Steps[$i]
            if ($step.Transcript) {
                foreach ($written in $ran.Errors) {
                    Test-ErrorShown -Shown $step.Shown -ErrorInfo $written |
                        Should -BeTrue -Because "'PS> $($step.Code)' wrote an error the documentation does not show: $($written.Text)"
                }
            }
            else {
                $ran.Errors.Text | Should -BeNullOrEmpty -Because 'a block not marked "# Not run in CI:" must run without errors'
            }
            Find-MissingOutputLine -Shown $step.Shown -Printed $ran.Lines |
                Should -BeNullOrEmpty -Because "the documentation shows it after '$($step.Code)', which printed:`n$($ran.Lines -join "`n")"
        }
    }
}

Describe 'Documentation examples marked "# Not run in CI:"' {
    It '<Name> is not run (<Reason>), but parses and names only parameters our cmdlets have' -ForEach $script:NoRunCases {
        Get-DocumentationExampleProblem -Example $Example -ModuleCommands $script:ModuleCommands | Should -BeNullOrEmpty
    }
}
