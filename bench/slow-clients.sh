#!/usr/bin/env bash
# Credit receptions per second (64 clients, spread over 10,000 contacts) on their own, then again
# while 64 more clients trickle request bodies at 2 bytes a second; prints the ratio of the two.
# Issue 12's target: with the slow uploads in flight, receptions keep at least 80 % of their rate.
# Usage: bench/slow-clients.sh [seconds per phase=20] [slow clients=64]
# BENCH_SKIP_BUILD=1 reuses target/ (e.g. to measure another build's jar copied there).
set -euo pipefail
cd "$(dirname "$0")/.."
BENCH_PHASES=http BENCH_SLOW_CLIENTS=${2:-64} exec bench/credit-receptions.sh "${1:-20}" 64 10000
