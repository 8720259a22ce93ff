#!/usr/bin/env bash
# Emitter benchmark: decode + legacy order + encode of 1 500 objects (500 Deployment/Service/
# ConfigMap triples in plain files) against `kubectl kustomize` over the same files, same run.
# Builds an optimized driver with swiftc directly (no SwiftPM release build of the whole package).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
count="${COUNT:-500}"

python3 "$root/bench/emitter/generate.py" "$count" "$work/tree"

mods="$work/mods"
mkdir -p "$mods"
opt=(-O -wmo -parse-as-library)
swiftc "${opt[@]}" -module-name CapstanCore -emit-module -emit-library -static -emit-module-path "$mods/CapstanCore.swiftmodule" \
  -o "$mods/libCapstanCore.a" "$root"/Sources/CapstanCore/JSONValue*.swift
swiftc "${opt[@]}" -module-name YAML -emit-module -emit-library -static -emit-module-path "$mods/YAML.swiftmodule" \
  -I "$root/Sources/CYAML" -o "$mods/libYAML.a" "$root"/Sources/YAML/*.swift
swiftc "${opt[@]}" -module-name Manifests -emit-module -emit-library -static -emit-module-path "$mods/Manifests.swiftmodule" \
  -I "$mods" -I "$root/Sources/CYAML" -o "$mods/libManifests.a" "$root"/Sources/Manifests/*.swift
swiftc -O -I "$mods" -I "$root/Sources/CYAML" -L "$mods" -lManifests -lYAML -lCapstanCore -lyaml \
  -o "$work/emitter-bench" "$root/bench/emitter/main.swift"

measure() { # prints "seconds maxRSSkB" of the command, output to $1
  local out="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$out"
  cat "$work/time"
}
runs="${RUNS:-3}"
best() { sort -n | head -1; }
ours_t=(); theirs_t=()
for _ in $(seq "$runs"); do
  ours_t+=("$(measure "$work/ours.yaml" "$work/emitter-bench" "$work/tree")")
  theirs_t+=("$(measure "$work/theirs.yaml" kubectl kustomize "$work/tree")")
done
cmp -s "$work/ours.yaml" "$work/theirs.yaml" && same=identical || same=DIFFERENT
ours="$(printf '%s\n' "${ours_t[@]}" | best)"
theirs="$(printf '%s\n' "${theirs_t[@]}" | best)"
read -r ot orss <<<"$ours"; read -r tt trss <<<"$theirs"
echo "objects: $((count * 3)), output: $same ($(wc -c < "$work/ours.yaml") bytes)"
echo "capstan emitter : ${ot}s, max RSS ${orss} kB"
echo "kubectl kustomize: ${tt}s, max RSS ${trss} kB"
python3 -c "import sys; o,t=float(sys.argv[1]),float(sys.argv[2]); print(f'speed-up: {t/max(o,0.005):.1f}x (time resolution 10 ms)')" "$ot" "$tt"
