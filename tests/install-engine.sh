#!/usr/bin/env bash
# Installs what the tests need beyond the .NET SDK into .tools/ (ignored by git), from NuGet, once:
#   .tools/pwsh/pwsh                               PowerShell 7.6.9 (the `PowerShell` dotnet tool)
#   .tools/packages/pester/5.9.1/tools/Pester.psd1 Pester 5.9.1 (the package's tools/ folder is the module)
# Prints the two paths as shell assignments (PWSH=..., PESTER=...) on its last two lines. Safe to run again.
# With --pwsh-only (try.sh: trying the module needs no test framework), only pwsh, and only the PWSH= line.
set -euo pipefail
cd "$(dirname "$0")/.."
tools=.tools
pwsh_bin="$tools/pwsh/pwsh"
pester_psd1="$tools/packages/pester/5.9.1/tools/Pester.psd1"
pester=yes
[ "${1:-}" = "--pwsh-only" ] && pester=no

if [ ! -x "$pwsh_bin" ]; then
    echo "Installing PowerShell 7.6.9 into $tools/pwsh ..." >&2
    # dotnet's own advice ("You can invoke the tool using ... pwsh") names a command that is not on the PATH: only
    # failures are shown.
    if ! output=$(dotnet tool install PowerShell --version 7.6.9 --tool-path "$tools/pwsh" 2>&1); then
        echo "$output" >&2
        exit 1
    fi
fi
if [ $pester = yes ] && [ ! -f "$pester_psd1" ]; then
    echo "Fetching Pester 5.9.1 into $tools/packages ..." >&2
    dotnet restore tests/tools/PesterDownload.csproj --packages "$tools/packages" -nologo >&2
fi
[ -x "$pwsh_bin" ] || { echo "pwsh was not installed at $pwsh_bin" >&2; exit 1; }
echo "PWSH=$(pwd)/$pwsh_bin"
if [ $pester = yes ]; then
    [ -f "$pester_psd1" ] || { echo "Pester was not fetched to $pester_psd1" >&2; exit 1; }
    echo "PESTER=$(pwd)/$pester_psd1"
fi
