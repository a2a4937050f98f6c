#!/usr/bin/env bash
# make bench-distributed: the seed scenario (96 symbols x 2 windows: 176 trained, 16 skipped)
# trained by one process on the SQLite ledger, and by 1, 2 and 4 `sensequant worker` processes
# against one PostgreSQL server on this machine; and the ledger's own cost per window.
# Starts a throwaway PostgreSQL cluster (default settings, fsync on) and removes it at the end.
# Usage: scripts/bench-distributed.sh BINARY OUTPUT.md [RUNS]
set -euo pipefail
BIN=$(realpath "$1"); OUT=$(realpath -m "$2"); RUNS=${3:-3}
cd /tmp
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
WORK=$(mktemp -d /tmp/sq-bench-dist-XXXXXX)
as_pg() { if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" -eq 0 ] && chown postgres "$WORK"
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -m fast -w stop >/dev/null 2>&1 || true; rm -rf "$WORK"; }
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$WORK/pg" -U sensequant --auth=trust >/dev/null
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
as_pg "$PGBIN/pg_ctl" -D "$WORK/pg" -l "$WORK/pg.log" -w -o "-p $PORT -k $WORK -c listen_addresses=127.0.0.1" start >/dev/null
PG_VERSION=$("$PGBIN/postgres" --version)
psql_() { "$PGBIN/psql" -h 127.0.0.1 -p "$PORT" -U sensequant -At "$@"; }

# The seed market: the NIFTY 100 less four symbols, eight of them without 2024 bars.
MISSING="NESTLEIND NTPC ONGC POWERGRID SBIN SUNPHARMA TATAMOTORS WIPRO"
"$BIN" universe list nifty100 --data-dir "$WORK/market" | awk '!/^#/ {print $1}' | LC_ALL=C sort > "$WORK/all.txt"
python3 - "$WORK/all.txt" "$WORK/symbols.txt" $MISSING <<'PY'
import sys
allsyms = [l.strip() for l in open(sys.argv[1]) if l.strip()]
missing = sys.argv[3:]
dropped = [s for s in allsyms if s not in missing][-4:]
open(sys.argv[2], "w").write("\n".join(s for s in allsyms if s not in dropped) + "\n")
PY
[ "$(wc -l < "$WORK/symbols.txt")" -eq 96 ] || { echo "bench-distributed: expected 96 seed symbols, got $(wc -l < "$WORK/symbols.txt")" >&2; exit 1; }
GAPS=(); for s in $MISSING; do GAPS+=(--gap "$s:2024-01-01..2024-12-31"); done
"$BIN" synthesize --symbols-file "$WORK/symbols.txt" --start-date 2023-06-01 --end-date 2025-01-31 --data-dir "$WORK/market" "${GAPS[@]}" >/dev/null
TRAIN=(--symbols-file "$WORK/symbols.txt" --start-date 2024-01-01 --end-date 2024-12-26 --window-days 180 --no-evaluate)

