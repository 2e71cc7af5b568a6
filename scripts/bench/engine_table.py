"""Table of scripts/bench-engine.sh: Stride against each PyTorch layout and the faster of them.

usage: python3 scripts/bench/engine_table.py OUT_DIR   (OUT_DIR holds stride-tN.jsonl, torch-tN.jsonl)

Every figure is the median over the rounds of the per-round medians each script printed. The
ratio is Stride / the faster reference (higher is better for Stride); a reference layout is
`default` (NCHW), `channels_last` (NHWC, conv and ResNet-20), or for sgemm the BLAS behind
NumPy and PyTorch.
"""
import glob
import json
import os
import re
import statistics
import sys

PEAK = {1: 91.75, 2: 183.5}  # FMA peak GFLOP/s, 1 and 2 threads (../shared/bench/README.md)


def rows(path):
    with open(path) as f:
        for line in f:
            line = line.strip()
            if line.startswith("{"):
                yield json.loads(line)


def layout(d):
    """The reference layout a PyTorch row measured."""
    if d.get("bench") == "sgemm":
        return d.get("engine", "?")
    if "mode" in d:
        return d["mode"]
    return "channels_last" if d.get("channels_last") else "default"


def measure(d):
    """(measure name, value, unit) of one JSON row, or None for rows that are not figures."""
    b = d.get("bench")
    if b == "conv2d":
        return "conv %s %s" % (d["case"], d["kind"]), d["gflops"]["median"], "GFLOP/s"
    if b == "sgemm":
        return "sgemm %d" % d["n"], d["gflops"]["median"], "GFLOP/s"
    if b == "lenet5_train":
        return "LeNet-5 train batch %d" % d["batch"], d["train_images_per_s"]["median"], "img/s"
    if b == "lenet5_infer":
        return "LeNet-5 infer batch %d" % d["batch"], d["infer_images_per_s"]["median"], "img/s"
    if b == "resnet20_train":
        return "ResNet-20 train batch %d" % d.get("batch", 128), d["train_images_per_s"]["median"], "img/s"
    if b == "resnet20_infer":
        return "ResNet-20 infer batch %d" % d.get("batch", 128), d["infer_images_per_s"]["median"], "img/s"
    return None


def collect(path, by_layout):
    acc = {}
    for d in rows(path):
        m = measure(d)
        if m is None:
            continue
        name, value, unit = m
        key = (name, layout(d) if by_layout else "stride")
        acc.setdefault(key, ([], unit))[0].append(value)
    return acc


def table(out, threads):
    stride = collect(os.path.join(out, "stride-t%d.jsonl" % threads), by_layout=False)
    torch = collect(os.path.join(out, "torch-t%d.jsonl" % threads), by_layout=True)
    print("\n%d thread(s)" % threads)
    print("%-28s %10s %10s %10s %8s %8s  %s" % ("measure", "stride", "default", "ch-last",
                                               "ratio", "vs best", "unit, note"))
    for (name, _), (values, unit) in sorted(stride.items()):
        s = statistics.median(values)
        refs = {lay: statistics.median(v) for (n, lay), (v, _) in torch.items() if n == name}
        default = refs.get("default", refs.get("numpy-openblas", float("nan")))
        other = refs.get("channels_last", refs.get("torch-mkl", float("nan")))
        best = max((v for v in refs.values()), default=float("nan"))
        note = unit
        if name.startswith("conv") and name.endswith("fwd") and threads in PEAK:
            note += ", %.0f%% of FMA peak" % (100 * s / PEAK[threads])
        print("%-28s %10.1f %10.1f %10.1f %8.2f %8.2f  %s (%d rounds)" % (
            name, s, default, other, s / default, s / best, note, len(values)))


def main():
    out = sys.argv[1]
    counts = sorted(int(re.search(r"-t(\d+)\.jsonl$", p).group(1))
                    for p in glob.glob(os.path.join(out, "stride-t*.jsonl")))
    print("ratio = Stride / PyTorch default layout; vs best = Stride / the faster PyTorch layout")
    print("(sgemm: default = NumPy's OpenBLAS, ch-last column = PyTorch's MKL)")
    for t in counts:
        table(out, t)
    print("raw JSON lines:", out)


if __name__ == "__main__":
    main()
