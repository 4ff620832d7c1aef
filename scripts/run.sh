#!/usr/bin/env bash
# Runs EventPlatform at http://localhost:5000 on an embedded PostgreSQL with demo data.
# Installs the PostgreSQL server binaries when missing (as root, via apt). Ctrl+C stops the app
# and its database; the next run reuses the data in .data/.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
# shellcheck source=scripts/prerequisites.sh
source "$ROOT/scripts/prerequisites.sh"

require_dotnet
ensure_postgres_binaries

echo "==> Building"
dotnet build EventPlatform.Web/EventPlatform.Web.csproj -c Debug --nologo -v quiet

cat <<INFO

==> EventPlatform is starting at http://localhost:5000
    Demo sign-ins (demo only — password for all: Demo-Passw0rd!)
      Platform admin   admin@demo.eventplatform.test
      Riverside Arts   owner@riverside.demo.eventplatform.test  (Owner)
                       manager@riverside.demo.eventplatform.test (Manager)
                       staff@riverside.demo.eventplatform.test   (CheckInStaff)
      Northwind Tech   owner@northwind.demo.eventplatform.test  (Owner)
                       manager@northwind.demo.eventplatform.test (Manager)
                       staff@northwind.demo.eventplatform.test   (CheckInStaff)
      Attendees        alice@ / bob@ / carol@demo.eventplatform.test
    Emails (sign-in links, confirmations) appear at http://localhost:5000/dev/mailbox
    Press Ctrl+C to stop.

INFO

export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
cd EventPlatform.Web
exec dotnet bin/Debug/net10.0/EventPlatform.Web.dll \
  --urls "${EVENTPLATFORM_URLS:-http://localhost:5000}" \
  --Storage:DataDirectory="$ROOT/.data"
