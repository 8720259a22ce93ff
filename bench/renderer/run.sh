#!/usr/bin/env bash
# Renderer benchmark: `capstan-renderer build` (release) against `kubectl kustomize` on the same
# generated tree (COUNT Deployment+Service+ConfigMap triples under two overlay layers), same run.
# Prints both times, both peak RSS figures (/usr/bin/time), the ratios, and whether outputs match.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
count="${COUNT:-500}"
runs="${RUNS:-1}"

python3 "$root/bench/renderer/generate.py" "$count" "$work/tree"
(cd "$root" && swift build -c release --product capstan-renderer >&2)
renderer="$root/.build/release/capstan-renderer"

measure() { # prints "seconds maxRSSkB status" of the command; stdout to $1, stderr to $1.err
  local out="$1"; shift
  local status=0
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$out" 2> "$out.err" || status=$?
  echo "$(tail -1 "$work/time") $status"
}
best() { sort -n | head -1; }
ours_t=(); theirs_t=()
for _ in $(seq "$runs"); do
  ours_t+=("$(measure "$work/ours.yaml" "$renderer" build --root "$work/tree" "$work/tree/prod")")
  theirs_t+=("$(measure "$work/theirs.yaml" kubectl kustomize "$work/tree/prod")")
done
read -r ot orss ostatus <<<"$(printf '%s\n' "${ours_t[@]}" | best)"
read -r tt trss _ <<<"$(printf '%s\n' "${theirs_t[@]}" | best)"

echo "objects: $(grep -c '^kind:' "$work/theirs.yaml") (kubectl), best of $runs runs"
echo "kubectl kustomize  : ${tt}s, max RSS ${trss} kB"
if [ "$ostatus" != 0 ]; then
  echo "capstan-renderer   : FAILED (exit $ostatus): $(head -c 300 "$work/ours.yaml.err")"
  exit 1
fi
cmp -s "$work/ours.yaml" "$work/theirs.yaml" && same=identical || same=DIFFERENT
echo "capstan-renderer   : ${ot}s, max RSS ${orss} kB"
echo "output             : $same ($(wc -c < "$work/ours.yaml") vs $(wc -c < "$work/theirs.yaml") bytes)"
python3 -c "import sys; o,t,orss,trss=map(float,sys.argv[1:]); print(f'speed-up: {t/max(o,0.005):.1f}x, RSS ratio (ours/theirs): {orss/trss:.2f} (time resolution 10 ms)')" "$ot" "$tt" "$orss" "$trss"
