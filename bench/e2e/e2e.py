#!/usr/bin/env python3
"""Commit-to-cluster latency of the whole Capstan stack against `git pull` + `kubectl apply` by hand.

Run by bench/e2e/run.sh, which picks the binaries; see bench/e2e/README.md for what is measured.
Usage: e2e.py <bin-dir> <work-dir> <commits> <poll-interval-seconds>
"""
import hashlib, hmac, http.client, json, os, random, re, socket, statistics, subprocess, sys, time, urllib.request
from datetime import datetime

BIN, WORK, COMMITS, POLL = sys.argv[1], sys.argv[2], int(sys.argv[3]), float(sys.argv[4])
SECRET = b"bench-secret"
GIT_ENV = dict(os.environ, GIT_CONFIG_NOSYSTEM="1", GIT_CONFIG_GLOBAL="/dev/null", HOME=WORK,
               GIT_AUTHOR_NAME="bench", GIT_AUTHOR_EMAIL="b@b", GIT_COMMITTER_NAME="bench", GIT_COMMITTER_EMAIL="b@b")
processes = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def git(*args, cwd=None):
    return subprocess.run(["git", *args], cwd=cwd, env=GIT_ENV, check=True, capture_output=True, text=True).stdout.strip()


def run(argv):
    result = subprocess.run(argv, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({result.returncode}): {result.stderr.strip()}")


def spawn(name, argv):
    log = open(f"{WORK}/logs/{name}.log", "w")
    process = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, env=GIT_ENV)
    processes.append((name, process))
    return process


def wait_until(what, predicate, timeout=60.0, step=0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for name, process in processes:
            if process.poll() is not None:
                raise SystemExit(f"{name} exited with {process.returncode}; see {WORK}/logs/{name}.log")
        value = predicate()
        if value:
            return value
        time.sleep(step)
    raise SystemExit(f"timed out waiting for {what}")


class Cluster:
    """Reads one ConfigMap's `data.value` from kubesim over a kept-alive connection."""

    def __init__(self, port):
        self.port = port
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)

    def value(self, namespace, name):
        try:
            self.connection.request("GET", f"/api/v1/namespaces/{namespace}/configmaps/{name}")
            response = self.connection.getresponse()
            body = response.read()
        except (OSError, http.client.HTTPException):
            self.connection.close()
            self.connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=5)
            return None
        if response.status != 200:
            return None
        return json.loads(body).get("data", {}).get("value")

    def wait_for(self, namespace, name, value, timeout=60.0):
        """Seconds on the monotonic clock at which the value was first seen (polled every 2 ms)."""
        return wait_until(f"{namespace}/{name} = {value}",
                          lambda: time.monotonic() if self.value(namespace, name) == value else None,
                          timeout=timeout, step=0.002)


def write_app(clone, app, value):
    directory = f"{clone}/apps/{app}"
    os.makedirs(directory, exist_ok=True)
    open(f"{directory}/namespace.yaml", "w").write(f"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: bench-{app}\n")
    open(f"{directory}/configmap.yaml", "w").write(
        f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: bench\n  namespace: bench-{app}\ndata:\n  value: \"{value}\"\n")


def make_repo(app, git_port):
    """A bare repository served by git daemon and an author's clone of it with one app in it."""
    git("init", "-q", "--bare", "-b", "main", f"{WORK}/git/{app}.git")
    clone = f"{WORK}/authors/{app}"
    git("init", "-q", "-b", "main", clone)
    write_app(clone, app, "v0")
    git("add", "-A", cwd=clone)
    git("commit", "-qm", "first", cwd=clone)
    git("remote", "add", "origin", f"git://127.0.0.1:{git_port}/{app}.git", cwd=clone)
    git("push", "-q", "origin", "main", cwd=clone)
    return clone


def commit_and_push(clone, app, value):
    """Commits a new value; returns (commit id, monotonic time at which `git push` returned)."""
    write_app(clone, app, value)
    git("commit", "-qam", f"value {value}", cwd=clone)
    head = git("rev-parse", "HEAD", cwd=clone)
    git("push", "-q", "origin", "main", cwd=clone)
    return head, time.monotonic(), time.time()


def post_webhook(http_port, head, delivery):
    body = json.dumps({"ref": "refs/heads/main", "after": head}).encode()
    signature = "sha256=" + hmac.new(SECRET, body, hashlib.sha256).hexdigest()
    request = urllib.request.Request(f"http://127.0.0.1:{http_port}/hooks/hook", data=body, method="POST",
                                     headers={"X-Hub-Signature-256": signature, "X-GitHub-Delivery": delivery})
    urllib.request.urlopen(request, timeout=5).read()


