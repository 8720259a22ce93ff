#!/usr/bin/env bash
# Executes a 200-template workload N times with Capstan's engine (release build) and, when Debian's
# golang-go is installed, with Go's text/template; prints both and the ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
N="${1:-100}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/templates/gen.py "$work"
swift build -c release --product capstan-renderer >/dev/null
capstan=$(.build/release/capstan-renderer gotemplate "$work/bench.tmpl" --data "$work/bench.json" --funcs helm --repeat "$N" 2>&1 >/dev/null)
echo "capstan: $capstan"
if command -v go >/dev/null; then
  (cd bench/templates/go && GO111MODULE=off go build -o "$work/gobench" main.go)
  gores=$("$work/gobench" "$work/bench.tmpl" "$work/bench.json" "$N" 2>&1)
  echo "go:      $gores"
  c=$(sed -E 's/.*per-execution=([0-9.]+)us.*/\1/' <<<"$capstan")
  g=$(sed -E 's/.*per-execution=([0-9.]+)us.*/\1/' <<<"$gores")
  python3 -c "print(f'ratio capstan/go: {float(\"$c\")/float(\"$g\"):.2f}')"
else
  echo "go: not installed (apt-get install golang-go to measure the ratio)"
fi
