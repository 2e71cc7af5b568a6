#!/usr/bin/env bash
# Stride vs ipykernel, side by side in one run, with the team's kernel_bench.py (a benchmark,
# not a test): startup (launch -> first kernel_info_reply), execute round trip, throughput,
# stream, interrupt, heartbeat. Targets: startup <= 1/10 of ipykernel's, round trip <= 1/5.
#   bash scripts/bench-kernel.sh [ROUNDS]        (default 5 rounds per kernel, interleaved)
# Needs `make kernelspec` (release build + .venv). Nothing is written outside the repository:
# kernel_bench.py is copied from shared/bench/kernel into out/bench-kernel/.
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-5}
BENCH_SRC=${BENCH_SRC:-../shared/bench/kernel}
[ -f "$BENCH_SRC/kernel_bench.py" ] || BENCH_SRC=/work/shared/bench/kernel
OUT=out/bench-kernel
mkdir -p "$OUT/state"
cp "$BENCH_SRC/kernel_bench.py" "$BENCH_SRC/summarize.py" "$OUT/"
PY=.venv/bin/python
export JUPYTER_DATA_DIR=$PWD/$OUT/state/data JUPYTER_RUNTIME_DIR=$PWD/$OUT/state/runtime \
       JUPYTER_CONFIG_DIR=$PWD/$OUT/state/config IPYTHONDIR=$PWD/$OUT/state/ipython \
       TMPDIR=$PWD/$OUT/state/tmp XDG_CACHE_HOME=$PWD/$OUT/state/cache JUPYTER_PLATFORM_DIRS=1
mkdir -p "$TMPDIR"
# ipykernel's kernelspec into the venv (stride's is installed by `make kernelspec`)
[ -f .venv/share/jupyter/kernels/python3/kernel.json ] || $PY -m ipykernel install --sys-prefix >/dev/null
stamp=$(date +%Y%m%d-%H%M%S)
tests=startup,memory,heartbeat,latency,throughput,stream,memory_end,interrupt,shutdown
for pass in 1 2; do
  for kernel in python3 stride; do
    echo "== pass $pass: $kernel (load $(cut -d' ' -f1-3 /proc/loadavg))" >&2
    $PY "$OUT/kernel_bench.py" "$kernel" --rounds $(( (ROUNDS + 1) / 2 )) --tag "pass$pass" \
      --tests "$tests" --snippets scripts/bench-kernel-snippets.json \
      --out "$OUT/bench-$kernel-$stamp.jsonl" > /dev/null 2>> "$OUT/bench-$stamp.stderr"
  done
done
$PY "$OUT/summarize.py" "$OUT"/bench-*-"$stamp".jsonl | tee "$OUT/summary-$stamp.md"
