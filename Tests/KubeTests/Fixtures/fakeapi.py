#!/usr/bin/env python3
"""A small scriptable Kubernetes API stand-in for KubeTests: discovery, apply/get/list/delete,
chunked watches with 410 after compaction, token auth, TLS with client certificates, and
injected faults (status codes, Retry-After, dropped connections, delays). Requests are recorded
and served back on GET /_requests. Control endpoints start with /_."""
import argparse, json, socket, ssl, threading, time, urllib.parse, uuid
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

lock = threading.Condition()
state = {"rv": 100, "floor": 0, "objects": {}, "events": [], "requests": [], "faults": [],
         "inflight": 0, "max_inflight": 0,
         "resources": [("", "v1", "Namespace", "namespaces", False), ("", "v1", "ConfigMap", "configmaps", True),
                       ("apps", "v1", "Deployment", "deployments", True)]}
AGG = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"


def status(code, reason, message, details=None):
    body = {"kind": "Status", "apiVersion": "v1", "metadata": {}, "status": "Failure",
            "message": message, "reason": reason, "code": code}
    if details:
        body["details"] = details
    return body


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_json(self, code, body, ctype="application/json", headers=None):
        data = json.dumps(body).encode()
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(data)

    def body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n else b""

    def handle_one(self):
        url = urllib.parse.urlsplit(self.path)
        query = dict(urllib.parse.parse_qsl(url.query))
        raw = self.body()
        if url.path.startswith("/_"):
            return self.control(url.path, raw)
        with lock:
            state["requests"].append({"method": self.command, "path": self.path, "body": raw.decode(errors="replace"),
                                      "headers": {k.lower(): v for k, v in self.headers.items()}})
            fault = next((f for f in state["faults"] if f["count"] > 0 and url.path.startswith(f["path"])
                          and f.get("method", self.command) == self.command), None)
            if fault:
                fault["count"] -= 1
        if fault:
            time.sleep(fault.get("delay", 0))
            if fault.get("drop"):
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)
                return
            if fault.get("status"):
                headers = {"Retry-After": str(fault["retryAfter"])} if "retryAfter" in fault else {}
                body = fault.get("body") or status(fault["status"], fault.get("reason", ""), fault.get("message", "injected"))
                return self.send_json(fault["status"], body, headers=headers)
        if ARGS.token and self.headers.get("Authorization") != "Bearer " + ARGS.token:
            return self.send_json(401, status(401, "Unauthorized", "Unauthorized"))
        if url.path == "/version":
            return self.send_json(200, {"major": "1", "minor": "32", "gitVersion": "v1.32.4"})
        if url.path in ("/api", "/apis"):
            return self.discovery_root(url.path)
        return self.resource(url.path, query, raw)

    def do_GET(self): self.track(self.handle_one)
    def do_POST(self): self.track(self.handle_one)
    def do_PATCH(self): self.track(self.handle_one)
    def do_DELETE(self): self.track(self.handle_one)
    def do_PUT(self): self.track(self.handle_one)

    def track(self, fn):
        with lock:
            state["inflight"] += 1
            state["max_inflight"] = max(state["max_inflight"], state["inflight"])
        try:
            fn()
        finally:
            with lock:
                state["inflight"] -= 1

    def control(self, path, raw):
        with lock:
            if path == "/_requests":
                return self.send_json(200, state["requests"])
            if path == "/_reset_requests":
                state["requests"] = []
                state["max_inflight"] = 0
                return self.send_json(200, {})
            if path == "/_faults":
                state["faults"].append(json.loads(raw))
                return self.send_json(200, {})
            if path == "/_compact":
                state["floor"] = state["rv"]
                return self.send_json(200, {"floor": state["floor"]})
            if path == "/_resources":
                r = json.loads(raw)
                state["resources"].append((r["group"], r["version"], r["kind"], r["resource"], r["namespaced"]))
                return self.send_json(200, {})
            if path == "/_max_inflight":
                return self.send_json(200, {"max": state["max_inflight"]})
        self.send_json(404, {})

    def discovery_root(self, path):
        core = path == "/api"
        groups = {}
        for g, v, k, r, ns in state["resources"]:
            if (g == "") == core:
                groups.setdefault(g, {}).setdefault(v, []).append((k, r, ns))
        if ARGS.legacy_discovery:
            if core:
                return self.send_json(200, {"kind": "APIVersions", "versions": ["v1"]})
            return self.send_json(200, {"kind": "APIGroupList", "apiVersion": "v1", "groups": [
                {"name": g, "versions": [{"groupVersion": f"{g}/{v}", "version": v} for v in vs],
                 "preferredVersion": {"groupVersion": f"{g}/{list(vs)[0]}", "version": list(vs)[0]}}
                for g, vs in groups.items()]})
        items = [{"metadata": {"name": g}, "versions": [{"version": v, "resources": [
            {"resource": r, "responseKind": {"group": g, "version": v, "kind": k},
             "scope": "Namespaced" if ns else "Cluster", "verbs": ["get", "list", "watch", "patch", "delete"]}
            for k, r, ns in rs]} for v, rs in vs.items()]} for g, vs in groups.items()]
        self.send_json(200, {"kind": "APIGroupDiscoveryList", "apiVersion": "apidiscovery.k8s.io/v2", "items": items}, AGG)

    def locate(self, path):
        parts = path.strip("/").split("/")
        if parts[0] == "api":
            group, version, rest = "", parts[1], parts[2:]
        else:
            group, version, rest = parts[1], parts[2], parts[3:]
        if not rest:
            return (group, version, None, None, None)
        ns = None
        if rest[0] == "namespaces" and len(rest) >= 3:
            ns, rest = rest[1], rest[2:]
        return (group, version, ns, rest[0], rest[1] if len(rest) > 1 else None)

    def resource(self, path, query, raw):
        group, version, ns, resource, name = self.locate(path)
        known = [x for x in state["resources"] if x[0] == group and x[1] == version]
        if resource is None:
            return self.send_json(200, {"kind": "APIResourceList", "groupVersion": f"{group}/{version}" if group else version,
                                        "resources": [{"name": r, "kind": k, "namespaced": n, "verbs": ["get"]}
                                                      for _, _, k, r, n in known] + [{"name": "deployments/status", "kind": "Deployment", "namespaced": True}]})
        if not any(x[3] == resource for x in known):
            return self.send_json(404, status(404, "NotFound", "the server could not find the requested resource"))
        qualified = f"{resource}.{group}" if group else resource
        collection = (group, resource, ns)
        key = (group, resource, ns, name)
        if self.command == "GET" and name:
            with lock:
                obj = state["objects"].get(key)
            if obj is None:
                return self.send_json(404, status(404, "NotFound", f'{qualified} "{name}" not found',
                                                  {"name": name, "group": group, "kind": resource}))
            return self.send_json(200, obj)
        if self.command == "GET" and query.get("watch") == "true":
            return self.watch(collection, query)
        if self.command == "GET":
            return self.list(collection, query)
        if self.command == "PATCH":
            return self.apply(key, qualified, query, raw)
        if self.command == "DELETE":
            with lock:
                obj = state["objects"].pop(key, None)
                if obj is not None:
                    state["rv"] += 1
                    obj["metadata"]["resourceVersion"] = str(state["rv"])
                    state["events"].append((state["rv"], "DELETED", collection, obj))
                    lock.notify_all()
            if obj is None:
                return self.send_json(404, status(404, "NotFound", f'{qualified} "{name}" not found'))
            return self.send_json(200, obj)
        self.send_json(405, status(405, "MethodNotAllowed", "method not allowed"))

    def matches(self, collection, want):
        return collection[0] == want[0] and collection[1] == want[1] and (want[2] is None or collection[2] == want[2])

    def list(self, collection, query):
        with lock:
            items = [o for k, o in sorted(state["objects"].items(), key=lambda kv: str(kv[0]))
                     if self.matches((k[0], k[1], k[2]), collection)]
            selector = query.get("labelSelector")
            if selector:
                k, v = selector.split("=")
                items = [o for o in items if o["metadata"].get("labels", {}).get(k) == v]
            rv = str(state["rv"])
        start = int(query.get("continue", "0"))
        limit = int(query.get("limit", "0")) or len(items)
        page = items[start:start + limit]
        meta = {"resourceVersion": rv}
        if start + limit < len(items):
            meta["continue"] = str(start + limit)
        self.send_json(200, {"kind": "List", "apiVersion": "v1", "metadata": meta,
                             "items": [{k: v for k, v in o.items() if k not in ("kind", "apiVersion")} for o in page]})

    def apply(self, key, qualified, query, raw):
        if self.headers.get("Content-Type") != "application/apply-patch+yaml" or "fieldManager" not in query:
            return self.send_json(400, status(400, "BadRequest", "not an apply patch"))
        obj = json.loads(raw)
        if obj["metadata"]["name"].startswith("invalid"):
            return self.send_json(422, status(422, "Invalid", f'ConfigMap "{obj["metadata"]["name"]}" is invalid: data: Invalid value: "x": bad',
                                              {"name": obj["metadata"]["name"], "kind": "ConfigMap",
                                               "causes": [{"reason": "FieldValueInvalid", "message": "Invalid value: \"x\": bad", "field": "data"}]}))
        with lock:
            existing = state["objects"].get(key)
            if query.get("dryRun") == "All":
                return self.send_json(200 if existing else 201, obj)
            state["rv"] += 1
            obj["metadata"]["resourceVersion"] = str(state["rv"])
            obj["metadata"]["uid"] = existing["metadata"]["uid"] if existing else str(uuid.uuid4())
            state["objects"][key] = obj
            state["events"].append((state["rv"], "MODIFIED" if existing else "ADDED", key[:3], obj))
            lock.notify_all()
        self.send_json(200 if existing else 201, obj)

    def watch(self, collection, query):
        since = int(query.get("resourceVersion") or 0)
        deadline = time.time() + min(int(query.get("timeoutSeconds", "5")), 5)
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

        def chunk(data):
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()

        if since < state["floor"]:
            chunk(json.dumps({"type": "ERROR", "object": status(410, "Expired", f"too old resource version: {since} ({state['floor']})")}).encode() + b"\n")
        else:
            while time.time() < deadline:
                with lock:
                    pending = [e for e in state["events"] if e[0] > since and self.matches(e[2], collection)]
                    if not pending:
                        lock.wait(timeout=max(0.01, deadline - time.time()))
                        continue
                for rv, kind, _, obj in pending:
                    chunk(json.dumps({"type": kind, "object": obj}).encode() + b"\n")
                    since = rv
        self.wfile.write(b"0\r\n\r\n")
        self.wfile.flush()


parser = argparse.ArgumentParser()
parser.add_argument("--port-file", required=True)
parser.add_argument("--token")
parser.add_argument("--legacy-discovery", action="store_true")
parser.add_argument("--tls-cert")
parser.add_argument("--tls-key")
parser.add_argument("--client-ca")
ARGS = parser.parse_args()
server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
server.daemon_threads = True
if ARGS.tls_cert:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(ARGS.tls_cert, ARGS.tls_key)
    if ARGS.client_ca:
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(ARGS.client_ca)
    server.socket = context.wrap_socket(server.socket, server_side=True)
with open(ARGS.port_file + ".tmp", "w") as f:
    f.write(str(server.server_address[1]))
import os
os.rename(ARGS.port_file + ".tmp", ARGS.port_file)
server.serve_forever()
