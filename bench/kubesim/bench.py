#!/usr/bin/env python3
"""Drives one capstan-kubesim process over one keep-alive HTTP connection and prints req/s and peak RSS.

The peer is the issue's floor: the applier needs >= 2000 server-side applies per second, so the ratio
printed is measured / 2000 (and for lists, the measured rate / 20, an arbitrary floor of 20 lists/s)."""
import http.client, json, os, subprocess, sys, time

binary, seconds = sys.argv[1], float(sys.argv[2])
proc = subprocess.Popen([binary, "--listen", "127.0.0.1:0", "--rollout-delay", "1h"], stdout=subprocess.PIPE, text=True)
try:
    line = proc.stdout.readline()
    port = int(line.rsplit(":", 1)[1])
    conn = http.client.HTTPConnection("127.0.0.1", port)

    def call(method, path, body=None, ctype="application/json"):
        conn.request(method, path, body=body, headers={"Content-Type": ctype, "Accept": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
        if resp.status >= 300:
            raise SystemExit(f"{method} {path}: {resp.status} {data[:300]!r}")
        return data

    def deployment(replicas):
        return json.dumps({"apiVersion": "apps/v1", "kind": "Deployment",
            "metadata": {"name": "web", "namespace": "default", "labels": {"app": "web"}},
            "spec": {"replicas": replicas, "selector": {"matchLabels": {"app": "web"}},
                     "template": {"metadata": {"labels": {"app": "web"}}, "spec": {"containers": [
                         {"name": "web", "image": "nginx:1.27", "ports": [{"containerPort": 80}],
                          "env": [{"name": "A", "value": "1"}, {"name": "B", "value": "2"}]}]}}}}, sort_keys=True)

    def cpu_seconds():
        """The emulator's own CPU time (user + system): a per-request cost that a busy machine does not distort."""
        with open(f"/proc/{proc.pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    count, start = 0, time.monotonic()
    while time.monotonic() - start < seconds / 2:
        call("GET", "/healthz")
        count += 1
    ceiling = count / (time.monotonic() - start)

    path = "/apis/apps/v1/namespaces/default/deployments/web?fieldManager=bench&force=false"
    bodies = [deployment(2), deployment(3)]
    count, start, cpu = 0, time.monotonic(), cpu_seconds()
    while time.monotonic() - start < seconds:
        call("PATCH", path, bodies[count % 2], "application/apply-patch+yaml")
        count += 1
    applies = count / (time.monotonic() - start)
    apply_cpu = (cpu_seconds() - cpu) / count * 1e6

    for i in range(5000):
        call("POST", "/api/v1/namespaces/default/configmaps",
             json.dumps({"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": f"cm-{i:05d}"}, "data": {"k": "v" * 32}}))
    count, start, cpu = 0, time.monotonic(), cpu_seconds()
    while time.monotonic() - start < seconds:
        call("GET", "/api/v1/namespaces/default/configmaps")
        count += 1
    lists = count / (time.monotonic() - start)
    list_cpu = (cpu_seconds() - cpu) / count * 1e3

    rss = 0
    with open(f"/proc/{proc.pid}/status") as status:
        for row in status:
            if row.startswith("VmHWM:"):
                rss = int(row.split()[1]) // 1024
    print(f"server-side apply of a Deployment: {applies:8.0f} req/s   (floor 2000 req/s, ratio {applies / 2000:.2f})"
          f"   emulator CPU {apply_cpu:.0f} us/request (= {1e6 / apply_cpu:.0f} req/s per core)")
    print(f"list of 5000 ConfigMaps:           {lists:8.1f} req/s   (floor 20 req/s, ratio {lists / 20:.2f})"
          f"   emulator CPU {list_cpu:.1f} ms/request")
    print(f"GET /healthz (client+HTTP ceiling): {ceiling:6.0f} req/s")
    print(f"peak RSS of capstan-kubesim:       {rss} MiB")
finally:
    proc.terminate()
    proc.wait()
