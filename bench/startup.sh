#!/bin/sh
# Start-up to the sign-in page, the plain jar against the extracted jar with a class data sharing archive (issue 15;
# docs/benchmarks.md, docs/operations.md "Start-up"), and, where a Java 25 is installed (JAVA25, by default Temurin's
# under /usr/lib/jvm), the extracted jar on Java 25 with an ahead-of-time cache (JEP 483/514/515: classes loaded and
# linked, method profiles); each of the last two also with Spring's build-time AOT processing (the jar built with
# `mvn -Paot package`, started with -Dspring.aot.enabled=true; ADR 0020): spring-cds and spring-aot25. Starts each way
# RUNS times (3) on the data set's database and prints every time, the resident memory and the median. Settings by environment as bench/run.sh: DB (zs_bench), PORT (18080),
# PGHOST/PGPORT/PGUSER/PGPASSWORD, JAVA_OPTS (the documented memory setting).
set -e
cd "$(dirname "$0")/.."
DB=${DB:-zs_bench}
PORT=${PORT:-18080}
RUNS=${RUNS:-3}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
. bench/lib.sh
[ -f "$JAR" ] || mvn -B -q package -DskipTests
aot_jar
export SPRING_DATASOURCE_URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB" SPRING_DATASOURCE_USERNAME=$PGUSER \
  SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-} ZHAOSHANG_DEMO_DATA=true ZS_DATA_DIR=${DATA_DIR:-/tmp/$DB-data}
mkdir -p target/benchmarks
extract_jar
train cds java -XX:ArchiveClassesAtExit=target/cds/app.jsa
train spring-cds java -XX:ArchiveClassesAtExit=target/cds/spring.jsa -Dspring.aot.enabled=true
[ -x "$JAVA25" ] || JAVA25=
if [ -n "$JAVA25" ]; then # the training run on Java 25 writes the cache when the context is ready
  train aot "$JAVA25" -XX:AOTCacheOutput=target/cds/app.aot
  train spring-aot "$JAVA25" -XX:AOTCacheOutput=target/cds/spring.aot -Dspring.aot.enabled=true
fi
once() { # $1: label, $2: the java command, then its arguments
  label=$1; java=$2; shift 2
  start=$(date +%s%N)
  $java $JAVA_OPTS "$@" --server.port="$PORT" > target/benchmarks/startup.log 2>&1 &
  app=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/login")" = 200 ]; do
    kill -0 $app 2>/dev/null || { tail -30 target/benchmarks/startup.log; exit 1; }
    sleep 0.05
  done
  ms=$(( ($(date +%s%N) - start) / 1000000 ))
  rss=$(( $(ps -o rss= -p $app) / 1024 ))
  kill $app; wait $app 2>/dev/null || true
  echo "$label $ms ms (resident $rss MB; $(grep -o 'Started ZhaoshangApplication in [0-9.]* seconds' target/benchmarks/startup.log))"
}
echo "load average: $(cat /proc/loadavg)"
for i in $(seq "$RUNS"); do
  once plain java -jar "$JAR"
  once cds java -XX:SharedArchiveFile=target/cds/app.jsa -jar "$EXTRACTED"
  [ -z "$JAVA25" ] || once aot25 "$JAVA25" -XX:AOTCache=target/cds/app.aot -jar "$EXTRACTED"
  once spring-cds java -XX:SharedArchiveFile=target/cds/spring.jsa -Dspring.aot.enabled=true \
    -jar "$EXTRACTED"
  [ -z "$JAVA25" ] || once spring-aot25 "$JAVA25" -XX:AOTCache=target/cds/spring.aot -Dspring.aot.enabled=true \
    -jar "$EXTRACTED"
done | tee target/benchmarks/startup.txt
for label in plain cds aot25 spring-cds spring-aot25; do
  echo "$label median: $(awk -v l=$label '$1 == l {print $2}' target/benchmarks/startup.txt | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}') ms"
done
echo "load average: $(cat /proc/loadavg)"
