#!/usr/bin/env bash
# Checks that only the TensorAVX512 module's functions use zmm registers in a release binary:
# Tensor runs them after checking the CPU, so any other function with AVX-512 code (an inlined
# or shared specialization that leaked out of the module) would crash processors without it.
#
# usage: scripts/check-avx512.sh [BINARY]   (default .build/release/stride)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${1:-.build/release/stride}"
if ! command -v objdump >/dev/null; then
  echo "check-avx512: objdump not found (binutils); not checked" >&2
  exit 1
fi
[ -x "$bin" ] || { echo "check-avx512: $bin not built" >&2; exit 1; }
report=$(objdump -d --no-show-raw-insn "$bin" | awk '
  /^[0-9a-f]+ <.*>:$/ { fn = $2 }
  /%zmm/ { uses[fn]++ }
  END { for (f in uses) print uses[f], f }')
inside=$(grep -c 'TensorAVX512' <<<"$report" || true)
outside=$(grep -v 'TensorAVX512' <<<"$report" | grep . || true)
if [ -n "$outside" ]; then
  echo "check-avx512: functions outside TensorAVX512 use zmm registers:" >&2
  echo "$outside" >&2
  exit 1
fi
if [ "$inside" -eq 0 ]; then
  echo "check-avx512: no AVX-512 tile found in $bin (was TensorAVX512 built with -mavx512f?)" >&2
  exit 1
fi
echo "check-avx512: $inside functions use zmm registers, all in TensorAVX512"
