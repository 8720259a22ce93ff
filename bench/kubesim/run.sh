#!/usr/bin/env bash
# Benchmarks capstan-kubesim (release build): server-side applies of a Deployment per second and lists of
# 5 000 ConfigMaps per second, single client, with the emulator's peak RSS.
# Usage: bench/kubesim/run.sh [seconds-per-phase]   (default 5)
set -euo pipefail
cd "$(dirname "$0")/../.."
swift build -c release --scratch-path .build-release --product capstan-kubesim >/dev/null
exec python3 bench/kubesim/bench.py "$(swift build -c release --scratch-path .build-release --show-bin-path)/capstan-kubesim" "${1:-5}"
