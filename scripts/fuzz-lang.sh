#!/usr/bin/env bash
# Fuzzes Lang's parse-and-evaluate with libFuzzer for a fixed number of runs (CI-friendly).
# Builds Cancellation, MemoryBudget, TextFormat, Display and Lang as static libraries instrumented with
# -sanitize=fuzzer into .build-fuzz, shared with fuzz-runtime.sh (scripts/fuzz/modules.sh; no
# Package.swift target needed), links scripts/fuzz/LangFuzzMain.swift, and runs it over the
# committed corpus Tests/LangTests/FuzzCorpus (new interesting inputs go to a scratch directory).
# Lang's front end is swift-syntax's SwiftParser: its modules come from SwiftPM's release build
# (the one `make release` makes) and are linked as they are, not instrumented.
# Usage: scripts/fuzz-lang.sh [RUNS]   (default 2000; FUZZ_SEED=N for another run than seed 1,
# which `make test` uses so that CI explores the same inputs every time)
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-2000}"
source scripts/fuzz/modules.sh
build_language_modules
swiftc "${flags[@]}" -L "$out" -lLang -lDisplay -lTextFormat -lMemoryBudget -lCancellation "${syntax_objects[@]}" \
  scripts/fuzz/LangFuzzMain.swift -o "$out/lang-fuzz"
"$out/lang-fuzz" -runs="$runs" -seed="${FUZZ_SEED:-1}" -max_len=512 -timeout=10 -rss_limit_mb=4096 "$out/new-corpus-lang" Tests/LangTests/FuzzCorpus
