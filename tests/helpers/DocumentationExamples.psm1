# Finds the PowerShell examples users read (README.md's ```powershell blocks and every cmdlet's help examples), runs
# each in a fresh pwsh against a sandbox, and compares what it printed with the output the documentation shows.
#
# The conventions a documentation writer follows (README "Tests" says the same):
# - A block whose first line is "# Not run in CI: <reason>" is not run; it must still parse and name real parameters.
#   Help pages, which users read, say it their way: "# Interactive: <what it asks>" or "# Requires: <what it needs>".
# - A block with "PS> " prompts is a transcript: each command (with ">> " continuation lines) runs on its own, as typed
#   at a prompt, and the lines under it are what it must print. A command may write an error only if the lines under it
#   show that error.
# - Any other block runs as one script with $ErrorActionPreference = 'Stop': any error fails it. A ```output block right
#   after it is what it must print.
# - Shown output is compared line by line, in order, with runs of spaces collapsed; "…" stands for any text (ids cut
#   short, timings). Examples talk to the sandbox as http://127.0.0.1:5080, which stands for the suite's own sandbox.

Set-StrictMode -Version Latest

$script:NoRunPattern = '^\s*#\s*(?:Not run in CI|Interactive|Requires):\s*(?<reason>\S.*)$'
$script:DocumentedSandbox = 'http://127.0.0.1:5080'
$script:RunnerPath = Join-Path $PSScriptRoot 'DocumentationRunner.ps1'

# One example: where it is, its steps (code plus the output shown under it), or why it is not run.
function New-DocumentationExample {
    param([string] $Name, [string] $Code, [string[]] $OutputLines)

    $lines = @($Code -split '\r?\n')
    $first = $lines | Where-Object { $_.Trim() } | Select-Object -First 1
    $noRun = if ($first -match $script:NoRunPattern) { $Matches.reason.Trim() } else { $null }

    $steps = [System.Collections.Generic.List[object]]::new()
    if (-not $noRun -and ($lines | Where-Object { $_ -match '^PS>( |$)' })) {
        $step = $null
        foreach ($line in $lines) {
            if ($line -match '^PS>( |$)(?<code>.*)$') {
                $step = [pscustomobject]@{ Code = $Matches.code; Shown = [System.Collections.Generic.List[string]]::new(); Transcript = $true }
                $steps.Add($step)
            }
            elseif ($line -match '^>>( |$)(?<code>.*)$' -and $step -and $step.Shown.Count -eq 0) { $step.Code += "`n" + $Matches.code }
            elseif ($step) { $step.Shown.Add($line) }
            elseif ($line.Trim()) { throw "$Name has text before its first 'PS>' prompt: $line" }
        }
    }
    elseif (-not $noRun) {
        $steps.Add([pscustomobject]@{ Code = $Code; Shown = [System.Collections.Generic.List[string]]@($OutputLines | Where-Object { $null -ne $_ }); Transcript = $false })
    }

    [pscustomobject]@{ Name = $Name; Code = $Code; NoRunReason = $noRun; Steps = $steps.ToArray() }
}

# The fenced blocks of a markdown file with the heading they sit under: Heading, Info, Lines, Line (where it opens),
# EndLine, and AfterLine (the last non-blank line before it).
function Get-MarkdownFence {
    param([Parameter(Mandatory)] [string] $Path)

    $heading = ''
    $fence = $null
    $number = 0
    $lastText = 0
    foreach ($line in Get-Content -LiteralPath $Path) {
        $number++
        if ($fence) {
            if ($line -match '^\s*```\s*$') { $fence.EndLine = $number; [pscustomobject]$fence; $fence = $null }
            else { $fence.Lines.Add($line) }
        }
        elseif ($line -match '^\s*```(?<info>.*)$') {
            $fence = @{ Heading = $heading; Info = $Matches.info.Trim(); Lines = [System.Collections.Generic.List[string]]::new(); Line = $number; EndLine = 0; AfterLine = $lastText }
        }
        elseif ($line -match '^#{1,6}\s+(?<title>.+)$') { $heading = $Matches.title.Trim() }

        if ($line.Trim()) { $lastText = $number }
    }
    if ($fence) { throw "${Path}: the code block at line $($fence.Line) is not closed." }
}

