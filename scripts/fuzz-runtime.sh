#!/usr/bin/env bash
# Fuzzes the runtime's built-ins (NotebookRuntime over the engine) with libFuzzer for a fixed number
# of runs. Builds every module the runtime needs as a static library instrumented with
# -sanitize=fuzzer (the C parts with clang) into .build-fuzz, reusing a library while its sources
# are unchanged (Lang and its modules as fuzz-lang.sh built them: scripts/fuzz/modules.sh),
# links scripts/fuzz/RuntimeFuzzMain.swift and runs it over Tests/NotebookRuntimeTests/FuzzCorpus.
# Each input becomes a cell calling one built-in with extreme arguments (see RuntimeFuzzMain.swift).
# Usage: scripts/fuzz-runtime.sh [RUNS] [extra libFuzzer flags]   (default 2000; FUZZ_SEED=N for
# another run than seed 1, which `make test` uses so that CI explores the same inputs every time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-2000}"
shift || true
source scripts/fuzz/modules.sh
simd=(-Xcc -mavx2 -Xcc -mfma)

# CSupport: the C file, and a module map for its header.
if [ ! -f "$out/libCSupport.a" ] || [ -n "$(find Sources/CSupport -name '*.c' -newer "$out/libCSupport.a")" ]; then
  objects=()
  for source in Sources/CSupport/*.c; do
    object="$out/$(basename "$source" .c).o"
    clang -O2 -fsanitize=fuzzer-no-link -c "$source" -I Sources/CSupport/include -o "$object"
    objects+=("$object")
  done
  rm -f "$out/libCSupport.a"
  ar rcs "$out/libCSupport.a" "${objects[@]}"
fi
cp Sources/CSupport/include/CSupport.h "$out/CSupport/"
printf 'module CSupport {\n  header "CSupport.h"\n  export *\n}\n' > "$out/CSupport/module.modulemap"

build_language_modules
build_module TensorAVX512 -Xcc -mavx2 -Xcc -mfma -Xcc -mavx512f -Xcc -mavx512vl -Xcc -mavx512dq
build_module Tensor "${simd[@]}"
build_module Autograd "${simd[@]}"
build_module NN "${simd[@]}"
build_module Graphics
build_module Plot
build_module NotebookRuntime "${simd[@]}"
libs=(-lNotebookRuntime -lLang -lPlot -lGraphics -lNN -lAutograd -lTensor -lTensorAVX512 -lDisplay
      -lTextFormat -lMemoryBudget -lCancellation -lCSupport -lopenblas -lz -lturbojpeg "${syntax_objects[@]}")
if [ ! -x "$out/runtime-fuzz" ] || [ -n "$(find "$out" scripts/fuzz/RuntimeFuzzMain.swift -newer "$out/runtime-fuzz" -name '*.a' -o -newer "$out/runtime-fuzz" -name 'RuntimeFuzzMain.swift')" ]; then
  swiftc "${flags[@]}" -L "$out" "${libs[@]}" scripts/fuzz/RuntimeFuzzMain.swift -o "$out/runtime-fuzz"
fi
SWIFT_BACKTRACE=enable=no OPENBLAS_NUM_THREADS=1 STRIDE_THREADS=1 "$out/runtime-fuzz" -runs="$runs" -seed="${FUZZ_SEED:-1}" -max_len=64 -timeout=30 -rss_limit_mb=6144 \
  "$@" "$out/new-corpus-runtime" Tests/NotebookRuntimeTests/FuzzCorpus
