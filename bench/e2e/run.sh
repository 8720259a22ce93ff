#!/usr/bin/env bash
# Commit-to-cluster latency of the whole stack (kubesim as the cluster, a git daemon on 127.0.0.1):
# 30 commits pushed and announced by webhook, 30 found by polling, and 30 delivered by hand
# (`git pull` + `kubectl apply --server-side`) in the same run; prints p50/p99 of each and the ratios.
# Usage: bench/e2e/run.sh [commits] [poll-interval-seconds]   (defaults 30 and 1)
# Binaries: .build-release/release (swift build -c release --scratch-path .build-release --product X for
# capstan-kubesim, -fetcher, -renderer, -applier), else .build/release, else .build/debug (said so).
# BENCH_KEEP=1 keeps the work directory (logs of every stage under logs/).
set -euo pipefail
cd "$(dirname "$0")/../.."
commits=${1:-30}; poll=${2:-1}
products=(capstan-kubesim capstan-fetcher capstan-renderer capstan-applier)
bin=${BENCH_BIN:-}
[ -n "$bin" ] || for dir in .build-release/release .build/release .build/debug; do
  ok=1; for p in "${products[@]}"; do [ -x "$dir/$p" ] || ok=; done
  [ -n "$ok" ] && { bin=$(realpath "$dir"); break; }
done
[ -n "$bin" ] || { echo "build the four products first (see the header of $0)" >&2; exit 1; }
case $bin in */debug) echo "warning: debug builds; figures are not representative" >&2 ;; esac
command -v kubectl >/dev/null || { echo "kubectl is needed for the by-hand baseline" >&2; exit 1; }
work=$(mktemp -d)
[ "${BENCH_KEEP:-}" = 1 ] && echo "work directory: $work" || trap 'rm -rf "$work"' EXIT
echo "load: $(uptime)"
python3 bench/e2e/e2e.py "$bin" "$work" "$commits" "$poll"
