#!/usr/bin/env bash
# Drift heal latency of `capstan-applier run` against capstan-kubesim: `kubectl scale` of a managed
# Deployment → reverted by the applier, over N trials (default 50). Prints p50/p99 against the
# targets (p50 < 1 s, p99 < 2 s) and against the peer measured in the same run: one `kubectl scale`
# round trip (the time the drift itself takes to make).
# With OBJECTS=n the bundle also carries n ConfigMaps and the applier's peak RSS is printed
# (target: under 100 MB managing 5 000 objects).
# Usage: [OBJECTS=n] bench/applier/drift.sh [trials] [debug|release]   (default 50, debug: the warm build)
set -euo pipefail
cd "$(dirname "$0")/../.."
trials=${1:-50} configuration=${2:-debug}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for product in capstan-kubesim capstan-applier applier-drift-bench; do
  swift build -c "$configuration" --product "$product" >"$log" 2>&1 || { cat "$log"; exit 1; }
done
bin=$(swift build -c "$configuration" --show-bin-path)
out=$("$bin/applier-drift-bench" "$bin" "$trials" "${OBJECTS:-0}")
python3 - "$out" "$configuration" <<'PY'
import sys
values = {k: float(v) for k, v in (line.split("=") for line in sys.argv[1].splitlines() if "=" in line)}
print(f"drift heal latency over {int(values['trials'])} trials ({sys.argv[2]} build, kubesim, kubectl scale -> reverted)")
print(f"{'metric':<10}{'heal ms':>10}{'target ms':>11}{'of target':>11}{'kubectl scale ms':>18}{'heal/kubectl':>14}")
for p, target in (("p50", 1000), ("p99", 2000)):
    heal, kubectl = values[f"heal_{p}_ms"], values[f"kubectl_scale_{p}_ms"]
    print(f"{p:<10}{heal:>10.1f}{target:>11}{heal / target:>10.1%}{kubectl:>18.1f}{heal / kubectl:>13.2f}x")
print(f"max heal: {values['heal_max_ms']:.1f} ms")
print(f"objects managed: {int(values['objects'])}, first apply {values['first_apply_s']:.1f} s, "
      f"applier peak RSS {values['applier_peak_rss_mb']:.1f} MB (target for 5 000 objects: 100 MB, {values['applier_peak_rss_mb'] / 100:.0%})")
PY
