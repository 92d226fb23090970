#!/usr/bin/env bash
# Try BadgeAdmin from a fresh clone (only the .NET SDK needed): installs pwsh 7.6.9 into .tools/ when missing, builds,
# starts the sandbox on a free loopback port, and opens pwsh with the module imported and connected to both emulated
# APIs. Leaving pwsh (exit) stops the sandbox. Without a terminal it prints how to open that session instead.
set -euo pipefail
cd "$(dirname "$0")"
# The install and build print nothing; say why the first run takes a while.
echo "Building BadgeAdmin (the first time, with the PowerShell install, takes a few minutes)..." >&2
engine=$(bash tests/install-engine.sh)
eval "$(echo "$engine" | tail -n 2)"
dotnet build BadgeAdmin.sln -c Release -nologo -v quiet >/dev/null

address_file=$(mktemp)
log=$(mktemp)
dotnet out/Sandbox/BadgeAdmin.Sandbox.dll --urls http://127.0.0.1:0 --address-file "$address_file" >"$log" 2>&1 &
sandbox=$!
# Wait for the sandbox to be gone, so its port is free when try.sh returns (Ctrl+C, then run it again).
trap 'kill "$sandbox" 2>/dev/null; wait "$sandbox" 2>/dev/null; rm -f "$address_file"' EXIT
for _ in $(seq 1 300); do
    [ -s "$address_file" ] && break
    kill -0 "$sandbox" 2>/dev/null || { cat "$log" >&2; exit 1; }
    sleep 0.1
done
base=$(cat "$address_file")

session=$(mktemp --suffix .ps1)
cat >"$session" <<PS1
Import-Module '$(pwd)/out/BadgeAdmin/BadgeAdmin.psd1'
\$seed = Invoke-RestMethod '${base}_sandbox/seed'
Connect-PartnerPage -ApiKey (ConvertTo-SecureString 'sandbox-partnerpage' -AsPlainText -Force) -BaseUri '$base'
Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri '$base' \`
    -OrganizationId \$seed.snag.organizationId -WebsiteId \$seed.snag.mainWebsiteId
Write-Host "BadgeAdmin is connected to the sandbox at $base (PartnerPage and Snag). Try: Get-PartnerEntry | Get-PartnerBadge"
Write-Host 'Seed ids: \$seed. Help: Get-Help about_BadgeAdmin. Type exit to leave and stop the sandbox.'
PS1

if [ -t 0 ] && [ -t 1 ]; then
    "$PWSH" -NoLogo -NoExit -File "$session"
else
    echo "Sandbox running at $base (pid $sandbox). In a terminal, open the session with:"
    echo "  $PWSH -NoExit -File $session"
    echo "Press Ctrl+C here to stop the sandbox."
    wait "$sandbox"
fi