# README.md's ```powershell blocks, named by heading (and number, when a heading has several).
function Get-ReadmeExample {
    param([Parameter(Mandatory)] [string] $Path)

    $fences = @(Get-MarkdownFence -Path $Path)
    $blocks = [System.Collections.Generic.List[object]]::new()
    for ($i = 0; $i -lt $fences.Count; $i++) {
        $fence = $fences[$i]
        $follows = $i -gt 0 -and $fences[$i - 1].Info -eq 'powershell' -and $fence.AfterLine -eq $fences[$i - 1].EndLine
        if ($fence.Info -eq 'output' -and -not $follows) { throw "${Path} line $($fence.Line): an output block must follow a powershell block." }
        if ($fence.Info -ne 'powershell') { continue }
        $next = if ($i + 1 -lt $fences.Count) { $fences[$i + 1] }
        $output = if ($next -and $next.Info -eq 'output' -and $next.AfterLine -eq $fence.EndLine) { @($next.Lines) } else { @() }
        $blocks.Add([pscustomobject]@{ Heading = $fence.Heading; Line = $fence.Line; Code = $fence.Lines -join "`n"; Output = $output })
    }

    foreach ($block in $blocks) {
        $name = "README › $($block.Heading)"
        $same = @($blocks | Where-Object Heading -EQ $block.Heading)
        if ($same.Count -gt 1) { $name += " #$(1 + [array]::IndexOf($same, $block))" }
        New-DocumentationExample -Name $name -Code $block.Code -OutputLines $block.Output
    }
}

# Every help example of the module's cmdlets as Get-Help shows it, with the output block its docs/en-US page shows
# after the code (the compiled help keeps that block among the remarks, where it cannot be told from prose).
function Get-HelpExample {
    param([Parameter(Mandatory)] [string] $ModulePath, [Parameter(Mandatory)] [string] $DocsPath)

    $module = Import-Module $ModulePath -Force -PassThru
    try {
        foreach ($name in ($module.ExportedCmdlets.Keys | Sort-Object)) {
            $outputs = @{}
            $page = Join-Path $DocsPath "$name.md"
            if (Test-Path $page) {
                $number = 0
                $codeSeen = $false
                foreach ($fence in Get-MarkdownFence -Path $page) {
                    if ($fence.Heading -match '^Example (?<n>\d+)') {
                        if ([int]$Matches.n -ne $number) { $number = [int]$Matches.n; $codeSeen = $false }
                        if ($codeSeen) { $outputs[$number] = @($fence.Lines) } else { $codeSeen = $true }
                    }
                }
            }

            $index = 0
            foreach ($example in @((Get-Help $name -Examples).examples.example)) {
                $index++
                $title = ($example.title -replace '^-+\s*|\s*-+$', '').Trim()
                $shown = if ($outputs.ContainsKey($index)) { $outputs[$index] } else { @() }
                New-DocumentationExample -Name "$name › $title" -Code $example.code -OutputLines $shown
            }
        }
    }
    finally { Remove-Module $module -Force }
}

# Parse problems and parameters our commands do not have, for blocks that are not run.
function Get-DocumentationExampleProblem {
    param([Parameter(Mandatory)] $Example, [Parameter(Mandatory)] [string[]] $ModuleCommands)

    $tokens = $errors = $null
    $code = ($Example.Code -split '\r?\n' | ForEach-Object { $_ -replace '^(PS|>)> ?', '' }) -join "`n"
    $ast = [System.Management.Automation.Language.Parser]::ParseInput($code, [ref] $tokens, [ref] $errors)
    foreach ($parseError in $errors) { "parse error: $($parseError.Message)" }
    $commands = $ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.CommandAst] }, $true)
    foreach ($command in $commands) {
        $commandName = $command.GetCommandName()
        if ($commandName -notin $ModuleCommands) { continue }
        $binding = [System.Management.Automation.Language.StaticParameterBinder]::BindCommand($command, $true)
        foreach ($problem in $binding.BindingExceptions.GetEnumerator()) { "${commandName}: $($problem.Value.BindingException.Message)" }
    }
}

