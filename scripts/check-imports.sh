#!/usr/bin/env bash
# Enforces the module graph: each Sources/<Module> may import only what its row allows.
# Standard modules (Foundation, Synchronization, Glibc, Dispatch, …) are always allowed.
set -euo pipefail
cd "$(dirname "$0")/.."

declare -A allowed=(
  [Cancellation]=""
  [MemoryBudget]=""
  [Display]=""
  [TensorAVX512]=""
  [Tensor]="CBLAS Cancellation CSupport MemoryBudget TensorAVX512"
  [Autograd]="Tensor Cancellation"
  [NN]="Tensor Autograd CZlib Cancellation"
  [Graphics]="CZlib"
  [Plot]="Graphics"
  [Lang]="Display Cancellation MemoryBudget"
  [JupyterProtocol]="Display Cancellation"
  [JupyterWire]="JupyterProtocol Display CZMQ COpenSSL CSupport Cancellation"
  [NotebookRuntime]="Lang Tensor Autograd NN Graphics Plot Display Cancellation MemoryBudget"
  [NotebookKernel]="Lang JupyterProtocol Display Cancellation"
  [stride]="NotebookKernel NotebookRuntime JupyterWire JupyterProtocol Lang Display Cancellation CSupport ArgumentParser"
)
standard=" Foundation FoundationEssentials Synchronization Glibc Dispatch Testing XCTest _Concurrency "
project=" TensorAVX512 CBLAS CZlib CZMQ COpenSSL CSupport Cancellation MemoryBudget Display Tensor Autograd NN Graphics Plot Lang JupyterProtocol JupyterWire NotebookRuntime NotebookKernel ArgumentParser "

status=0
for module in "${!allowed[@]}"; do
  [ -d "Sources/$module" ] || continue
  while IFS=: read -r file _ line; do
    imported=$(sed -E 's/^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*import[[:space:]]+(class |struct |enum |func |protocol )?([A-Za-z_][A-Za-z0-9_]*).*/\4/' <<<"$line")
    case "$standard" in *" $imported "*) continue ;; esac
    case " ${allowed[$module]} " in *" $imported "*) continue ;; esac
    if [[ "$project" == *" $imported "* ]]; then
      echo "check-imports: $file imports $imported, which $module may not import" >&2
    else
      echo "check-imports: $file imports $imported, which is not a known module" >&2
    fi
    status=1
  done < <(grep -rnE '^[[:space:]]*(@[A-Za-z_]+(\([^)]*\))?[[:space:]]+)*import[[:space:]]' "Sources/$module" --include='*.swift' || true)
done
[ "$status" -eq 0 ] && echo "check-imports: every module imports only what it may"
exit "$status"
