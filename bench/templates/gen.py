#!/usr/bin/env python3
"""Writes a chart-like workload: 200 helper templates, each rendering a Deployment-ish document."""
import json, sys
out = sys.argv[1]
parts = []
for i in range(200):
    parts.append(f'''{{{{- define "tpl{i}" }}}}
apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{{{ .name }}}}-{i}
  labels:
{{{{- range $k, $v := .labels }}}}
    {{{{ $k }}}}: {{{{ printf "%q" $v }}}}
{{{{- end }}}}
spec:
  replicas: {{{{ .replicas }}}}
  template:
    spec:
      containers:
{{{{- range .containers }}}}
      - name: {{{{ .name }}}}
        image: "{{{{ .image }}}}:{{{{ .tag | default "latest" }}}}"
        {{{{- if .ports }}}}
        ports:
        {{{{- range .ports }}}}
        - containerPort: {{{{ . }}}}
        {{{{- end }}}}
        {{{{- end }}}}
        {{{{- with .env }}}}
        env:
          {{{{- range $k, $v := . }}}}
          - name: {{{{ $k }}}}
            value: {{{{ $v | printf "%v" | printf "%q" }}}}
          {{{{- end }}}}
        {{{{- end }}}}
{{{{- end }}}}
{{{{- end }}}}
''')
body = "".join(parts) + "".join(f'---\n{{{{ template "tpl{i}" . }}}}\n' for i in range(200))
open(f"{out}/bench.tmpl", "w").write(body)
data = {"name": "web", "replicas": 3,
        "labels": {f"label{i}": f"value{i}" for i in range(8)},
        "containers": [{"name": f"c{j}", "image": "registry.example/app", "tag": "1.2.3" if j % 2 else "",
                        "ports": [8080 + j, 9090 + j], "env": {f"E{k}": k for k in range(5)}} for j in range(3)]}
json.dump(data, open(f"{out}/bench.json", "w"))
