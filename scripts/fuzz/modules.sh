# Sourced by fuzz-lang.sh and fuzz-runtime.sh: one folder of libFuzzer-instrumented static libraries
# that both fuzzers link, so the modules they share (Lang, Display and the leaf modules) are built
# once per source change, not once per fuzzer. Sets `out`, `flags` and `build_module`.
out=.build-fuzz
mkdir -p "$out/new-corpus-lang" "$out/new-corpus-runtime" "$out/CSupport"
# Lang's front end is swift-syntax, linked as SwiftPM's release build made it (fuzz/swift-syntax.sh).
source scripts/fuzz/swift-syntax.sh
flags=(-O -sanitize=fuzzer -parse-as-library -swift-version 6 -I "$out" -I Sources/CBLAS -I Sources/CZlib
  -I Sources/CTurboJPEG -I "$out/CSupport" "${syntax_flags[@]}")

# build_module NAME [swiftc flags...]: skipped when the library is newer than every source and no
# module before it (callers build them in dependency order) was rebuilt in this run.
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
  echo "fuzz: building $name" >&2
  # shellcheck disable=SC2086
  swiftc "${flags[@]}" "$@" -module-name "$name" -emit-library -static -emit-module \
    -emit-module-path "$out/$name.swiftmodule" -o "$out/lib$name.a" $sources
}

# The modules Lang needs, then Lang: the first of every fuzzer's list, in this order.
build_language_modules() {
  build_module Cancellation
  build_module MemoryBudget
  build_module TextFormat
  build_module Display
  build_module Lang
}
