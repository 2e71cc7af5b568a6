#!/usr/bin/env bash
# Runs the engine benchmarks (stride-bench, release) and the PyTorch scripts of ../shared/bench
# side by side, alternated round by round, against PyTorch's default (NCHW) and channels-last
# layouts, and prints medians and the ratio of Stride to the faster PyTorch layout.
#
# usage: scripts/bench-engine.sh [--rounds N] [--suites "conv sgemm lenet resnet"] [--threads "1 2"]
#   env: TORCH_BENCH  the PyTorch scripts (default: ../shared/bench/torch beside the repository)
#        TORCH_PY     a Python with PyTorch 2.13 CPU (default: .bench-venv/bin/python, created on
#                     first use from $TORCH_BENCH/requirements-venv.txt; .bench-venv is not committed)
#        SCRATCH      the release build folder (default .build-bench)
#        STRIDE_SIMD=avx2  shows the AVX2 path on an AVX-512 machine
# Raw JSON lines are kept in a temporary folder whose path is printed at the end; the table is
# made by scripts/bench/engine_table.py from them.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

rounds=3
suites="conv sgemm lenet resnet"
threads="2"
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --suites) suites="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    -h|--help) sed -n 2,13p "$0"; exit 0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

tb="${TORCH_BENCH:-$(cd .. && pwd)/shared/bench/torch}"
[ -f "$tb/bench_torch_conv.py" ] || { echo "no PyTorch bench scripts at $tb (set TORCH_BENCH)" >&2; exit 2; }
py="${TORCH_PY:-$repo/.bench-venv/bin/python}"
if [ ! -x "$py" ] && [ -z "${TORCH_PY:-}" ]; then
  echo "creating .bench-venv with PyTorch from $tb/requirements-venv.txt" >&2
  python3 -m venv .bench-venv
  .bench-venv/bin/pip install -q --disable-pip-version-check -r "$tb/requirements-venv.txt"
fi
scratch="${SCRATCH:-.build-bench}"
swift build -c release --scratch-path "$scratch" --product stride-bench >&2
bin="$scratch/release/stride-bench"
out="$(mktemp -d /tmp/bench-engine.XXXXXX)"
quiet() { "$@" 2>/dev/null; }

for r in $(seq 1 "$rounds"); do
  for t in $threads; do
    echo "round $r/$rounds, $t thread(s)" >&2
    for s in $suites; do
      case "$s" in
        conv)
          "$bin" conv --threads "$t" --runs 5 --min-run-s 0.3 >> "$out/stride-t$t.jsonl"
          quiet "$py" "$tb/bench_torch_conv.py" --threads "$t" --runs 5 --min-run-s 0.3 \
            --modes default channels_last --no-profile >> "$out/torch-t$t.jsonl" ;;
        sgemm)
          "$bin" sgemm --sizes 1024 2048 --threads "$t" --runs 5 >> "$out/stride-t$t.jsonl"
          quiet "$py" "$tb/bench_gemm.py" --sizes 1024 2048 --threads "$t" --runs 5 --torch >> "$out/torch-t$t.jsonl" ;;
        lenet)
          "$bin" lenet --threads "$t" --batch 64 256 --epochs 1 --infer-runs 5 >> "$out/stride-t$t.jsonl"
          quiet "$py" "$tb/bench_torch_lenet.py" --variant tanh_avg --threads "$t" --batch 64 256 --epochs 1 \
            --infer-runs 5 >> "$out/torch-t$t.jsonl" ;;
        resnet)
          "$bin" resnet --threads "$t" --batch 128 --batches 20 --runs 3 >> "$out/stride-t$t.jsonl"
          quiet "$py" "$tb/bench_torch_resnet20.py" --threads "$t" --batch 128 --batches 20 --runs 3 \
            >> "$out/torch-t$t.jsonl"
          quiet "$py" "$tb/bench_torch_resnet20.py" --threads "$t" --batch 128 --batches 20 --runs 3 \
            --channels-last >> "$out/torch-t$t.jsonl" ;;
        *) echo "unknown suite $s" >&2 ;;
      esac
    done
  done
done

python3 scripts/bench/engine_table.py "$out"
