#!/usr/bin/env bash
# Commit-to-revision latency through a webhook: a commit is made, a signed GitHub-style push is POSTed to
# `capstan-fetcher run`, and the time until the daemon logs the new revision (it announces it right after)
# is measured, 20 times; prints p50 and p90. Target: p50 under 300 ms on a small repository.
set -euo pipefail
cd "$(dirname "$0")/../.."
bin=.build/release/capstan-fetcher; [ -x "$bin" ] || bin=.build/debug/capstan-fetcher
[ -x "$bin" ] || swift build --product capstan-fetcher >/dev/null
bin=$(realpath "$bin")
work=$(mktemp -d)
export GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null HOME=$work
export GIT_AUTHOR_NAME=bench GIT_AUTHOR_EMAIL=b@b GIT_COMMITTER_NAME=bench GIT_COMMITTER_EMAIL=b@b
git init -q -b main "$work/repo"; echo a > "$work/repo/a.yaml"; git -C "$work/repo" add -A; git -C "$work/repo" commit -qm first
echo bench-secret > "$work/secret"
port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
http=$(port); pub=$(port); router=$(port)
cat > "$work/capstan.yaml" <<YAML
sources:
  - name: site
    url: $work/repo
    interval: 1h
    webhookSecret: $work/secret
stages:
  fetcher: { pub: "tcp://127.0.0.1:$pub", router: "tcp://127.0.0.1:$router", data: $work/data }
YAML
python3 - "$bin" "$work" "$http" <<'PY'
import hashlib, hmac, json, statistics, subprocess, sys, time, urllib.request
binary, work, http = sys.argv[1], sys.argv[2], sys.argv[3]
daemon = subprocess.Popen([binary, "run", "--config", f"{work}/capstan.yaml", "--http", f"127.0.0.1:{http}"],
                          stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
def wait_for(predicate):
    for line in daemon.stdout:
        if predicate(line):
            return
    raise SystemExit("daemon exited")
try:
    wait_for(lambda line: 'msg="fetched"' in line)
    samples = []
    for i in range(20):
        open(f"{work}/repo/a.yaml", "w").write(f"value: {i}\n")
        subprocess.run(["git", "-C", f"{work}/repo", "commit", "-qam", f"change {i}"], check=True)
        head = subprocess.run(["git", "-C", f"{work}/repo", "rev-parse", "HEAD"], check=True, capture_output=True, text=True).stdout.strip()
        body = json.dumps({"ref": "refs/heads/main", "after": head}).encode()
        signature = "sha256=" + hmac.new(b"bench-secret", body, hashlib.sha256).hexdigest()
        request = urllib.request.Request(f"http://127.0.0.1:{http}/hooks/site", data=body, method="POST",
                                         headers={"X-Hub-Signature-256": signature, "X-GitHub-Delivery": f"d{i}"})
        start = time.perf_counter()
        urllib.request.urlopen(request).read()
        wait_for(lambda line: head in line and 'msg="fetched"' in line)
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    print(f"webhook commit-to-revision latency: p50 {statistics.median(samples):.0f} ms, p90 {samples[int(len(samples) * 0.9) - 1]:.0f} ms over {len(samples)} pushes (target p50 < 300 ms)")
finally:
    daemon.terminate()
    daemon.wait()
PY
rm -rf "$work"
