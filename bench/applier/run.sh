#!/usr/bin/env bash
# capstan-applier apply vs kubectl apply --server-side against one capstan-kubesim (release builds):
# first apply and unchanged re-apply of 1 000 objects (times, writes, ratio), peak RSS applying 5 000.
# Built as shipped (compose/Dockerfile): release, --static-swift-stdlib (process start is part of each time).
# Usage: bench/applier/run.sh [objects] [rss-objects]   (default 1000 5000)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --static-swift-stdlib --scratch-path .build-release --product capstan-applier >/dev/null
swift build -c release --static-swift-stdlib --scratch-path .build-release --product capstan-kubesim >/dev/null
bin="$(swift build -c release --static-swift-stdlib --scratch-path .build-release --show-bin-path)"
exec python3 bench/applier/bench.py "$bin/capstan-applier" "$bin/capstan-kubesim" "${1:-1000}" "${2:-5000}"
