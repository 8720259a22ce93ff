#!/usr/bin/env python3
"""Writes N Deployment/Service/ConfigMap triples as plain YAML files plus a kustomization listing them."""
import os, sys

count, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
names = []
for i in range(count):
    name = f"app-{i:04d}"
    text = f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
  namespace: shop
  labels: {{app: {name}, tier: web, app.kubernetes.io/part-of: shop}}
spec:
  replicas: 3
  selector:
    matchLabels: {{app: {name}}}
  template:
    metadata:
      labels: {{app: {name}, tier: web}}
      annotations:
        checksum/config: "0123456789abcdef"
    spec:
      containers:
      - name: web
        image: registry.example.com/shop/web:1.2.3
        args: ["--port=8080", "--log-level=info"]
        ports:
        - containerPort: 8080
          protocol: TCP
        env:
        - {{name: MODE, value: production}}
        - {{name: RATIO, value: "0.5"}}
        envFrom:
        - configMapRef: {{name: {name}}}
        resources:
          limits: {{cpu: 500m, memory: 256Mi}}
          requests: {{cpu: 100m}}
        readinessProbe:
          httpGet: {{path: /healthz, port: 8080}}
          periodSeconds: 10
---
apiVersion: v1
kind: Service
metadata:
  name: {name}
  namespace: shop
spec:
  selector: {{app: {name}}}
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}
  namespace: shop
data:
  config.yaml: |
    server:
      port: 8080
    features:
      - a
      - b
  enabled: "true"
  greeting: hello world, this is a longer sentence that goes past the eighty column limit for folding
"""
    file = f"{name}.yaml"
    with open(os.path.join(out, file), "w") as handle:
        handle.write(text)
    names.append(file)
with open(os.path.join(out, "kustomization.yaml"), "w") as handle:
    handle.write("resources:\n" + "".join(f"- {n}\n" for n in names))