def percentile(samples, fraction):
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, max(0, round(fraction * len(ordered) + 0.5) - 1))]


def summary(label, samples):
    return f"{label:<34} p50 {statistics.median(samples) * 1000:7.0f} ms   p99 {percentile(samples, 0.99) * 1000:7.0f} ms   " \
           f"min {min(samples) * 1000:5.0f}  max {max(samples) * 1000:6.0f}  (n={len(samples)})"


LINE = re.compile(r'^ts=(\S+) ')


def log_times(stage, message):
    """{commit id: wall time} of the first `msg="<message>"` line of a stage's log naming a commit."""
    found = {}
    for line in open(f"{WORK}/logs/{stage}.log", errors="replace"):
        if f'msg="{message}"' not in line and f"msg={message} " not in line:
            continue
        match, commit = LINE.match(line), re.search(r'sha1:([0-9a-f]{40})', line)
        if match and commit and commit.group(1) not in found:
            found[commit.group(1)] = datetime.fromisoformat(match.group(1).replace("Z", "+00:00")).timestamp()
    return found


MARKS = [("fetcher", "fetched", "fetched"), ("renderer", "revision", "renderer got revision"),
         ("renderer", "rendered", "rendered"), ("applier", "bundle announced", "applier got bundle"),
         ("applier", "reconciled", "reconciled")]


def breakdown(runs):
    """When each stage logged a commit, in ms after its push: medians over the runs, and the slowest run."""
    times = [log_times(stage, message) for stage, message, _ in MARKS]
    def line(selected, how):
        parts = []
        for (_, _, label), found in zip(MARKS, times):
            deltas = [found[head] - wall for head, wall, _ in selected if head in found]
            if deltas:
                parts.append(f"{label} +{statistics.median(deltas) * 1000:.0f}")
        parts.append(f"visible +{statistics.median([latency for _, _, latency in selected]) * 1000:.0f}")
        return "  ".join(parts) + f" ms ({how})"
    slowest = max(runs, key=lambda run: run[2])
    return line(runs, "medians after push") + "\n    " + line([slowest], "slowest run")


