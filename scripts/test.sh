#!/usr/bin/env bash
# Runs every test project against real parts: a throwaway PostgreSQL cluster, a real SMTP server
# (aiosmtpd) and headless Debian Chromium. Installs what is missing (as root, via apt). Ends with
# one line "N passed, N failed"; exits non-zero when anything failed.
set -uo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/prerequisites.sh
source "$ROOT/scripts/prerequisites.sh"

require_dotnet
ensure_postgres_binaries
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
/usr/bin/python3 -c 'import aiosmtpd' >/dev/null 2>&1 || missing+=(python3-aiosmtpd)
if [ ${#missing[@]} -gt 0 ]; then
  echo "==> Installing test prerequisites: ${missing[*]}"
  if ! apt_install "${missing[@]}"; then
    echo "Missing ${missing[*]} and could not install them; run: sudo apt-get install ${missing[*]}" >&2
    exit 1
  fi
fi

# Build output and temporary files stay inside the checkout (the database sockets use /tmp: short paths).
export TMPDIR="$ROOT/.data/tmp"
mkdir -p "$TMPDIR"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "==> Building"
if ! dotnet build EventPlatform.sln -c Debug --nologo -v quiet; then
  echo "0 passed, 1 failed (the build failed)"
  exit 1
fi

RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"/*.trx
mkdir -p "$RESULTS"
status=0
for project in EventPlatform.Core.Tests EventPlatform.Data.Tests EventPlatform.Web.Tests EventPlatform.E2E; do
  echo "==> $project"
  dotnet test "tests/$project/$project.csproj" --no-build --nologo \
    --logger "trx;LogFileName=$project.trx" --logger "console;verbosity=minimal" \
    --results-directory "$RESULTS" || status=1
done

passed=0; failed=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters"); f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  echo "    $(basename "$trx" .trx): ${p:-0} passed, ${f:-0} failed"
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done
# A project that crashed before writing its results counts as a failure.
[ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
echo "Screenshots: $RESULTS/screenshots"
echo "$passed passed, $failed failed"
[ "$status" -eq 0 ] && [ "$failed" -eq 0 ]
