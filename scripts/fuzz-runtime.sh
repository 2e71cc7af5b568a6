#!/usr/bin/env bash
# Fuzzes the runtime's built-ins (NotebookRuntime over the engine) with libFuzzer for a fixed number
# of runs. Builds every module the runtime needs as a static library instrumented with
# -sanitize=fuzzer (the C parts with clang), reusing a library while its sources are unchanged,
# links scripts/fuzz/RuntimeFuzzMain.swift and runs it over Tests/NotebookRuntimeTests/FuzzCorpus.
# Each input becomes a cell calling one built-in with extreme arguments (see RuntimeFuzzMain.swift).
# Usage: scripts/fuzz-runtime.sh [RUNS] [extra libFuzzer flags]   (default 2000; FUZZ_SEED=N for
# another run than seed 1, which `make test` uses so that CI explores the same inputs every time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-2000}"
shift || true
out=.build-fuzz-runtime
mkdir -p "$out/new-corpus" "$out/CSupport"
simd=(-Xcc -mavx2 -Xcc -mfma)
# Lang's front end is swift-syntax, linked as SwiftPM's release build made it (fuzz/swift-syntax.sh).
source scripts/fuzz/swift-syntax.sh
flags=(-O -sanitize=fuzzer -parse-as-library -swift-version 6 -I "$out" -I Sources/CBLAS -I Sources/CZlib -I Sources/CTurboJPEG -I "$out/CSupport"
  "${syntax_flags[@]}")

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

# build_module NAME [swiftc flags...]: skipped when the library is newer than every source and no
# module before it (they are built in dependency order) was rebuilt in this run.
rebuilt=0
build_module() {
  local name="$1"; shift
  local sources
  sources=$(find "Sources/$name" -name '*.swift')
  if [ "$rebuilt" = 0 ] && [ -f "$out/lib$name.a" ] \
     && [ -z "$(find "Sources/$name" -name '*.swift' -newer "$out/lib$name.a")" ]; then
    return
  fi
  rebuilt=1
  echo "fuzz-runtime: building $name"
  # shellcheck disable=SC2086
  swiftc "${flags[@]}" "$@" -module-name "$name" -emit-library -static -emit-module \
    -emit-module-path "$out/$name.swiftmodule" -o "$out/lib$name.a" $sources
}

build_module Cancellation
build_module MemoryBudget
build_module TextFormat
build_module Display
build_module TensorAVX512 -Xcc -mavx2 -Xcc -mfma -Xcc -mavx512f -Xcc -mavx512vl -Xcc -mavx512dq
build_module Tensor "${simd[@]}"
build_module Autograd "${simd[@]}"
build_module NN "${simd[@]}"
build_module Graphics
build_module Plot
build_module Lang
build_module NotebookRuntime "${simd[@]}"
libs=(-lNotebookRuntime -lLang -lPlot -lGraphics -lNN -lAutograd -lTensor -lTensorAVX512 -lDisplay
      -lTextFormat -lMemoryBudget -lCancellation -lCSupport -lopenblas -lz -lturbojpeg "${syntax_objects[@]}")
if [ ! -x "$out/runtime-fuzz" ] || [ -n "$(find "$out" scripts/fuzz/RuntimeFuzzMain.swift -newer "$out/runtime-fuzz" -name '*.a' -o -newer "$out/runtime-fuzz" -name 'RuntimeFuzzMain.swift')" ]; then
  swiftc "${flags[@]}" -L "$out" "${libs[@]}" scripts/fuzz/RuntimeFuzzMain.swift -o "$out/runtime-fuzz"
fi
SWIFT_BACKTRACE=enable=no OPENBLAS_NUM_THREADS=1 STRIDE_THREADS=1 "$out/runtime-fuzz" -runs="$runs" -seed="${FUZZ_SEED:-1}" -max_len=64 -timeout=30 -rss_limit_mb=6144 \
  "$@" "$out/new-corpus" Tests/NotebookRuntimeTests/FuzzCorpus
