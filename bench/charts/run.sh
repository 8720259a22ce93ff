#!/usr/bin/env bash
# Renders a 200-template chart (parent + 3 subcharts) N times with `capstan-renderer build --repeat`
# (release build: load, coalesce, render, sort, parse, bundle), once with the parse cache and once
# parsing every render, and, when Go is installed, reads, parses and executes the same templates
# with Go's text/template every iteration (no coalescing/sorting/YAML: a lower bound for
# `helm template`, which is not installed here). The three run alternately ROUNDS times (default
# 3) and each reports its best round, so a load spike on the shared machine hits all alike.
# Prints all three, the load average and the ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100}"
ROUNDS="${ROUNDS:-3}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/charts/gen.py "$work"
build="${CAPSTAN_BUILD_PATH:-.build}"   # another scratch path keeps a debug .build free for tests
swift build -c release --scratch-path "$build" --product capstan-renderer >/dev/null 2>&1
have_go=false
if command -v go >/dev/null; then
  (cd bench/charts/go && GO111MODULE=off go build -o "$work/gobench" main.go)
  have_go=true
fi

# warm: parsed templates come from the process-wide parse cache after the first render (what the
# renderer daemon does on a re-render). cold: every render parses every template again, as Go's
# harness and `helm template` do: the like-for-like figure.
# Each run's line gets its CPU time per render (user + sys, all threads) appended: on a loaded
# machine wall time mostly measures waiting for a core. Go's garbage collector runs on other
# threads, so its CPU time can exceed its wall time on an idle machine.
timed() {
  local line cpu
  line=$(python3 -c '
import resource, subprocess, sys
run = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
used = resource.getrusage(resource.RUSAGE_CHILDREN)
print(run.stderr + f"cputime={used.ru_utime}+{used.ru_stime}")' "$@")
  cpu=$(sed -nE 's/.*cputime=([0-9.]+)\+([0-9.]+).*/\1 \2/p' <<<"$line" | awk -v n="$N" '{printf "%.1f", ($1+$2)/n*1e6}')
  echo "$(grep per-render <<<"$line") cpu-per-render=${cpu}us"
}
warm() { timed "$build"/release/capstan-renderer build "$work/app" --root "$work" --release-name bench --repeat "$N"; }
cold() { CAPSTAN_TEMPLATE_PARSE_CACHE=off warm; }
peer() { timed "$work/gobench" "$work" "$N"; }
per_render() { sed -E 's/.*[^-]per-render=([0-9.]+)us.*/\1/'; }
# best <line>…: the line with the smallest per-render time.
best() { for line in "$@"; do echo "$(per_render <<<"$line") $line"; done | sort -g | head -1 | cut -d' ' -f2-; }

warms=() colds=() peers=()
for _ in $(seq "$ROUNDS"); do
  warms+=("$(warm)")
  colds+=("$(cold)")
  if $have_go; then peers+=("$(peer)"); fi
done
capstan=$(best "${warms[@]}")
parsing=$(best "${colds[@]}")
echo "capstan: $capstan (warm parse cache, best of $ROUNDS)"
echo "capstan: $parsing (parses every render, best of $ROUNDS)"
if command -v helm >/dev/null; then
  start=$(date +%s.%N)
  for _ in $(seq "$N"); do helm template bench "$work/app" >/dev/null; done
  end=$(date +%s.%N)
  echo "helm:    per-render=$(python3 -c "print(f'{($end-$start)/$N*1e6:.1f}')")us (process per render)"
fi
if $have_go; then
  gores=$(best "${peers[@]}")
  echo "go:      $gores (best of $ROUNDS)"
  echo "load:    $(uptime | sed -E 's/.*load average: //')"
  c=$(per_render <<<"$capstan")
  k=$(per_render <<<"$parsing")
  g=$(per_render <<<"$gores")
  python3 -c "print(f'ratio capstan/go-text-template: {float(\"$k\")/float(\"$g\"):.2f} parsing every render (like for like), {float(\"$c\")/float(\"$g\"):.2f} with the warm parse cache')"
  cpu() { sed -E 's/.*cpu-per-render=([0-9.]+)us.*/\1/'; }
  python3 -c "print(f'cpu ratio (same runs):          {float(\"$(cpu <<<"$parsing")\")/float(\"$(cpu <<<"$gores")\"):.2f} parsing every render, {float(\"$(cpu <<<"$capstan")\")/float(\"$(cpu <<<"$gores")\"):.2f} with the warm parse cache')"
else
  echo "load:    $(uptime | sed -E 's/.*load average: //')"
  echo "go: not installed (apt-get install golang-go to measure the ratio)"
fi