root() { local d="$WORK/root-$1"; rm -rf "$d"; mkdir -p "$d"; ln -s "$WORK/market/historical" "$d/historical"; echo "$d"; }
now() { date +%s.%N; }
median() { sort -g | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.2f", m}'; }
range() { sort -g | awk 'NR==1{lo=$1} {hi=$1} END {printf "%.2f..%.2f", lo, hi}'; }

# One process, SQLite, the default --workers (the number of cores).
: > "$WORK/sqlite.txt"
for r in $(seq 0 "$RUNS"); do
  d=$(root sqlite); t0=$(now)
  "$BIN" train "${TRAIN[@]}" --data-dir "$d" > "$WORK/train.out"
  t=$(echo "$(now) - $t0" | bc); grep -q "status completed: 176 trained, 16 skipped" "$WORK/train.out"
  [ "$r" -gt 0 ] && echo "$t" >> "$WORK/sqlite.txt"   # run 0 warms the page cache
done
echo "sqlite, 1 process: $(median < "$WORK/sqlite.txt") s"

# N worker processes (one thread each) against one server; the batch is planned beforehand.
for n in 1 2 4; do
  : > "$WORK/workers-$n.txt"
  for r in $(seq 1 "$RUNS"); do
    db="w${n}r${r}"; psql_ -d postgres -c "CREATE DATABASE $db" >/dev/null
    url="postgresql://sensequant@127.0.0.1:$PORT/$db?sslmode=disable"
    d=$(root "w$n")
    id=$("$BIN" train "${TRAIN[@]}" --data-dir "$d" --plan-only --ledger "$url" | head -1 | sed 's/^batch //')
    t0=$(now); pids=()
    for k in $(seq 1 "$n"); do "$BIN" worker --ledger "$url" --data-dir "$d" --batch "$id" --workers 1 > "$WORK/worker-$k.out" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p"; done
    t=$(echo "$(now) - $t0" | bc)
    [ "$(psql_ -d "$db" -c "SELECT string_agg(status, ',') FROM batches")" = "completed" ]
    [ "$(psql_ -d "$db" -c "SELECT count(*) FROM windows WHERE status = 'success'")" = "176" ]
    echo "$t" >> "$WORK/workers-$n.txt"
  done
  echo "$n worker process(es): $(median < "$WORK/workers-$n.txt") s"
done

# One worker process with as many threads as cores: the same parallelism as the SQLite run.
: > "$WORK/workers-1x.txt"
for r in $(seq 1 "$RUNS"); do
  db="w1xr${r}"; psql_ -d postgres -c "CREATE DATABASE $db" >/dev/null
  url="postgresql://sensequant@127.0.0.1:$PORT/$db?sslmode=disable"
  d=$(root "w1x")
  id=$("$BIN" train "${TRAIN[@]}" --data-dir "$d" --plan-only --ledger "$url" | head -1 | sed 's/^batch //')
  t0=$(now)
  "$BIN" worker --ledger "$url" --data-dir "$d" --batch "$id" > "$WORK/worker-1x.out"
  echo "$(echo "$(now) - $t0" | bc)" >> "$WORK/workers-1x.txt"
  [ "$(psql_ -d "$db" -c "SELECT count(*) FROM windows WHERE status = 'success'")" = "176" ]
done
echo "1 worker process, $(nproc) threads: $(median < "$WORK/workers-1x.txt") s"

psql_ -d postgres -c "CREATE DATABASE claims" >/dev/null
CLAIMS=$("$BIN" bench-claims --ledger "postgresql://sensequant@127.0.0.1:$PORT/claims?sslmode=disable" --windows 2000)
echo "ledger: $CLAIMS"

CORES=$(nproc)
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)
cat > "$OUT" <<MD
# Distributed training: benchmarks

Written by \`make bench-distributed\` (scripts/bench-distributed.sh) on $(date -u +%Y-%m-%d), $CORES cores,
$PG_VERSION on the same machine (a throwaway cluster with default settings; loopback TCP).
The seed scenario: 96 symbols x 2 windows = 192, 176 trained, 16 skipped (preflight), daily bars,
the default LightGBM parameters. Release build. Median of $RUNS timed runs (min..max). Load
average before the runs: $LOAD_START; after: $LOAD_END (other work on the machine slows every
row alike; compare rows of one run, not runs of different days).

| how | wall time (s) | range (s) |
|---|---:|---:|
| \`train\`, one process, SQLite ledger, --workers $CORES (whole run: plan, preflight, training, reports) | $(median < "$WORK/sqlite.txt") | $(range < "$WORK/sqlite.txt") |
| 1 \`worker\` process, --workers $CORES (the parallelism of the row above), PostgreSQL ledger | $(median < "$WORK/workers-1x.txt") | $(range < "$WORK/workers-1x.txt") |
| 1 \`worker\` process (1 thread), PostgreSQL ledger | $(median < "$WORK/workers-1.txt") | $(range < "$WORK/workers-1.txt") |
| 2 \`worker\` processes (1 thread each) | $(median < "$WORK/workers-2.txt") | $(range < "$WORK/workers-2.txt") |
| 4 \`worker\` processes (1 thread each) | $(median < "$WORK/workers-4.txt") | $(range < "$WORK/workers-4.txt") |

Worker times run from the first worker's start to the last one's exit (process start, LightGBM
load, claims, training, the final status and reports by the worker that ends the batch); the
batch was planned before (\`train --plan-only\`, not timed). With $CORES cores, more than $CORES
processes only share them. A worker pays, per window, what one process pays once: a claim and
a lease-guarded commit on the server (below), and reading the window's own bars from the
shared cache (one process reads each symbol's bars once for all its windows); and, per
process, its start and the LightGBM library's load. Those costs are fixed per window, so they
matter for the seed scenario's ~10 ms windows and vanish beside intraday or wide-universe
windows, the case workers are for.

The ledger's own cost per window, without training (\`sensequant bench-claims\`: one thread
claims the next window, FOR UPDATE SKIP LOCKED, then records its success and ends the claim
in one transaction; 2000 windows):

    $CLAIMS
MD
echo "wrote $OUT"
