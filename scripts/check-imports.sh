#!/usr/bin/env bash
# Enforces the module graph: each target may import only what its row allows, and only what
# Package.swift declares for it (an undeclared import builds by accident, through another
# target's dependency). Covers Sources/<Module>, the benchmark and the gallery executables.
# A directory under Sources/ with no row here, or an import of a module this script does not
# know, fails too: a new module needs a row (and a line in README's module graph).
# Standard modules (Foundation, Synchronization, Glibc, Dispatch, …) are always allowed.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A allowed=(
  [Cancellation]=""
  [TextFormat]=""
  [MemoryBudget]=""
  [Display]="TextFormat"
  [TensorAVX512]=""
  [Tensor]="CBLAS Cancellation CSupport MemoryBudget TensorAVX512"
  [Autograd]="Tensor Cancellation"
  [NN]="Tensor Autograd CZlib Cancellation TextFormat"
  [Graphics]="CZlib CTurboJPEG TextFormat"
  [Plot]="Graphics TextFormat"
  [Lang]="Display Cancellation TextFormat MemoryBudget SwiftSyntax SwiftParser SwiftDiagnostics SwiftParserDiagnostics"
  [JupyterProtocol]="Display Cancellation"
  [JupyterWire]="JupyterProtocol Display CZMQ COpenSSL CSupport Cancellation"
  [NotebookRuntime]="Lang Tensor Autograd NN Graphics Plot Display Cancellation TextFormat MemoryBudget"
  [NotebookKernel]="Lang JupyterProtocol Display Cancellation"
  [stride]="NotebookKernel NotebookRuntime JupyterWire JupyterProtocol Lang Display Cancellation ArgumentParser"
  [StrideBench]="Tensor Autograd NN Cancellation"
  [stride-gallery]="Plot Graphics"
)
# Where each target's sources are (default Sources/<name>).
declare -A paths=([StrideBench]=Benchmarks/StrideBench [stride-gallery]=scripts/gallery)
# C modules and system libraries: no Swift sources to check, but known.
c_modules=" CBLAS CZlib CTurboJPEG CZMQ COpenSSL CSupport "
standard=" Foundation FoundationEssentials FoundationXML Synchronization Glibc Dispatch Testing XCTest _Concurrency "
product_modules=" ArgumentParser SwiftSyntax SwiftParser SwiftDiagnostics SwiftParserDiagnostics "

status=0
fail() { echo "check-imports: $*" >&2; status=1; }

# Every module directory must have a row.
for dir in Sources/*/; do
  module=$(basename "$dir")
  [[ -v "allowed[$module]" || "$c_modules" == *" $module "* ]] || fail "Sources/$module is a module this script does not know: give it a row"
done

# What Package.swift declares, target by target ("name dep dep ..."), from SwiftPM itself.
# A scratch path of its own, so a build in progress does not hold this up.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
declare -A declared=()
while read -r name deps; do declared[$name]=" $deps "; done < <(
  swift package --scratch-path "$scratch" dump-package | python3 -c '
import json, sys
for t in json.load(sys.stdin)["targets"]:
    deps = [list(d.values())[0][0] for d in t["dependencies"]]
    print(t["name"], " ".join(deps))')

known=" $c_modules ${!allowed[*]} $product_modules "
for module in "${!allowed[@]}"; do
  dir=${paths[$module]:-Sources/$module}
  [ -d "$dir" ] || continue
  [[ -v "declared[$module]" ]] || { fail "$module has no target in Package.swift"; continue; }
  while IFS=: read -r file _ line; do
    imported=$(sed -E 's/^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*((public|package|internal|fileprivate|private)[[:space:]]+)?import[[:space:]]+(class |struct |enum |func |protocol )?([A-Za-z_][A-Za-z0-9_]*).*/\6/' <<<"$line")
    case "$standard" in *" $imported "*) continue ;; esac
    if [[ "$known" != *" $imported "* ]]; then
      fail "$file imports $imported, which is not a known module"
    elif [[ " ${allowed[$module]} " != *" $imported "* ]]; then
      fail "$file imports $imported, which $module may not import"
    elif [[ "${declared[$module]}" != *" $imported "* ]]; then
      fail "$file imports $imported, which Package.swift does not declare for $module"
    fi
  done < <(grep -rnE '^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*((public|package|internal|fileprivate|private)[[:space:]]+)?import[[:space:]]' "$dir" --include='*.swift' || true)
done
[ "$status" -eq 0 ] && echo "check-imports: every module imports only what it may and declares"
exit "$status"