def main():
    for sub in ["git", "authors", "logs", "kubesim", "fetcher", "renderer", "applier"]:
        os.makedirs(f"{WORK}/{sub}", exist_ok=True)
    ports = {name: free_port() for name in ["kubesim", "git", "fpub", "frouter", "fhttp", "rpub", "rrouter", "rhttp",
                                            "apub", "arouter", "ahttp"]}
    spawn("kubesim", [f"{BIN}/capstan-kubesim", "--listen", f"127.0.0.1:{ports['kubesim']}", "--state", f"{WORK}/kubesim"])
    spawn("git-daemon", ["git", "daemon", "--reuseaddr", "--listen=127.0.0.1", f"--port={ports['git']}", f"--base-path={WORK}/git",
                         "--export-all", "--enable=receive-pack", f"{WORK}/git"])
    cluster = Cluster(ports["kubesim"])
    wait_until("kubesim", lambda: probe(ports["kubesim"]))
    wait_until("git daemon", lambda: probe(ports["git"]))
    clones = {app: make_repo(app, ports["git"]) for app in ["hook", "poll", "manual"]}
    open(f"{WORK}/webhook-secret", "wb").write(SECRET)
    kubeconfig = f"{WORK}/kubeconfig"
    open(kubeconfig, "w").write(f"""apiVersion: v1
kind: Config
clusters: [{{ name: kubesim, cluster: {{ server: "http://127.0.0.1:{ports['kubesim']}" }} }}]
users: [{{ name: bench, user: {{}} }}]
contexts: [{{ name: kubesim, context: {{ cluster: kubesim, user: bench }} }}]
current-context: kubesim
""")
    # BENCH_DEAD_UPSTREAMS=1: the renderer and the applier list an instance that is down before the live one.
    dead = os.environ.get("BENCH_DEAD_UPSTREAMS") == "1"
    def upstream(stage):
        if not dead:
            return ""
        down = f'{{ pub: "tcp://127.0.0.1:{free_port()}", router: "tcp://127.0.0.1:{free_port()}" }}'
        live = f'{{ pub: "tcp://127.0.0.1:{ports[stage + "pub"]}", router: "tcp://127.0.0.1:{ports[stage + "router"]}" }}'
        return f", upstream: [{down}, {live}]"
    config = f"{WORK}/capstan.yaml"
    open(config, "w").write(f"""sources:
  - name: hook
    url: git://127.0.0.1:{ports['git']}/hook.git
    interval: 1h
    webhookSecret: {WORK}/webhook-secret
  - name: poll
    url: git://127.0.0.1:{ports['git']}/poll.git
    interval: {POLL}s
apps:
  - {{ name: hook, source: hook, path: apps/hook, prune: true }}
  - {{ name: poll, source: poll, path: apps/poll, prune: true }}
stages:
  fetcher:  {{ pub: "tcp://127.0.0.1:{ports['fpub']}", router: "tcp://127.0.0.1:{ports['frouter']}", http: "127.0.0.1:{ports['fhttp']}", data: {WORK}/fetcher }}
  renderer: {{ pub: "tcp://127.0.0.1:{ports['rpub']}", router: "tcp://127.0.0.1:{ports['rrouter']}", http: "127.0.0.1:{ports['rhttp']}", data: {WORK}/renderer{upstream("f")} }}
  applier:  {{ pub: "tcp://127.0.0.1:{ports['apub']}", router: "tcp://127.0.0.1:{ports['arouter']}", http: "127.0.0.1:{ports['ahttp']}", data: {WORK}/applier, kubeconfig: {kubeconfig}{upstream("r")} }}
""")
    for stage in ["fetcher", "renderer", "applier"]:
        spawn(stage, [f"{BIN}/capstan-{stage}", "run", "--config", config])
    for app in ["hook", "poll"]:
        cluster.wait_for(f"bench-{app}", "bench", "v0", timeout=120)
    print(f"stack up (binaries: {BIN}); {COMMITS} commits per mode; poll interval {POLL:g} s"
          + ("; a down fetcher and a down renderer listed first upstream" if dead else ""), flush=True)

    results = {}
    runs = []
    for i in range(1, COMMITS + 1):
        head, pushed, wall = commit_and_push(clones["hook"], "hook", f"w{i}")
        post_webhook(ports["fhttp"], head, f"delivery-{i}")
        latency = cluster.wait_for("bench-hook", "bench", f"w{i}") - pushed
        runs.append((head, wall, latency))
    results["webhook"] = runs
    print(summary("webhook (push + POST /hooks)", [r[2] for r in runs]))
    print(f"    {breakdown(runs)}", flush=True)

    runs = []
    for i in range(1, COMMITS + 1):
        # A push lands at a random point of the poll cycle, not right after the previous fetch.
        time.sleep(random.uniform(0, POLL))
        head, pushed, wall = commit_and_push(clones["poll"], "poll", f"p{i}")
        latency = cluster.wait_for("bench-poll", "bench", f"p{i}", timeout=POLL * 10 + 60) - pushed
        runs.append((head, wall, latency))
    results["poll"] = runs
    print(summary(f"poll (interval {POLL:g} s)", [r[2] for r in runs]))
    print(f"    {breakdown(runs)}", flush=True)

    deploy = f"{WORK}/deploy"
    git("clone", "-q", f"git://127.0.0.1:{ports['git']}/manual.git", deploy)
    kubectl = ["kubectl", "--kubeconfig", kubeconfig, "apply", "--server-side", "--field-manager=bench", "-f", f"{deploy}/apps/manual"]
    run(kubectl[:-1] + [f"{deploy}/apps/manual/namespace.yaml"])  # the namespace first, as one would by hand
    run(kubectl)
    runs = []
    for i in range(1, COMMITS + 1):
        head, pushed, wall = commit_and_push(clones["manual"], "manual", f"m{i}")
        git("pull", "-q", "--ff-only", cwd=deploy)
        run(kubectl)
        latency = cluster.wait_for("bench-manual", "bench", f"m{i}") - pushed
        runs.append((head, wall, latency))
    results["manual"] = runs
    print(summary("by hand (git pull + kubectl apply)", [r[2] for r in runs]), flush=True)

    latencies = {mode: [latency for _, _, latency in runs] for mode, runs in results.items()}
    manual = statistics.median(latencies["manual"])
    for mode in ["webhook", "poll"]:
        print(f"ratio {mode}/by-hand p50: {statistics.median(latencies[mode]) / manual:.2f}x   "
              f"p99: {percentile(latencies[mode], 0.99) / percentile(latencies['manual'], 0.99):.2f}x")
    verdict = "met" if statistics.median(latencies["webhook"]) < 1.0 else "NOT met"
    print(f"target webhook p50 < 1 s: {verdict}")


def probe(port):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5):
            return True
    except OSError:
        return False


if __name__ == "__main__":
    try:
        main()
    finally:
        for name, process in reversed(processes):
            process.terminate()
        for name, process in reversed(processes):
            try:
                process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
