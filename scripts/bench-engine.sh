#!/usr/bin/env bash
# Runs the engine benchmarks (stride-bench, release) and the PyTorch scripts of ../shared/bench
# side by side, alternated round by round, and prints medians and ratios (Stride / PyTorch).
#
# usage: scripts/bench-engine.sh [--rounds N] [--suites "conv sgemm lenet resnet"] [--threads 2]
#   env: TORCH_PY (default /work/torchbench/venv/bin/python),
#        TORCH_BENCH (default /work/shared/bench/torch), SCRATCH (default .build-bench)
# Raw JSON lines are kept in a temporary folder whose path is printed at the end.
set -euo pipefail
cd "$(dirname "$0")/.."

rounds=3
suites="conv sgemm lenet"
threads=2
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --suites) suites="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done

py="${TORCH_PY:-/work/torchbench/venv/bin/python}"
tb="${TORCH_BENCH:-/work/shared/bench/torch}"
scratch="${SCRATCH:-.build-bench}"
swift build -c release --scratch-path "$scratch" --product stride-bench >&2
bin="$scratch/release/stride-bench"
out="$(mktemp -d /tmp/bench-engine.XXXXXX)"

for r in $(seq 1 "$rounds"); do
  echo "round $r/$rounds" >&2
  for s in $suites; do
    case "$s" in
      conv)
        "$bin" conv --threads "$threads" --runs 5 --min-run-s 0.3 >> "$out/stride.jsonl"
        "$py" "$tb/bench_torch_conv.py" --threads "$threads" --runs 5 --min-run-s 0.3 --modes default \
          --no-profile 2>/dev/null >> "$out/torch.jsonl" ;;
      sgemm)
        "$bin" sgemm --sizes 1024 2048 --threads "$threads" --runs 5 >> "$out/stride.jsonl"
        "$py" "$tb/bench_gemm.py" --sizes 1024 2048 --threads "$threads" --runs 5 2>/dev/null >> "$out/torch.jsonl" ;;
      lenet)
        "$bin" lenet --threads "$threads" --batch 64 256 --epochs 1 --infer-runs 5 >> "$out/stride.jsonl"
        "$py" "$tb/bench_torch_lenet.py" --variant tanh_avg --threads "$threads" --batch 64 256 --epochs 1 \
          --infer-runs 5 2>/dev/null >> "$out/torch.jsonl" ;;
      resnet)
        "$bin" resnet --threads "$threads" --batch 128 --batches 20 --runs 3 >> "$out/stride.jsonl"
        "$py" "$tb/bench_torch_resnet20.py" --threads "$threads" --batch 128 --batches 20 --runs 3 \
          2>/dev/null >> "$out/torch.jsonl" ;;
      *) echo "unknown suite $s" >&2 ;;
    esac
  done
done

python3 - "$out" <<'PY'
import json, statistics, sys, os
out = sys.argv[1]
PEAK = 183.5  # FMA peak GFLOP/s with 2 threads (../shared/bench/README.md)

def load(name):
    rows = []
    with open(os.path.join(out, name)) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                rows.append(json.loads(line))
    return rows

def key(d):
    b = d.get("bench")
    if b == "conv2d":
        return ("conv2d", d["case"], d["kind"]), d["gflops"]["median"], "GFLOP/s"
    if b == "sgemm" and d.get("threads") in (None, d.get("threads")):
        return ("sgemm", str(d["n"]), "t%d" % d["threads"]), d["gflops"]["median"], "GFLOP/s"
    if b == "lenet5_train":
        return ("lenet5_train", "batch %d" % d["batch"], ""), d["train_images_per_s"]["median"], "img/s"
    if b in ("resnet20_train", "resnet20_infer"):
        field = "train_images_per_s" if b.endswith("train") else "infer_images_per_s"
        return (b, "batch %d" % d.get("batch", 128), ""), d[field]["median"], "img/s"
    if b == "lenet5_infer":
        return ("lenet5_infer", "batch %d" % d["batch"], ""), d["infer_images_per_s"]["median"], "img/s"
    return None, None, None

def collect(rows):
    acc = {}
    for d in rows:
        k, v, unit = key(d)
        if k is not None:
            acc.setdefault(k, ([], unit))[0].append(v)
    return acc

s, t = collect(load("stride.jsonl")), collect(load("torch.jsonl"))
print("%-34s %12s %12s %8s   %s" % ("measure", "stride", "pytorch", "ratio", "note"))
for k in sorted(s):
    sv = statistics.median(s[k][0])
    tv = statistics.median(t[k][0]) if k in t else float("nan")
    note = s[k][1]
    if k[0] == "conv2d" and k[2] == "fwd":
        note += ", %.0f%% of FMA peak" % (100 * sv / PEAK)
    print("%-34s %12.1f %12.1f %8.2f   %s (medians of %d/%d rounds)" % (" ".join(x for x in k if x), sv, tv, sv / tv, note,
          len(s[k][0]), len(t.get(k, ([],))[0])))
print("raw JSON lines:", out)
PY
