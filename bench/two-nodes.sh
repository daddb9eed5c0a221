#!/bin/sh
# Two application nodes on one PostgreSQL behind nginx (issue 15; docs/benchmarks.md, "Two nodes"; docs/operations.md,
# "Scaling out"). Starts nodes A and B (ports 18081, 18082) on the database of bench/generate.sh with the stale-clue
# job every minute, and nginx on port 18080 in front of them (round robin, the other node retried when one fails).
# Then:
#  1. throughput through nginx with both nodes (wrk, 16 and 64 connections; GET /api/v1/projects?unit=7);
#  2. signs in through nginx with the sign-in form (session cookie + CSRF), reads the ledger page, kills -9 the node
#     that served it, and reads again: still signed in, served by the other node (sessions are in PostgreSQL);
#  3. the same throughput with the one node left;
#  4. the stale-clue job: over the minutes both nodes ran, the run log of each node and ShedLock's row show one run
#     a minute across the two.
# Settings by environment: DB (zs_bench), PGHOST/PGPORT/PGUSER/PGPASSWORD, JAVA_OPTS, WRK_SECONDS (15).
# Needs: a built jar, wrk and nginx (Debian: apt-get install wrk nginx-light).
set -e
cd "$(dirname "$0")/.."
DB=${DB:-zs_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
JAVA_OPTS=${JAVA_OPTS:--Xms64m -Xmx256m -XX:MaxMetaspaceSize=192m -XX:ReservedCodeCacheSize=64m -Xss512k -XX:+UseSerialGC}
WRK_SECONDS=${WRK_SECONDS:-15}
JAR=target/zhaoshang-0.1.0-SNAPSHOT.jar
[ -f "$JAR" ] || mvn -B -q package -DskipTests
W=target/two-nodes
rm -rf $W && mkdir -p $W/nginx
OUT=target/benchmarks/two-nodes-$(date -u +%Y%m%dT%H%M).txt
mkdir -p target/benchmarks
say() { echo "$*" | tee -a "$OUT"; }
URL="jdbc:postgresql://$PGHOST:$PGPORT/$DB"

node() { # name port
  SPRING_DATASOURCE_URL=$URL SPRING_DATASOURCE_USERNAME=$PGUSER SPRING_DATASOURCE_PASSWORD=${PGPASSWORD:-} \
    ZHAOSHANG_DEMO_DATA=true ZS_DATA_DIR=${DATA_DIR:-/tmp/$DB-data} \
    java $JAVA_OPTS -jar "$JAR" --server.port="$2" --zhaoshang.clue.stale-cron="0 * * * * *" \
    > $W/$1.log 2>&1 &
  echo $! > $W/$1.pid
}
up() { until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$1/login")" = 200 ]; do sleep 0.2; done; }

cat > $W/nginx/nginx.conf <<CONF
worker_processes 1;
pid $PWD/$W/nginx/nginx.pid;
error_log $PWD/$W/nginx/error.log;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $PWD/$W/nginx/body;
  proxy_temp_path $PWD/$W/nginx/proxy;
  upstream zhaoshang {
    server 127.0.0.1:18081 max_fails=1 fail_timeout=10s;
    server 127.0.0.1:18082 max_fails=1 fail_timeout=10s;
    keepalive 64;
  }
  server {
    listen 127.0.0.1:18080;
    client_max_body_size 50m;
    location / {
      proxy_pass http://zhaoshang;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$remote_addr;
      proxy_next_upstream error timeout http_502 http_503;
      add_header X-Upstream \$upstream_addr always;
    }
  }
}
CONF

