#!/usr/bin/env python3
"""Writes a Helm chart with 200 templates (a parent and 3 subcharts, 50 each) using only Go's
built-in template functions, plus coalesced.json: each chart's values as Helm would coalesce them
(for the Go harness, which has no YAML reader)."""
import json, os, sys

out = sys.argv[1]
charts = ["app", "sub1", "sub2", "sub3"]

def values(name):
    return {
        "enabled": True,
        "image": {"repository": f"registry.example.com/{name}", "tag": "1.2.3"},
        "ports": [80, 443, 8080],
        "settings": {f"key{i:02d}": f"value-{name}-{i}" for i in range(20)},
        "replicas": 2,
    }

def template(chart, i):
    return f"""apiVersion: v1
kind: ConfigMap
metadata:
  name: {{{{ .Release.Name }}}}-{{{{ .Chart.Name }}}}-cm{i:03d}
  labels:
{{{{- template "{chart}.labels" . }}}}
data:
{{{{- range $k, $v := .Values.settings }}}}
  {{{{ $k }}}}: {{{{ printf "%v-{i}" $v | printf "%q" }}}}
{{{{- end }}}}
{{{{- if .Values.enabled }}}}
  enabled: "true"
{{{{- end }}}}
{{{{- with .Values.image }}}}
  image: "{{{{ .repository }}}}:{{{{ .tag }}}}"
{{{{- end }}}}
{{{{- range $i, $p := .Values.ports }}}}
  port{{{{ $i }}}}: "{{{{ $p }}}}"
{{{{- end }}}}
  replicas: "{{{{ .Values.replicas }}}}"
"""

def helpers(chart):
    return f"""{{{{- define "{chart}.labels" }}}}
    app.kubernetes.io/name: {{{{ .Chart.Name }}}}
    app.kubernetes.io/instance: {{{{ .Release.Name }}}}
    app.kubernetes.io/version: {{{{ .Chart.Version | printf "%q" }}}}
{{{{- end }}}}
"""

def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as f:
        f.write(text)

coalesced = {}
for chart in charts:
    base = f"{out}/app" if chart == "app" else f"{out}/app/charts/{chart}"
    write(f"{base}/Chart.yaml", f"apiVersion: v2\nname: {chart}\nversion: 0.1.0\n")
    vals = values(chart)
    write(f"{base}/values.yaml", json.dumps(vals, indent=2) + "\n")
    write(f"{base}/templates/_helpers.tpl", helpers(chart))
    for i in range(50):
        write(f"{base}/templates/cm{i:03d}.yaml", template(chart, i))
    coalesced[chart] = vals
with open(f"{out}/coalesced.json", "w") as f:
    json.dump(coalesced, f)
