# Imports the build of BadgeAdmin that fits the running PowerShell: bin/net8.0 on PowerShell 7.4 and later (the
# framework supplies System.Text.Json, so nothing is loaded twice), bin/netstandard2.0 on Windows PowerShell 5.1 (with
# its own System.Text.Json closure, resolved by the module's import hook for the assemblies shipped there only).
# Kept to plain statements: every .NET call or type conversion here would add to each import's cost.
if ($PSEdition -eq 'Core') {
    try { Import-Module "$PSScriptRoot/bin/net8.0/BadgeAdmin.dll" -ErrorAction Stop }
    catch { throw "BadgeAdmin needs PowerShell 7.4 or later (or Windows PowerShell 5.1); loading bin/net8.0 failed: $_" }
}
else {
    Import-Module "$PSScriptRoot/bin/netstandard2.0/BadgeAdmin.dll" -ErrorAction Stop
}
