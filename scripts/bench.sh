#!/usr/bin/env bash
# Runs the performance bench on its own PostgreSQL with durable settings and prints a
# markdown report, also written to bench/results/latest.md. Not part of the test command.
#   ./scripts/bench.sh                         # N = 16, 64, 256 buyers, 3 runs each
#   ./scripts/bench.sh --buyers 16,64 --runs 3
#   ./scripts/bench.sh --scenarios pages,kiosk  # onsale, pages, fanout, kiosk (all by default)
#   ./scripts/bench.sh --scenarios pages --catalog-sizes 1000,10000  # the pages' catalog growth series (default 1000,10000,100000)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=scripts/prerequisites.sh
source "$ROOT/scripts/prerequisites.sh"
require_dotnet
ensure_postgres_binaries
ensure_chromium
cd "$ROOT"
dotnet run -c Release --project bench/EventPlatform.Bench -- "$@"
