# Runs one documentation example in this (fresh) pwsh for tests/Documentation.Tests.ps1: the prelude, then each step
# as typed at a prompt. Before each step it prints "##DOC-STEP n", after it "##DOC-ERRORS <json>" (the error records
# the step wrote). Output is formatted as a console shows it, 120 columns wide (a common terminal), without colour, in en-US (the
# documentation's language, so dates read the same on every machine).
param(
    [Parameter(Mandatory)] [string] $StepsFile,
    [Parameter(Mandatory)] [uri] $SandboxUri,
    [Parameter(Mandatory)] [string] $ModulePath
)

$PSStyle.OutputRendering = 'PlainText'
[cultureinfo]::CurrentCulture = [cultureinfo]::CurrentUICulture = 'en-US'
$ProgressPreference = 'SilentlyContinue'
$__docSteps = @(Get-Content -LiteralPath $StepsFile -Raw | ConvertFrom-Json)
Remove-Variable StepsFile
. (Join-Path $PSScriptRoot 'DocumentationPrelude.ps1') -SandboxUri $SandboxUri -ModulePath $ModulePath
Remove-Variable SandboxUri, ModulePath

for ($__docIndex = 0; $__docIndex -lt $__docSteps.Count; $__docIndex++) {
    [Console]::Out.WriteLine("##DOC-STEP $($__docIndex + 1)")
    # A transcript shows what a prompt shows, errors included; a plain block must run without any.
    $ErrorActionPreference = if ($__docSteps[$__docIndex].Transcript) { 'Continue' } else { 'Stop' }
    $__docErrors = [System.Collections.Generic.List[object]]::new()
    try {
        # A script block made from text has no file, so errors read as they do at a prompt ("Cmdlet: message").
        . ([scriptblock]::Create($__docSteps[$__docIndex].Code)) *>&1 |
            ForEach-Object {
                # Merged into output, these streams lose the prefix a console gives them.
                switch ($_) {
                    { $_ -is [System.Management.Automation.ErrorRecord] } { $__docErrors.Add($_); $_ }
                    { $_ -is [System.Management.Automation.VerboseRecord] } { "VERBOSE: $($_.Message)" }
                    { $_ -is [System.Management.Automation.WarningRecord] } { "WARNING: $($_.Message)" }
                    { $_ -is [System.Management.Automation.DebugRecord] } { "DEBUG: $($_.Message)" }
                    default { $_ }
                }
            } |
            Out-String -Stream -Width 120 | ForEach-Object { [Console]::Out.WriteLine($_) }
    }
    catch {
        $__docErrors.Add($_)
        [Console]::Out.WriteLine(($_ | Out-String -Width 120))
    }
    $ErrorActionPreference = 'Continue'
    $__docReport = @($__docErrors | ForEach-Object {
            @{ Id = $_.FullyQualifiedErrorId; Text = ($_ | Out-String -Width 120).Trim() }
        })
    [Console]::Out.WriteLine('##DOC-ERRORS ' + (ConvertTo-Json -InputObject $__docReport -Compress -Depth 3))
    if ($__docErrors.Count -and -not $__docSteps[$__docIndex].Transcript) { break }
}
