#!/usr/bin/env bash
# Voucher benchmarks on the embedded default (durable PostgreSQL in a fresh temp data directory),
# over real HTTP on localhost; Piggy and the load clients share one JVM.
# Usage: bench/vouchers.sh [--batch=1000000] [--find-total=10000000] [--finds=10000] [--find-warmup=20000]
#                          [--redeems=20000] [--flash=100000] [--clients=64]
# A part with size 0 is skipped. Results are printed and appended to target/bench-vouchers.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
MAVEN_OPTS="${MAVEN_OPTS:--Xmx4g}" mvn -B -q ${MVN_OFFLINE:-} -Pbench test-compile org.codehaus.mojo:exec-maven-plugin:3.5.1:java \
  -Dexec.mainClass=io.piggy.voucher.VoucherBench -Dexec.args="$*"
