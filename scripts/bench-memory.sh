#!/usr/bin/env bash
# `make bench-memory`: peak memory of the heaviest batch the issue names — NIFTY 100 over one
# year of 1-minute bars (about 10 million bars, 200 windows of ~46,000 rows) — trained with two
# workers by the release binary. Writes docs/benchmarks-memory.md (or the file given as $1).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-.build-release/release/sensequant}"
OUT="${1:-docs/benchmarks-memory.md}"
WORKERS="${WORKERS:-2}"
dir=$(mktemp -d /tmp/sensequant-bench-memory.XXXXXX)
trap 'rm -rf "$dir"' EXIT

# Peak RSS of one child process, from the kernel's accounting (no /usr/bin/time needed).
measure() {
  python3 - "$@" <<'PY'
import resource, subprocess, sys, time
t = time.monotonic()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL)
peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(f"{time.monotonic() - t:.1f} {peak_kib / 1024:.0f} {r.returncode}")
PY
}

echo "bench-memory: synthesizing NIFTY 100, 1-minute bars, 2023-12-01..2025-01-10 into $dir" >&2
read -r synth_s synth_mib synth_rc < <(measure "$BIN" synthesize --universe nifty100 --start-date 2023-12-01 \
  --end-date 2025-01-10 --interval 1minute --data-dir "$dir")
[ "$synth_rc" = 0 ] || { echo "synthesize failed" >&2; exit 1; }
echo "bench-memory: training 2024 with $WORKERS workers" >&2
read -r train_s train_mib train_rc < <(measure "$BIN" train --universe nifty100 --start-date 2024-01-01 --end-date 2024-12-26 \
  --interval 1minute --workers "$WORKERS" --no-evaluate --data-dir "$dir")
[ "$train_rc" = 0 ] || { echo "train failed (exit $train_rc)" >&2; exit 1; }
bars=$(find "$dir/historical" -name '*.csv*' -path '*1minute*' | wc -l)
row="| NIFTY 100, 1 year of 1-minute bars ($bars day files), 200 windows, --workers $WORKERS, whole process | $train_s s | $train_mib MiB | 1024 MiB |"
cat > "$OUT" <<MD
# Memory: the heaviest batch

Produced by \`make bench-memory\` (release build, then \`scripts/bench-memory.sh\`) on $(nproc) cores,
$(date -u +%Y-%m-%dT%H:%M:%SZ). One run: synthesize NIFTY 100 at 1-minute bars over
2023-12-01..2025-01-10, then \`sensequant train --universe nifty100 --start-date 2024-01-01
--end-date 2024-12-26 --interval 1minute --workers $WORKERS --no-evaluate\`. Peak RSS is the
kernel's for the train process (getrusage of the child).

| what | wall time | peak RSS | budget |
|---|---|---|---|
$row

Each symbol's bars are read when its first window starts and released after its last
(\`Batch/SymbolBars.swift\`); preflight reads a few symbols at a time. Before that change the
same batch held every symbol's bars at once: 697 MiB peak (2026-12-02, same machine kind).
MD
echo "$row"
