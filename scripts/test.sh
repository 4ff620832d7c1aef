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

# Temporary files (test databases, Chromium profiles, SMTP spools) go to a short folder of this run's
# own under /tmp: Unix socket paths are limited to 107 bytes, and the checkout's path can be long.
TMPDIR="$(mktemp -d /tmp/ep-XXXXXX)"
# As root the test clusters run as the postgres user, who must be able to enter this folder.
chmod 755 "$TMPDIR"
touch "$TMPDIR/.started"
export TMPDIR
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

# However the run ends, leave nothing behind: stop any PostgreSQL cluster a test host left in
# TMPDIR (the fixture's watchdog normally has), end the watchdogs and build servers, remove TMPDIR.
cleanup() {
  local pg_ctl
  pg_ctl="$(command -v pg_ctl || ls /usr/lib/postgresql/*/bin/pg_ctl 2>/dev/null | sort -V | tail -1)"
  for version in "$TMPDIR"/*/postgres/PG_VERSION; do
    [ -f "$version" ] || continue
    local data; data="$(dirname "$version")"
    if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1
    else "$pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1; fi
  done
  pkill -f "ep-postgres-watchdog .*$TMPDIR" >/dev/null 2>&1 || true
  # SMTP servers end with their test host; one whose host outlived the run ends here (its Maildir is in TMPDIR).
  pkill -f "aiosmtpd.handlers.Mailbox $TMPDIR" >/dev/null 2>&1 || true
  # App processes the fault-injection suite started, should its test host have died first.
  pkill -9 -f "$ROOT/EventPlatform.Web/bin/Debug/net10.0/EventPlatform.Web.dll" >/dev/null 2>&1 || true
  dotnet build-server shutdown >/dev/null 2>&1 || true
  # Socket folders of this run's clusters (short /tmp/ep-pg-… paths, outside TMPDIR because of the
  # 107-byte limit) that a killed or restarted cluster left behind; only empty ones made since the start.
  find /tmp -maxdepth 1 -type d -name 'ep-pg-*' -empty -newer "$TMPDIR/.started" -delete 2>/dev/null || true
  rm -rf "$TMPDIR"
}
trap cleanup EXIT

echo "==> Building"
if ! dotnet build EventPlatform.sln -c Debug --nologo -v quiet; then
  echo "0 passed, 1 failed (the build failed)"
  exit 1
fi

RESULTS="$ROOT/TestResults"
rm -rf "$RESULTS"/*.trx
mkdir -p "$RESULTS"
status=0
for project in EventPlatform.Core.Tests EventPlatform.Data.Tests EventPlatform.Web.Tests EventPlatform.E2E EventPlatform.Faults; do
  echo "==> $project"
  # The fault-injection scenarios print their figures (docs/reliability.md): show test output for them.
  verbosity=minimal; [ "$project" = EventPlatform.Faults ] && verbosity=detailed
  dotnet test "tests/$project/$project.csproj" --no-build --nologo \
    --logger "trx;LogFileName=$project.trx" --logger "console;verbosity=$verbosity" \
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
