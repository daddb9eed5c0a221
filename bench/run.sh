#!/bin/sh
# The issue-15 benchmark (docs/benchmarks.md, "Issue 15 — the whole workload"): starts the jar on PostgreSQL with the
# data set of bench/generate.sh, times the start-up to the sign-in page, runs the request benchmark (bench ApiBench:
# list with five filters, search, the yearly per-county summary, export, import, each next to its raw SQL), then
# throughput with wrk at 16 and 64 connections next to the same statements from 16 and 64 JDBC clients, and reads
# the resident memory. Writes target/benchmarks/run-<time>.txt.
# Settings by environment: DB (zs_bench), PORT (18080), PGHOST/PGPORT/PGUSER/PGPASSWORD, JAVA_OPTS (the documented
# memory setting, bench/lib.sh and docs/operations.md "Memory"), MODE, the way the jar starts, as bench/startup.sh
# names them: plain (the default: the jar on Java 17), cds (the extracted jar with a class data sharing archive from a
# training run), spring-cds (the jar built with `mvn -Paot package`, Spring's AOT classes used, with such an archive:
# start-up under 5 s on Java 17, docs/operations.md "Fastest start-up"), spring-aot25 (the same on Java 25, JAVA25,
# with an AOT cache); CDS=1 and SPRING_AOT=1 still name cds and spring-aot25,
# NMT (1: print the JVM's native memory summary after the runs), WARM_SECONDS (30: sequential list requests before
# the cases), RUNS, WARMUP (300 per case), EXPORT_WARMUP (3), EXPORT_RUNS (9), IMPORT_RUNS (3; 0 leaves the data set
# unchanged), WRK_SECONDS (15).
# Needs: a built jar and test classes (mvn -B package -DskipTests; mvn -B process-test-classes), wrk (Debian).
set -e
cd "$(dirname "$0")/.."
DB=${DB:-zs_bench}
PORT=${PORT:-18080}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
. bench/lib.sh
WRK_SECONDS=${WRK_SECONDS:-15}
[ -f "$JAR" ] || mvn -B -q package -DskipTests
[ -f target/test-classes/cn/zhaoshang/bench/ApiBench.class ] || mvn -B -q process-test-classes
[ -f target/bench.classpath ] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.classpath \
  -Dmdep.includeScope=test
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk"; exit 1; }
mkdir -p target/benchmarks
OUT=target/benchmarks/run-$(date -u +%Y%m%dT%H%M).txt
BASE=http://127.0.0.1:$PORT
export BASE_URL=$BASE BENCH_JDBC_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
CP="target/test-classes:target/classes:$(cat target/bench.classpath)"
say() { echo "$*" | tee -a "$OUT"; }

export SPRING_DATASOURCE_URL=$BENCH_JDBC_URL SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-} \
  ZHAOSHANG_DEMO_DATA=true ZS_DATA_DIR=${DATA_DIR:-/tmp/$DB-data}
RUN_JAR=$JAR
MODE=${MODE:-$([ "${SPRING_AOT:-0}" = 1 ] && echo spring-aot25 || { [ "${CDS:-0}" = 1 ] && echo cds; } || echo plain)}
APP_JAVA=java
case $MODE in
  plain) ;;
  cds) # the extracted jar and a class data sharing archive from a training run that stops once the context is ready
    extract_jar
    train cds java -XX:ArchiveClassesAtExit=target/cds/app.jsa
    RUN_JAR=$EXTRACTED
    JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=target/cds/app.jsa" ;;
  spring-cds) # the jar with Spring's AOT classes, extracted, with an archive trained in the same mode
    aot_jar
    extract_jar
    train spring-cds java -XX:ArchiveClassesAtExit=target/cds/spring.jsa -Dspring.aot.enabled=true
    RUN_JAR=$EXTRACTED
    JAVA_OPTS="$JAVA_OPTS -XX:SharedArchiveFile=target/cds/spring.jsa -Dspring.aot.enabled=true" ;;
  spring-aot25) # the same on Java 25 with an AOT cache from a training run in the same mode
    aot_jar
    APP_JAVA=$JAVA25
    extract_jar
    train spring-aot "$APP_JAVA" -XX:AOTCacheOutput=target/cds/spring.aot -Dspring.aot.enabled=true
    RUN_JAR=$EXTRACTED
    JAVA_OPTS="$JAVA_OPTS -XX:AOTCache=target/cds/spring.aot -Dspring.aot.enabled=true" ;;
  *) echo "MODE: plain, cds, spring-cds or spring-aot25"; exit 1 ;;