say "# bench/two-nodes.sh $(date -u +%FT%TZ) on $(nproc) cores; database $DB; JAVA_OPTS=$JAVA_OPTS"
# a node killed while it held the job's lock leaves it taken for lockAtMostFor (30 minutes): say so, do not touch it
say "ShedLock before the start: $(psql -At -d "$DB" -c "SELECT COALESCE(MAX(name || ' until ' || lock_until), 'free') FROM shedlock WHERE name = 'clue-stale-detection' AND lock_until > now()")"
node a 18081
node b 18082
trap 'kill $(cat $W/a.pid) $(cat $W/b.pid) 2>/dev/null; kill $(cat "$PWD/$W/nginx/nginx.pid") 2>/dev/null' EXIT
up 18081; up 18082
nginx -p "$PWD/$W/nginx" -c "$PWD/$W/nginx/nginx.conf"
STARTED=$(date -u +%FT%TZ)
say "both nodes up at $STARTED; load average $(cat /proc/loadavg)"
BASE=http://127.0.0.1:18080
TOKEN=$(curl -s -H 'Content-Type: application/json' -d '{"username":"city","password":"Demo@2026"}' \
  "$BASE/api/v1/auth/token" | sed 's/.*"token":"\([^"]*\)".*/\1/')
load() { # label
  for c in 16 64; do
    wrk -t2 -c$c -d5s -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/projects?unit=7" > /dev/null
    r=$(wrk -t2 -c$c -d${WRK_SECONDS}s --latency -H "Authorization: Bearer $TOKEN" "$BASE/api/v1/projects?unit=7")
    say "$1, wrk $c connections GET /api/v1/projects?unit=7: $(echo "$r" | awk '/Requests\/sec/ {print $2}') req/s, p50 $(echo "$r" | awk '$1=="50%" {print $2}'), p99 $(echo "$r" | awk '$1=="99%" {print $2}'), errors: $(echo "$r" | awk '/Non-2xx|Socket errors/' | tr '\n' ' ')"
  done
}
load "two nodes"

J=$W/cookies
csrf=$(curl -s -c $J -b $J "$BASE/login" | sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' | head -1)
code=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' -c $J -b $J --data-urlencode "username=city" \
  --data-urlencode "password=Demo@2026" --data-urlencode "_csrf=$csrf" "$BASE/login")
say "sign-in form through nginx: $code"
served=$(curl -s -D - -o $W/page1.html -b $J -c $J "$BASE/projects" | awk -F': ' 'tolower($1)=="x-upstream" {print $2}' | tr -d '\r')
say "ledger page served by $served: $(grep -c 'id="username"' $W/page1.html) sign-in forms, $(grep -o '<title>[^<]*' $W/page1.html | head -1)"
case "$served" in *18081*) victim=a ;; *) victim=b ;; esac
kill -9 "$(cat $W/$victim.pid)"
say "kill -9 node $victim ($served) at $(date -u +%T)"
served2=$(curl -s -D - -o $W/page2.html -b $J -c $J "$BASE/projects" | awk -F': ' 'tolower($1)=="x-upstream" {print $2}' | tr -d '\r')
say "ledger page again, served by $served2: $(grep -c 'id="username"' $W/page2.html) sign-in forms, $(grep -o '<title>[^<]*' $W/page2.html | head -1)"
csrf2=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' $W/page2.html | head -1)
say "a write after the kill (POST /projects/display with the page's CSRF token): $(curl -s -o /dev/null -w '%{http_code} -> %{redirect_url}' -b $J -c $J --data-urlencode unit=WAN --data-urlencode back=/projects --data-urlencode "_csrf=$csrf2" "$BASE/projects/display")"
load "one node left"

# the stale-clue job: at start-up (catch-up) and every minute on both nodes' schedules, each time run by one of them
# (ShedLock; a run holds the lock for at least a minute, so a node whose clock fires a moment later skips that minute)
now=$(date +%s); wait=$(( 185 - (now - $(date -d "$STARTED" +%s)) )); [ $wait -gt 0 ] && sleep $wait
runs_a=$(grep -c 'Stale clue detection' $W/a.log || true)
runs_b=$(grep -c 'Stale clue detection' $W/b.log || true)
say "stale-clue job since $STARTED: node a ran it $runs_a times, node b $runs_b times (both scheduled every minute)"
grep -h 'Stale clue detection' $W/a.log $W/b.log | cut -c1-19 | sort | uniq -c | sed 's/^/  per minute: /' | tee -a "$OUT"
say "ShedLock: $(psql -At -d "$DB" -c "SELECT name || ' locked at ' || locked_at || ' by ' || locked_by FROM shedlock WHERE name = 'clue-stale-detection'")"
echo "written: $OUT"
