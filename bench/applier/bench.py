#!/usr/bin/env python3
"""capstan-applier apply vs kubectl apply --server-side, same run, same capstan-kubesim process.

Prints wall times, the ratio, the write requests each side sent (from the emulator's /metrics), and the
applier's peak RSS while applying a larger bundle. Usage: bench.py <capstan-applier> <capstan-kubesim> [objects] [rss-objects]"""
import json, os, subprocess, sys, tempfile, time, urllib.request

applier, kubesim = sys.argv[1], sys.argv[2]
count = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
rss_count = int(sys.argv[4]) if len(sys.argv) > 4 else 5000
REPEATS = int(os.environ.get("REPEATS", "3"))
WRITE_VERBS = {"POST", "PUT", "PATCH", "APPLY", "DELETE", "DELETECOLLECTION"}


def bundle(namespace, n):
    """A namespace and n objects: 60 % ConfigMaps, 20 % Deployments, 20 % Services."""
    docs = [{"apiVersion": "v1", "kind": "Namespace", "metadata": {"name": namespace}}]
    for i in range(n):
        name, meta = f"obj-{i:05d}", {"name": f"obj-{i:05d}", "namespace": namespace, "labels": {"app": f"obj-{i:05d}"}}
        if i % 5 == 3:
            docs.append({"apiVersion": "apps/v1", "kind": "Deployment", "metadata": meta, "spec": {
                "replicas": 2, "selector": {"matchLabels": {"app": name}},
                "template": {"metadata": {"labels": {"app": name}}, "spec": {"containers": [
                    {"name": "app", "image": "nginx:1.27", "ports": [{"containerPort": 80}]}]}}}})
        elif i % 5 == 4:
            docs.append({"apiVersion": "v1", "kind": "Service", "metadata": meta, "spec": {
                "selector": {"app": name}, "ports": [{"port": 80, "targetPort": 8080}]}})
        else:
            docs.append({"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta, "data": {"key": "v" * 64, "index": str(i)}})
    # A leading "---" makes kubectl read a YAML stream (flow-style JSON documents) rather than one JSON value.
    return "---\n" + "\n---\n".join(json.dumps(d, sort_keys=True) for d in docs) + "\n"


def writes(port):
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics").read().decode()
    total = 0
    for line in text.splitlines():
        if line.startswith("apiserver_request_total{") and any(f'verb="{v}"' in line for v in WRITE_VERBS):
            total += int(line.rsplit(" ", 1)[1])
    return total


def run(argv, port):
    """Runs one command; returns (seconds, write requests it caused, peak RSS in MiB)."""
    before = writes(port)
    start = time.monotonic()
    child = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    elapsed = time.monotonic() - start
    err = child.stderr.read().decode()
    if status != 0:
        raise SystemExit(f"{' '.join(argv[:3])} failed ({status}): {err[-2000:]}")
    return elapsed, writes(port) - before, usage.ru_maxrss / 1024


work = tempfile.mkdtemp(prefix="bench-applier-")
sim = subprocess.Popen([kubesim, "--listen", "127.0.0.1:0", "--rollout-delay", "50ms"], stdout=subprocess.PIPE, text=True)
try:
    port = int(sim.stdout.readline().rsplit(":", 1)[1])
    kubeconfig = os.path.join(work, "kubeconfig")
    with open(kubeconfig, "w") as f:
        f.write(f"""apiVersion: v1
kind: Config
clusters: [{{name: sim, cluster: {{server: "http://127.0.0.1:{port}"}}}}]
users: [{{name: sim, user: {{}}}}]
contexts: [{{name: sim, context: {{cluster: sim, user: sim}}}}]
current-context: sim
""")
    files = {}
    for side, n in (("kubectl", count), ("capstan", count), ("rss", rss_count)):
        files[side] = os.path.join(work, f"{side}.yaml")
        with open(files[side], "w") as f:
            f.write(bundle(f"bench-{side}", n))
    env = dict(os.environ, KUBECONFIG=kubeconfig)
    kubectl = ["kubectl", "--kubeconfig", kubeconfig, "apply", "--server-side", "-f", files["kubectl"]]
    capstan = [applier, "apply", "--app", "bench", "--kubeconfig", kubeconfig, "--prune", files["capstan"]]

    k_first, k_first_writes, _ = run(kubectl, port)
    c_first, c_first_writes, c_first_rss = run(capstan, port)
    # Re-applies are short and noisy on a shared machine: each side runs REPEATS times, interleaved; the
    # median time counts, and the writes of every run (kubectl's of one run, capstan's summed: all must be 0).
    k_runs, c_runs = [], []
    for _ in range(REPEATS):
        k_runs.append(run(kubectl, port))
        c_runs.append(run(capstan, port))
    k_again, k_again_writes = sorted(r[0] for r in k_runs)[REPEATS // 2], k_runs[0][1]
    c_again, c_again_writes = sorted(r[0] for r in c_runs)[REPEATS // 2], sum(r[1] for r in c_runs)
    _, _, rss = run([applier, "apply", "--app", "bench-rss", "--kubeconfig", kubeconfig, "--prune", files["rss"]], port)

    print(f"objects: {count} (+1 namespace), one capstan-kubesim, release build")
    print(f"first apply   kubectl {k_first:7.2f} s ({k_first_writes} writes)   capstan-applier {c_first:6.2f} s "
          f"({c_first_writes} writes)   ratio {k_first / c_first:5.1f}x   (target >= 3x)")
    print(f"re-apply      kubectl {k_again:7.2f} s ({k_again_writes} writes)   capstan-applier {c_again:6.3f} s "
          f"({c_again_writes} writes in {REPEATS} runs)   ratio {k_again / c_again:5.1f}x   (target >= 20x, 0 writes; median of {REPEATS})")
    print(f"              kubectl runs {' '.join(f'{r[0]:.2f}' for r in k_runs)} s; capstan-applier runs "
          f"{' '.join(f'{r[0]:.3f}' for r in c_runs)} s")
    print(f"peak RSS      capstan-applier applying {rss_count} objects: {rss:.0f} MiB (target < 100 MiB); "
          f"{count} objects: {c_first_rss:.0f} MiB")
finally:
    sim.terminate()
    sim.wait()
    subprocess.run(["rm", "-rf", work])