esac
[ "${NMT:-0}" = 1 ] && JAVA_OPTS="$JAVA_OPTS -XX:NativeMemoryTracking=summary"
say "# bench/run.sh $(date -u +%FT%TZ) on $(nproc) cores; database $DB; mode $MODE, $APP_JAVA; JAVA_OPTS=$JAVA_OPTS; MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX; jar $RUN_JAR"
# the imports of earlier runs leave rows that only a vacuum marks all-visible (the list's counts are index-only
# scans); autovacuum may be off or not yet due, so every run starts from a vacuumed data set
psql -q -d "$DB" -c "VACUUM ANALYZE"
say "load average before start-up: $(cat /proc/loadavg)"
say "data: $(psql -At -d "$DB" -c "SELECT (SELECT COUNT(*) FROM project) || ' projects, ' || (SELECT COUNT(*) FROM clue) || ' clues, ' || (SELECT COUNT(*) FROM merchant) || ' enterprises, ' || (SELECT COUNT(*) FROM talent) || ' talents'")"

start=$(date +%s%N)
$APP_JAVA $JAVA_OPTS -jar "$RUN_JAR" --server.port="$PORT" > target/benchmarks/app.log 2>&1 &
APP=$!
trap 'kill $APP 2>/dev/null' EXIT
until [ "$(curl -s -o /dev/null -w '%{http_code}' "$BASE/login")" = 200 ]; do
  kill -0 $APP 2>/dev/null || { tail -30 target/benchmarks/app.log; exit 1; }
  sleep 0.1
done
say "start-up to the sign-in page: $(( ($(date +%s%N) - start) / 1000000 )) ms ($(grep -o 'Started ZhaoshangApplication in [0-9.]* seconds' target/benchmarks/app.log))"
say "resident memory after start-up: $(( $(ps -o rss= -p $APP) / 1024 )) MB"

# a warm server, as in production: 30 s of sequential list requests, then each case's own warm-up (WARMUP, 300);
# a server fresh from start-up runs its first thousands of requests before the JIT has compiled the hot paths
WARM_TOKEN=$(curl -s -H 'Content-Type: application/json' -d '{"username":"city","password":"Demo@2026"}' \
  "$BASE/api/v1/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
wrk -t1 -c1 -d${WARM_SECONDS:-30}s -H "Authorization: Bearer $WARM_TOKEN" "$BASE/api/v1/projects?unit=${UNIT:-7}" > /dev/null
WARMUP=${WARMUP:-300} java -cp "$CP" cn.zhaoshang.bench.ApiBench | tee -a "$OUT"

TOKEN=$(curl -s -H 'Content-Type: application/json' -d '{"username":"city","password":"Demo@2026"}' \
  "$BASE/api/v1/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
UNIT=${UNIT:-7}
for c in 16 64; do
  for path in "/api/v1/projects?unit=$UNIT" /api/v1/units; do
    wrk -t2 -c$c -d5s -H "Authorization: Bearer $TOKEN" "$BASE$path" > /dev/null   # warm-up
    cpu0=$(awk '{print $14 + $15}' /proc/$APP/stat)
    r=$(wrk -t2 -c$c -d${WRK_SECONDS}s --latency -H "Authorization: Bearer $TOKEN" "$BASE$path")
    cpu1=$(awk '{print $14 + $15}' /proc/$APP/stat)
    rate=$(echo "$r" | awk '/Requests\/sec/ {print $2}')
    n=$(echo "$r" | awk '/requests in/ {print $1}')
    say "wrk $c connections $path: $rate req/s, p50 $(echo "$r" | awk '$1=="50%" {print $2}'), p99 $(echo "$r" | awk '$1=="99%" {print $2}'), non-2xx: $(echo "$r" | awk '/Non-2xx/ {print $5}')${n:+, application CPU $(echo "$cpu0 $cpu1 $n" | awk '{printf "%.2f", ($2 - $1) * 10 / $3}') ms/request}"
  done
  java -cp "$CP" cn.zhaoshang.bench.ApiBench sql-load $c $WRK_SECONDS | tee -a "$OUT"
done
say "resident memory after the runs: $(( $(ps -o rss= -p $APP) / 1024 )) MB"
if [ "${NMT:-0}" = 1 ]; then
  jcmd $APP VM.native_memory summary scale=MB | grep -E "Total|^-" | tee -a "$OUT"
fi
say "load average at the end: $(cat /proc/loadavg)"
echo "written: $OUT"
