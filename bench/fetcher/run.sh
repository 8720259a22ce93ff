#!/usr/bin/env bash
# Fetcher benchmarks, each against git measured in the same run:
#   1. pack a 20 000-file, ~200 MB tree: `capstan-fetcher pack` (mirror up to date) vs `git archive --format=tar.gz`
#   2. one new commit on a 10 000-commit repository: `capstan-fetcher pack` (incremental fetch + pack) vs `git fetch` + `git archive`
# Usage: bench/fetcher/run.sh [files] [bytes-per-file] [commits]   (defaults 20000 10240 10000)
# Uses a release build when there is one (`swift build -c release --product capstan-fetcher`, or with
# `--scratch-path .build-release`; add `--static-swift-stdlib`, which halves process start), else debug. BENCH_SKIP_PACK=1 skips the 200 MB pack benchmark.
set -euo pipefail
cd "$(dirname "$0")/../.."
files=${1:-20000}; size=${2:-10240}; commits=${3:-10000}
bin=.build/release/capstan-fetcher; [ -x "$bin" ] || bin=.build-release/release/capstan-fetcher
[ -x "$bin" ] || bin=.build/debug/capstan-fetcher
[ -x "$bin" ] || swift build --product capstan-fetcher >/dev/null
bin=$(realpath "$bin")
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME=$work
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=b@b

# measure <label> <command...>: wall seconds and peak RSS (MB) of the command and its children.
measure() {
  local label=$1; shift
  python3 - "$label" "$@" <<'PY'
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[2:], check=True, stdout=subprocess.DEVNULL)
elapsed = time.perf_counter() - start
rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
print(f"{sys.argv[1]} {elapsed:.3f} {rss:.1f}")
PY
}

if [ "${BENCH_SKIP_PACK:-}" != 1 ]; then
echo "== building a $files-file tree of ~$((files * size / 1048576)) MB"
git init -q -b main "$work/big"
python3 - "$work/big" "$files" "$size" <<'PY'
import os, random, sys
root, files, size = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = random.Random(42)
words = [f"word{i}" for i in range(5000)]
for i in range(files):
    d = os.path.join(root, f"dir{i % 400:03d}", f"sub{i % 7}")
    os.makedirs(d, exist_ok=True)
    text = []
    length = 0
    while length < size:
        line = " ".join(rng.choice(words) for _ in range(12)) + "\n"
        text.append(line); length += len(line)
    open(os.path.join(d, f"file{i:05d}.yaml"), "w").write("".join(text)[:size])
PY
git -C "$work/big" add -A && git -C "$work/big" commit -qm big
"$bin" pack "$work/big" --ref main --mirror "$work/mirror" --out "$work/warm" >/dev/null
read -r _ capstan_time capstan_rss < <(measure capstan "$bin" pack "$work/big" --ref main --mirror "$work/mirror" --out "$work/out")
read -r _ git_time git_rss < <(measure git sh -c "git -C '$work/big' archive --format=tar.gz HEAD > '$work/git.tar.gz'")
ls -l "$work"/out/artifacts/sha256/*.tar.gz "$work/git.tar.gz" | awk '{print "   size", $5, $9}'
echo "pack:  capstan ${capstan_time}s (peak RSS ${capstan_rss} MB)  git archive ${git_time}s (peak RSS ${git_rss} MB)  ratio $(python3 -c "print(round($capstan_time/$git_time, 2))")x"

fi

echo "== $commits-commit history, then one new commit (5 rounds, medians)"
git init -q -b main "$work/history"
python3 - "$commits" <<'PY' | git -C "$work/history" fast-import --quiet
import sys
n = int(sys.argv[1])
for i in range(n):
    data = f"revision {i}\n".encode()
    print("commit refs/heads/main")
    print(f"committer bench <b@b> {1700000000 + i} +0000")
    msg = f"commit {i}".encode()
    print(f"data {len(msg)}"); sys.stdout.flush(); sys.stdout.buffer.write(msg + b"\n")
    print(f"M 100644 inline file{i % 50}.txt")
    print(f"data {len(data)}"); sys.stdout.flush(); sys.stdout.buffer.write(data + b"\n")
PY
git -C "$work/history" reset -q --hard main
"$bin" pack "$work/history" --ref main --mirror "$work/hmirror" --out "$work/hout" >/dev/null
git clone -q --mirror "$work/history" "$work/gmirror"
cf=(); gf=()
for round in 1 2 3 4 5; do
  echo "new $round" > "$work/history/new.txt"; git -C "$work/history" add -A; git -C "$work/history" commit -qm "new $round"
  read -r _ t _ < <(measure capstan "$bin" pack "file://$work/history" --ref main --mirror "$work/hmirror" --out "$work/hout"); cf+=("$t")
  read -r _ t _ < <(measure git sh -c "git -C '$work/gmirror' fetch -q 'file://$work/history' '+refs/heads/*:refs/heads/*' && git -C '$work/gmirror' archive --format=tar.gz main > '$work/g2.tar.gz'"); gf+=("$t")
done
median() { printf '%s\n' "$@" | sort -n | sed -n 3p; }
cf_time=$(median "${cf[@]}"); gf_time=$(median "${gf[@]}")
echo "incremental: capstan fetch+pack ${cf_time}s  git fetch+archive ${gf_time}s  ratio $(python3 -c "print(round($cf_time/$gf_time, 2))")x  (runs: capstan ${cf[*]}; git ${gf[*]})"
read -r _ start_time _ < <(measure capstan "$bin" --help)
echo "process start alone (capstan-fetcher --help): ${start_time}s"
