#!/usr/bin/env bash
# Capstan's messaging layer against raw libzmq, measured in the same run on this machine:
# PUB->SUB messages/second (windows of 1000), PUB->SUB hop latency p50/p99, and a 10 MB GET.
# Usage: bench/messaging/run.sh [rounds of 1000 messages] [latency hops] [GETs]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-200} hops=${2:-5000} gets=${3:-10}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc=$(command -v clang || command -v gcc)
"$cc" -O2 bench/messaging/raw.c -o "$work/raw" $(pkg-config --cflags --libs libzmq)
swift build -c release --product messaging-bench >/dev/null
"$work/raw" "$rounds" "$hops" "$gets" >"$work/raw.txt"
"$(swift build -c release --show-bin-path)/messaging-bench" "$rounds" "$hops" "$gets" >"$work/capstan.txt"
python3 - "$work/raw.txt" "$work/capstan.txt" <<'PY'
import sys
def load(path):
    return {k: float(v) for k, v in (line.strip().split("=") for line in open(path) if "=" in line)}
raw, capstan = load(sys.argv[1]), load(sys.argv[2])
print(f"{'metric':<20}{'raw libzmq':>14}{'capstan':>14}{'cost (x raw)':>14}")
for key in ["pubsub_msgs_per_s", "pubsub_p50_us", "pubsub_p99_us", "get10mb_p50_ms", "get10mb_p99_ms"]:
    # Throughput costs raw/capstan; times cost capstan/raw. Target: every cost under 2x.
    cost = raw[key] / capstan[key] if key.endswith("per_s") else capstan[key] / raw[key]
    print(f"{key:<20}{raw[key]:>14.1f}{capstan[key]:>14.1f}{cost:>13.2f}x")
PY
