#!/bin/sh
# Ledger list benchmark (docs/benchmarks.md, "Ledger list"). Needs the application running against a database with a
# generated ledger (see docs/benchmarks.md for the three commands) and the PostgreSQL driver in the local Maven
# repository (any build of this project puts it there). Settings by environment: BASE_URL, BENCH_JDBC_URL, RUNS,
# WARMUP, UNIT, CHAIN, Q. Prints the table and writes target/benchmarks/ledger-list.txt.
set -e
cd "$(dirname "$0")/.."
DRIVER=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
echo "load average at start: $(cat /proc/loadavg)"
exec java -cp "$DRIVER" bench/LedgerListBench.java
