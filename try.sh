#!/usr/bin/env bash
# Try BadgeAdmin from a fresh clone (only the .NET SDK needed): installs pwsh 7.6.9 into .tools/ when missing, builds,
# starts the sandbox on http://127.0.0.1:5080 (the address the README's examples use; another free port when 5080 is
# taken, and it says so), and opens pwsh with the module imported and connected to both emulated APIs, the address in
# $sandbox and the seed's ids in $seed. Leaving pwsh (exit) stops the sandbox. Without a terminal it prints how to open
# that session instead. Its files live in one temporary folder, removed when it ends.
set -euo pipefail
cd "$(dirname "$0")"
# The install and build print nothing; say why the first run takes a while.
echo "Building BadgeAdmin (the first time, with the PowerShell install, takes a few minutes)..." >&2
eval "$(bash tests/install-engine.sh --pwsh-only | tail -n 1)"
dotnet build BadgeAdmin.sln -c Release -nologo -v quiet >/dev/null

work=$(mktemp -d -t badgeadmin-try.XXXXXX)
sandbox=""
# Wait for the sandbox to be gone, so its port is free when try.sh returns (Ctrl+C, then run it again).
cleanup() {
    if [ -n "$sandbox" ]; then
        kill "$sandbox" 2>/dev/null || true
        wait "$sandbox" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

# Starts the sandbox on $1 and waits for its address; fails when it exits first (its port was taken).
start_sandbox() {
    rm -f "$work/address"
    dotnet out/Sandbox/BadgeAdmin.Sandbox.dll --urls "$1" --address-file "$work/address" >"$work/sandbox.log" 2>&1 &
    sandbox=$!
    for _ in $(seq 1 300); do
        [ -s "$work/address" ] && return 0
        if ! kill -0 "$sandbox" 2>/dev/null; then
            wait "$sandbox" 2>/dev/null || true
            sandbox=""
            return 1
        fi
        sleep 0.1
    done
    return 1
}

note=""
if ! start_sandbox http://127.0.0.1:5080; then
    if ! start_sandbox http://127.0.0.1:0; then
        cat "$work/sandbox.log" >&2
        exit 1
    fi
fi
address=$(cat "$work/address")
address=${address%/}
# Said once, by the session, next to the address it connects to: where the user reads it whatever opens the session.
if [ "$address" != "http://127.0.0.1:5080" ]; then
    note="Port 5080 is taken (another program listens there), so the sandbox listens on $address: where the README says http://127.0.0.1:5080, use \$sandbox."
fi

module="$(pwd)/out/BadgeAdmin/BadgeAdmin.psd1"
session="$work/session.ps1"
{
    printf "Import-Module '%s'\n" "${module//\'/\'\'}"
    printf "\$sandbox = '%s'\n" "$address"
    printf "\$tryNote = '%s'\n" "${note//\'/\'\'}"
    cat <<'PS1'
$seed = Invoke-RestMethod "$sandbox/_sandbox/seed"
# The seed's ids, flat and readable when $seed is shown; $seed.partnerPage and $seed.snag stay as the README uses them.
$seed | Add-Member -NotePropertyMembers ([ordered]@{
        EntryIds       = [guid[]]$seed.partnerPage.entryIds
        DirectoryId    = [guid]$seed.partnerPage.directoryId
        AppDirectoryId = [guid]$seed.partnerPage.appDirectoryId
        OrganizationId = [guid]$seed.snag.organizationId
        MainWebsiteId  = [guid]$seed.snag.mainWebsiteId
        BetaWebsiteId  = [guid]$seed.snag.betaWebsiteId
        PartnerPageKey = 'sandbox-partnerpage'
        SnagKey        = 'sandbox-snag'
    })
$seed.PSObject.Members.Add([System.Management.Automation.PSMemberSet]::new('PSStandardMembers', [System.Management.Automation.PSMemberInfo[]]@(
            [System.Management.Automation.PSPropertySet]::new('DefaultDisplayPropertySet', [string[]]@(
                    'EntryIds', 'DirectoryId', 'AppDirectoryId', 'OrganizationId', 'MainWebsiteId', 'BetaWebsiteId', 'PartnerPageKey', 'SnagKey')))))
Connect-PartnerPage -ApiKey (ConvertTo-SecureString 'sandbox-partnerpage' -AsPlainText -Force) -BaseUri $sandbox
Connect-Snag -ApiKey (ConvertTo-SecureString 'sandbox-snag' -AsPlainText -Force) -BaseUri $sandbox `
    -OrganizationId $seed.OrganizationId -WebsiteId $seed.MainWebsiteId
Write-Host "BadgeAdmin is connected to the sandbox at $sandbox (`$sandbox), PartnerPage and Snag. Try: Get-PartnerEntry | Get-PartnerBadge"
if ($tryNote) { Write-Host $tryNote }
Write-Host 'Seed ids: $seed. Help: Get-Help about_BadgeAdmin. Type exit to leave and stop the sandbox.'
PS1
} >"$session"

if [ -t 0 ] && [ -t 1 ]; then
    "$PWSH" -NoLogo -NoExit -File "$session"
else
    echo "Sandbox running at $address (pid $sandbox). In a terminal, open the session with:"
    echo "  $PWSH -NoExit -File $session"
    echo "Press Ctrl+C here to stop the sandbox."
    wait "$sandbox"
fi
