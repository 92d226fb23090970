# Loads the build of BadgeAdmin that fits the running PowerShell: bin/net8.0 on PowerShell 7.4 and later (the
# framework supplies System.Text.Json, so nothing is loaded twice), bin/netstandard2.0 on Windows PowerShell 5.1
# (which ships its own System.Text.Json closure, resolved by BadgeAdmin's import hook for BadgeAdmin's assemblies only).
if ($PSEdition -eq 'Core' -and $PSVersionTable.PSVersion -lt [version]'7.4') {
    throw "BadgeAdmin needs PowerShell 7.4 or later (this is $($PSVersionTable.PSVersion)), or Windows PowerShell 5.1."
}

$framework = if ($PSEdition -eq 'Core') { 'net8.0' } else { 'netstandard2.0' }
Import-Module -Name ([System.IO.Path]::Combine($PSScriptRoot, 'bin', $framework, 'BadgeAdmin.dll')) -ErrorAction Stop
