#!/bin/sh
# The database's own cost of the rows an import of 10,000 new projects writes (issue 15, docs/benchmarks.md "Third
# round"): 10,000 project rows and 10,000 enterprise rows copied by one INSERT … SELECT each on the data set of
# bench/generate.sh, with every index of the tables, without the two trigram indexes of the project, and with only the
# project's unique indexes; each in a transaction that is rolled back, and the two tables vacuumed at the end (the
# rolled-back rows are dead tuples: left behind they bloat the indexes and clear the visibility map, so the list's
# index-only counts would read the table — the data set is left as it was). No Java, no round trips: what is left is
# the writing of the rows and their index entries, the floor under any import.
# Settings by environment: DB (zs_bench), PGHOST/PGPORT/PGUSER/PGPASSWORD, RUNS (3).
set -e
DB=${DB:-zs_bench}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
RUNS=${RUNS:-3}
q() { psql -At -d "$DB" -c "$1"; }
columns() { # the table's columns but its key, code and names
  q "SELECT string_agg(column_name, ', ' ORDER BY ordinal_position) FROM information_schema.columns
     WHERE table_name = '$1' AND column_name NOT IN ('id', 'code', 'name', 'normalized_name', 'uscc')
     AND is_generated = 'NEVER' AND (column_default IS NULL OR column_default NOT LIKE 'nextval%')"
}
P=$(columns project)
M=$(columns merchant)
FIRST=$(q "SELECT MIN(id) FROM project")
PROJECTS="INSERT INTO project (code, name, $P) SELECT 'FLOOR-' || id, name || '#floor', $P FROM project
  WHERE id >= $FIRST ORDER BY id LIMIT 10000;"
FIRSTM=$(q "SELECT MIN(id) FROM merchant")
MERCHANTS="INSERT INTO merchant (name, normalized_name, $M) SELECT name || '#floor', normalized_name || '#floor', $M
  FROM merchant WHERE id >= $FIRSTM ORDER BY id LIMIT 10000;"
TRGM="DROP INDEX ix_project_investor_trgm; DROP INDEX ix_project_name_trgm;"
SECONDARY=$(q "SELECT string_agg('DROP INDEX ' || indexname, '; ') || ';' FROM pg_indexes
  WHERE tablename = 'project' AND indexname LIKE 'ix\_%'")
timed() { # $1: label, $2: statements before (dropped indexes, rolled back too), $3: the insert
  printf 'BEGIN;\n%s\n\\timing on\n%s\n\\timing off\nROLLBACK;\n' "$2" "$3" | psql -q -d "$DB" 2>&1 \
    | sed -n "s/^Time: \([0-9.]*\) ms.*/$1: \1 ms/p"
}
echo "load average: $(cat /proc/loadavg); $(q "SELECT COUNT(*) FROM project") projects, $(q "SELECT COUNT(*) FROM pg_indexes WHERE tablename = 'project'") indexes on project"
for i in $(seq "$RUNS"); do
  timed "10,000 projects, every index" "" "$PROJECTS"
  timed "10,000 projects, without the 2 trigram indexes" "$TRGM" "$PROJECTS"
  timed "10,000 projects, unique indexes only" "$SECONDARY" "$PROJECTS"
  timed "10,000 enterprises, every index" "" "$MERCHANTS"
done
echo "load average: $(cat /proc/loadavg)"
psql -q -d "$DB" -c "VACUUM ANALYZE project" -c "VACUUM ANALYZE merchant"