# Runs the example in a fresh pwsh (prelude, then its steps) and returns what each step printed and the errors it wrote.
function Invoke-DocumentationExample {
    param(
        [Parameter(Mandatory)] $Example,
        [Parameter(Mandatory)] [uri] $SandboxUri,
        [Parameter(Mandatory)] [string] $ModulePath,
        [Parameter(Mandatory)] [string] $WorkingDirectory,
        [Parameter(Mandatory)] [string] $PwshPath
    )

    $sandbox = $SandboxUri.GetLeftPart([System.UriPartial]::Authority)
    $stepsFile = [System.IO.Path]::GetTempFileName()
    @($Example.Steps | ForEach-Object { @{ Code = $_.Code.Replace($script:DocumentedSandbox, $sandbox); Transcript = $_.Transcript } }) |
        ConvertTo-Json -Depth 3 -AsArray | Set-Content -LiteralPath $stepsFile

    $startInfo = [System.Diagnostics.ProcessStartInfo]::new($PwshPath)
    foreach ($argument in '-NoProfile', '-NonInteractive', '-File', $script:RunnerPath, '-StepsFile', $stepsFile,
        '-SandboxUri', $SandboxUri.AbsoluteUri, '-ModulePath', $ModulePath) { $startInfo.ArgumentList.Add($argument) }
    $startInfo.WorkingDirectory = $WorkingDirectory
    $startInfo.UseShellExecute = $false
    $startInfo.RedirectStandardOutput = $true
    $startInfo.RedirectStandardError = $true
    $process = [System.Diagnostics.Process]::Start($startInfo)
    $stderr = $process.StandardError.ReadToEndAsync()
    $stdout = $process.StandardOutput.ReadToEnd()
    if (-not $process.WaitForExit(300000)) { $process.Kill($true); throw "$($Example.Name) ran for more than 5 minutes." }
    Remove-Item -LiteralPath $stepsFile

    $steps = [System.Collections.Generic.List[object]]::new()
    $preamble = [System.Collections.Generic.List[string]]::new()
    $current = $null
    foreach ($line in ($stdout -split '\r?\n')) {
        if ($line -match '^##DOC-STEP (\d+)$') {
            $current = [pscustomobject]@{ Lines = [System.Collections.Generic.List[string]]::new(); Errors = @() }
            $steps.Add($current)
        }
        elseif ($line -match '^##DOC-ERRORS (?<json>.*)$') { $current.Errors = @(ConvertFrom-Json $Matches.json -NoEnumerate | ForEach-Object { $_ }) }
        elseif ($current) { $current.Lines.Add($line.Replace($sandbox, $script:DocumentedSandbox)) }
        else { $preamble.Add($line) }
    }

    [pscustomobject]@{
        ExitCode = $process.ExitCode
        Steps    = $steps.ToArray()
        Preamble = $preamble -join "`n"
        Stderr   = $stderr.Result
        Output   = $stdout.Replace($sandbox, $script:DocumentedSandbox)
    }
}

function ConvertTo-ComparableLine([string] $Line) { ($Line -replace '\s+', ' ').Trim() }

# The first shown line that the printed lines do not contain (in order), or nothing when all are there.
function Find-MissingOutputLine {
    param([string[]] $Shown, [string[]] $Printed)

    $printedLines = @($Printed | ForEach-Object { ConvertTo-ComparableLine $_ } | Where-Object { $_ })
    $at = 0
    foreach ($line in $Shown) {
        $wanted = ConvertTo-ComparableLine $line
        if (-not $wanted) { continue }
        $pattern = [WildcardPattern]::Escape($wanted).Replace('…', '*')
        while ($at -lt $printedLines.Count -and $printedLines[$at] -notlike $pattern) { $at++ }
        if ($at -ge $printedLines.Count) { return $line }
        $at++
    }
}

# Whether the lines shown under a step show this error (one of its printed lines).
function Test-ErrorShown {
    param([string[]] $Shown, $ErrorInfo)

    $errorLines = @($ErrorInfo.Text -split '\r?\n' | ForEach-Object { ConvertTo-ComparableLine $_ } | Where-Object { $_ })
    foreach ($line in $Shown) {
        $wanted = ConvertTo-ComparableLine $line
        if (-not $wanted) { continue }
        $pattern = [WildcardPattern]::Escape($wanted).Replace('…', '*')
        if ($errorLines | Where-Object { $_ -like $pattern }) { return $true }
    }
    $false
}

Export-ModuleMember -Function Get-ReadmeExample, Get-HelpExample, Get-DocumentationExampleProblem, Invoke-DocumentationExample,
    Find-MissingOutputLine, Test-ErrorShown
