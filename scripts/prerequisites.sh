#!/usr/bin/env bash
# Shared checks for run.sh and test.sh: say clearly what is missing, install it where we can.

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then sudo "$@"; else return 1; fi
}

APT_UPDATED=0
apt_install() {
  if ! command -v apt-get >/dev/null 2>&1; then return 1; fi
  if [ "$APT_UPDATED" -eq 0 ]; then as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq || return 1; APT_UPDATED=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

require_dotnet() {
  if ! command -v dotnet >/dev/null 2>&1 || ! dotnet --list-sdks | grep -q '^10\.'; then
    echo "The .NET 10 SDK is required: https://dotnet.microsoft.com/download/dotnet/10.0" >&2
    exit 1
  fi
}

postgres_binaries_present() {
  command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1 && return 0
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1
}

ensure_postgres_binaries() {
  if postgres_binaries_present; then return 0; fi
  echo "==> Installing the PostgreSQL server binaries (apt-get install postgresql)"
  if ! apt_install postgresql; then
    echo "PostgreSQL server binaries (initdb, pg_ctl) are missing and could not be installed." >&2
    echo "Install them (Debian/Ubuntu: sudo apt-get install postgresql), or set ConnectionStrings__Default" >&2
    echo "to an existing PostgreSQL database." >&2
    exit 1
  fi
  # The Debian package starts its own cluster on port 5432; we use our own, so leave it be.
}

# Debian's Chromium, for the browser tests and the bench's circuits (never a downloaded browser).
ensure_chromium() {
  if [ -x /usr/bin/chromium ]; then return 0; fi
  echo "==> Installing Chromium (apt-get install chromium)"
  if ! apt_install chromium; then
    echo "Chromium is missing and could not be installed; run: sudo apt-get install chromium" >&2
    exit 1
  fi
}
