#!/bin/sh
# The whole workload at 100x Puyang in a fresh PostgreSQL database (issue 15; docs/benchmarks.md, "Data set"):
# 500,000 enterprises, 20,000 talents, 200,000 projects with stage moves, credit shares, progress and 24 months of
# funds, 1,000,000 clues with their follow-ups. The same SEED, SCALE, LAST_MONTH and TODAY give the same rows.
# Settings by environment: DB (zs_bench), PGHOST (127.0.0.1), PGPORT (5432), PGUSER (postgres), PGPASSWORD, SEED
# (2026), SCALE (1 = 100x Puyang; 0.1 for a quick try), LAST_MONTH (last month), TODAY (today), DATA_DIR
# (documents, /tmp/$DB-data).
# The database is dropped and made anew. Afterwards start the application on it with the same environment
# (bench/run.sh does): SPRING_DATASOURCE_URL=jdbc:postgresql://$PGHOST:$PGPORT/$DB ZHAOSHANG_DEMO_DATA=true.
set -e
cd "$(dirname "$0")/.."
DB=${DB:-zs_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
SEED=${SEED:-2026}
SCALE=${SCALE:-1}
LAST_MONTH=${LAST_MONTH:-$(date -d "$(date +%Y-%m-01) -1 day" +%Y-%m)}   # the last month with facts
TODAY=${TODAY:-$(date +%F)}                                             # clues idle 30 days by then are flagged
JAR=target/zhaoshang-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests
[ -f target/test-classes/cn/zhaoshang/bench/DataSetGenerator.class ] || mvn -B -q process-test-classes
DRIVER=$(ls ~/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar | grep -v sources | sort -V | tail -1)
URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"
export SPRING_DATASOURCE_URL="$URL" SPRING_DATASOURCE_USERNAME="$PGUSER" SPRING_DATASOURCE_PASSWORD="${PGPASSWORD:-}"
export ZHAOSHANG_DEMO_DATA=true ZS_DATA_DIR=${DATA_DIR:-/tmp/$DB-data}
echo "load average at start: $(cat /proc/loadavg)"
start=$(date +%s)
dropdb --if-exists "$DB"
createdb -E UTF8 -T template0 "$DB"
rebuild() {
  java -jar "$JAR" --server.port=0 --zhaoshang.rebuild-read-models=true --zhaoshang.rebuild-read-models.exit=true \
    > "target/generate-$1.log" 2>&1 || { tail -40 "target/generate-$1.log"; exit 1; }
  grep -h "Read models rebuilt" "target/generate-$1.log" || true
}
echo "1. schema and demo data (the application migrates the new database, then stops)"
rebuild migrate
echo "2. data set (seed $SEED, scale $SCALE, facts up to $LAST_MONTH, stale flags as of $TODAY)"
java -Xmx2g -cp "target/test-classes:target/classes:$DRIVER" cn.zhaoshang.bench.DataSetGenerator --url "$URL" \
  --user "$PGUSER" --password "${PGPASSWORD:-}" --seed "$SEED" --scale "$SCALE" \
  --last-month "$LAST_MONTH" --today "$TODAY"
echo "3. summary tables rebuilt by the application"
rebuild sums
echo "4. VACUUM ANALYZE"
psql -q -d "$DB" -c 'VACUUM ANALYZE'
echo "done in $(( $(date +%s) - start )) s; load average at the end: $(cat /proc/loadavg)"
