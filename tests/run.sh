#!/usr/bin/env bash
# The test command (README "Tests"; .ci/run calls it). Needs only the .NET SDK: installs pwsh 7.6.9 and Pester 5.9.1
# into .tools/ when missing, builds in Release, runs every xunit project, every Pester suite and the try.sh check, and
# ends with one line summing them all: "N passed, N failed[, N skipped]". A missing pwsh or Pester is a failure, never
# a skip.
set -uo pipefail
cd "$(dirname "$0")/.."
results=out/test-results
rm -rf "$results"
mkdir -p "$results"
passed=0; failed=0; skipped=0; status=0
fail() { echo "$1"; failed=$((failed + 1)); status=1; }

echo "== Engine: pwsh and Pester"
engine=$(bash tests/install-engine.sh) || { fail "Could not install pwsh/Pester."; echo "$passed passed, $failed failed"; exit 1; }
eval "$(echo "$engine" | tail -n 2)"
"$PWSH" -NoProfile -NonInteractive -Command '"pwsh " + $PSVersionTable.PSVersion'

echo "== Build (Release)"
if ! dotnet build BadgeAdmin.sln -c Release -nologo; then
    echo "Build failed."
    echo "0 passed, 1 failed"
    exit 1
fi

for project in tests/BadgeAdmin.Tests tests/BadgeAdmin.Engine.Tests; do
    name=$(basename "$project")
    echo "== xunit: $name"
    dotnet test "$project" -c Release --no-build -nologo --logger "trx;LogFileName=$name.trx" \
        --logger "console;verbosity=normal" --results-directory "$results" || status=1
    trx="$results/$name.trx"
    if [ -f "$trx" ]; then
        counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
        count() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*' || echo 0; }
        total=$(count total); executed=$(count executed); xpassed=$(count passed); xfailed=$(count failed)
        echo "$name: $xpassed passed, $xfailed failed, $((total - executed)) skipped"
        passed=$((passed + xpassed)); failed=$((failed + xfailed)); skipped=$((skipped + total - executed))
    else
        fail "$name: no results file; counted as a failure."
    fi
done

echo "== Pester"
pester_result="$results/pester.txt"
"$PWSH" -NoProfile -NonInteractive -File tests/Invoke-PesterSuite.ps1 -PesterPath "$PESTER" -ResultFile "$pester_result"
code=$?
if [ -f "$pester_result" ]; then
    read -r ppassed pfailed pskipped < "$pester_result"
    echo "pester: $ppassed passed, $pfailed failed, $pskipped skipped"
    passed=$((passed + ppassed)); failed=$((failed + pfailed)); skipped=$((skipped + pskipped))
    [ "$code" -eq 0 ] || status=1
else
    fail "Pester did not report results (exit $code); counted as a failure."
fi

echo "== try.sh (last: it rebuilds out/)"
try_log="$results/try-script.txt"
bash tests/try-script.sh >"$try_log" 2>&1
cat "$try_log"
try_result=$(tail -n 1 "$try_log")
if [[ "$try_result" =~ ^try-script:\ ([0-9]+)\ passed,\ ([0-9]+)\ failed$ ]]; then
    passed=$((passed + BASH_REMATCH[1])); failed=$((failed + BASH_REMATCH[2]))
else
    fail "try-script did not report results; counted as a failure."
fi

[ "$failed" -eq 0 ] || status=1
if [ "$skipped" -gt 0 ]; then
    echo "$passed passed, $failed failed, $skipped skipped"
else
    echo "$passed passed, $failed failed"
fi
exit $status
