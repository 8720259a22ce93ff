#!/usr/bin/env bash
# Renders a 200-template chart (parent + 3 subcharts) N times with `capstan-renderer build --repeat`
# (release build: load, coalesce, render, sort, parse, bundle), once with the parse cache and once
# parsing every render, and, when Go is installed, reads, parses and executes the same templates
# with Go's text/template every iteration (no coalescing/sorting/YAML: a lower bound for
# `helm template`, which is not installed here). Prints all three and the ratios.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/charts/gen.py "$work"
build="${CAPSTAN_BUILD_PATH:-.build}"   # another scratch path keeps a debug .build free for tests
swift build -c release --scratch-path "$build" --product capstan-renderer >/dev/null
render() { "$build"/release/capstan-renderer build "$work/app" --root "$work" --release-name bench --repeat "$N" 2>&1 >/dev/null; }
# warm: parsed templates come from the process-wide parse cache after the first render (what the
# renderer daemon does on a re-render). cold: every render parses every template again, as Go's
# harness and `helm template` do — the like-for-like figure.
capstan=$(render)
cold=$(CAPSTAN_TEMPLATE_PARSE_CACHE=off render)
echo "capstan: $capstan (warm parse cache)"
echo "capstan: $cold (parses every render)"
echo "load:    $(uptime | sed -E 's/.*load average: //')"
if command -v helm >/dev/null; then
  start=$(date +%s.%N)
  for _ in $(seq "$N"); do helm template bench "$work/app" >/dev/null; done
  end=$(date +%s.%N)
  echo "helm:    per-render=$(python3 -c "print(f'{($end-$start)/$N*1e6:.1f}')")us (process per render)"
fi
if command -v go >/dev/null; then
  (cd bench/charts/go && GO111MODULE=off go build -o "$work/gobench" main.go)
  gores=$("$work/gobench" "$work" "$N" 2>&1)
  echo "go:      $gores"
  c=$(sed -E 's/.*per-render=([0-9.]+)us.*/\1/' <<<"$capstan")
  k=$(sed -E 's/.*per-render=([0-9.]+)us.*/\1/' <<<"$cold")
  g=$(sed -E 's/.*per-render=([0-9.]+)us.*/\1/' <<<"$gores")
  python3 -c "print(f'ratio capstan/go-text-template: {float(\"$k\")/float(\"$g\"):.2f} parsing every render (like for like), {float(\"$c\")/float(\"$g\"):.2f} with the warm parse cache')"
else
  echo "go: not installed (apt-get install golang-go to measure the ratio)"
fi
