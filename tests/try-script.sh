#!/usr/bin/env bash
# Checks try.sh as a new user meets it, here without a terminal (as CI runs it): it builds, starts the sandbox and
# prints how to open the session; that session is connected to both emulated APIs, with the address in $sandbox and a
# readable $seed; the sandbox listens on 127.0.0.1:5080 when that port is free, and when it is taken a second try.sh
# listens elsewhere and tells the user so exactly once (its session says it); Ctrl+C (SIGINT to its process group, as
# a terminal sends it) stops try.sh and the sandbox within seconds, and leaves none of its files in the temporary
# folder. Run by tests/run.sh after every other suite, because try.sh rebuilds out/. Prints one line per check and
# "try-script: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
passed=0; failed=0
check() { if [ "$2" = 0 ]; then echo "  [+] $1"; passed=$((passed + 1)); else echo "  [-] $1${3:+: $3}"; failed=$((failed + 1)); fi; }
# try.sh's temporary files go here (TMPDIR), so what it leaves behind is seen apart from other programs' files.
tmp=$(mktemp -d)
listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Starts try.sh in its own process group (as a command started from a terminal), logging to $1; sets $try.
start_try() {
    set -m
    TMPDIR="$tmp" bash try.sh </dev/null >"$1" 2>&1 &
    try=$!
    set +m
}

# Waits up to 5 minutes for the log $1 to say the sandbox runs; 0 when it does.
wait_started() {
    for _ in $(seq 1 1200); do
        grep -q '^Sandbox running at ' "$1" && return 0
        kill -0 "$2" 2>/dev/null || return 1
        sleep 0.25
    done
    return 1
}

# How many times a user reads that port 5080 is taken: in try.sh's output $1 and in the session $2 it opens (Write-Host
# included), started as in a terminal.
note_count() {
    { cat "$1"; [ -f "$2" ] && "$pwsh" -NoProfile -NonInteractive -Command ". '$2'" 2>&1; } | grep -c 'Port 5080 is taken'
}

# Sends Ctrl+C to try.sh $1 and waits up to 30 s for it to end (a loaded CI host can take a few seconds).
stop_try() {
    kill -0 "$1" 2>/dev/null || return 1
    kill -INT -- "-$1"
    for _ in $(seq 1 120); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.25; done
    return 1
}

log="$tmp/first.log"
start_try "$log"
first=$try
started=1
wait_started "$log" "$first" && started=0
check "try.sh builds, starts the sandbox and prints how to open the session" $started "$(tail -n 5 "$log")"

command_line=$(grep -- '-NoExit -File ' "$log" | head -n 1)
pwsh=$(echo "$command_line" | awk '{print $1}')
session=$(echo "$command_line" | awk '{print $NF}')
base=$(sed -n 's/^Sandbox running at \([^ ]*\) .*/\1/p' "$log")
host_port=${base#http://}; host_port=${host_port%/}

# Other worktrees may hold 5080 at any moment, so the port's state is judged when try.sh chose: it says it is taken
# only when something else listens there, and says it once (try.sh and its session once printed it each).
if [ -n "$base" ] && [ "$base" != "http://127.0.0.1:5080" ]; then
    said=1; shown=$(note_count "$log" "$session")
    listening 5080 && [ "$shown" = 1 ] && said=0
    check "with port 5080 taken by another program, the sandbox listens on another port and the user is told so once" $said "told $shown time(s); $(head -n 3 "$log")"
else
    on5080=1; [ "$base" = "http://127.0.0.1:5080" ] && on5080=0
    check "with port 5080 free, the sandbox listens on http://127.0.0.1:5080 (the README's address)" $on5080 "it listens on '$base'"
fi

in_tmp=1; [ -n "$session" ] && [ "${session#"$tmp"/}" != "$session" ] && in_tmp=0
check "the session file lies in the temporary folder (TMPDIR)" $in_tmp "$session"

quiet=0; grep -Eq 'You can invoke the tool|Pester' "$log" && quiet=1
check "try.sh prints no dotnet tool advice and fetches no Pester" $quiet "$(grep -E 'You can invoke the tool|Pester' "$log")"

connected=1; answer=""
if [ $started = 0 ] && [ -x "$pwsh" ] && [ -f "$session" ]; then
    answer=$("$pwsh" -NoProfile -NonInteractive -Command ". '$session' 6>\$null
        \$badges = @(Get-PartnerEntry | Get-PartnerBadge)
        \$loyalty = @(Get-LoyaltyBadge -First 3)
        \$shown = \$seed | Out-String -Width 120
        \$readable = \$shown -notmatch 'System.Object\[\]|@\{' -and \$shown -match [regex]::Escape(\$seed.snag.organizationId) -and \$shown -match 'EntryIds'
        if (\$badges.Count -gt 0 -and \$loyalty.Count -eq 3 -and @(Get-BadgeAdminConnection).Count -eq 2 -and \$sandbox -eq '$base' -and \$readable) { 'connected' }
        else { \"badges \$(\$badges.Count), loyalty \$(\$loyalty.Count), sandbox '\$sandbox', seed shown as: \$shown\" }" 2>&1)
    [ "$answer" = connected ] && connected=0
fi
check "the printed session is connected to both APIs, with \$sandbox the address and \$seed readable" $connected "$answer"

# With the first sandbox on 5080, a second try.sh finds the port taken: it must say so and still work.
if [ "$base" = "http://127.0.0.1:5080" ]; then
    log2="$tmp/second.log"
    start_try "$log2"
    second=$try
    said=1; shown=""
    if wait_started "$log2" "$second"; then
        base2=$(sed -n 's/^Sandbox running at \([^ ]*\) .*/\1/p' "$log2")
        session2=$(grep -- '-NoExit -File ' "$log2" | head -n 1 | awk '{print $NF}')
        shown=$(note_count "$log2" "$session2")
        [ "$base2" != "http://127.0.0.1:5080" ] && [ "$shown" = 1 ] && said=0
    fi
    check "with port 5080 taken, a second try.sh listens on another port and tells the user so once" $said "told ${shown:-?} time(s); $(head -n 3 "$log2")"
    stop_try "$second" || kill -KILL -- "-$second" 2>/dev/null
fi

stopped=1; why="try.sh had already exited"
if kill -0 "$first" 2>/dev/null; then
    stop_try "$first"
    alive=no; kill -0 "$first" 2>/dev/null && alive=yes
    still=no; listening "${host_port#*:}" && still=yes
    if [ $alive = no ] && [ $still = no ]; then stopped=0; why=""; else why="try.sh still running: $alive; sandbox still listening: $still"; fi
fi
check "Ctrl+C stops try.sh and the sandbox" $stopped "$why"
kill -KILL -- "-$first" 2>/dev/null

left=$(cd "$tmp" && ls -A | grep -v -e '^first.log$' -e '^second.log$' | grep -i -e 'badgeadmin' -e '^tmp\.' || true)
clean=1; [ -z "$left" ] && [ ! -e "$session" ] && clean=0
check "try.sh leaves none of its files in the temporary folder" $clean "left: $left ${session:+(session file: $session)}"
rm -rf "$tmp"

echo "try-script: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
