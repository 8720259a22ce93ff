#!/usr/bin/env python3
"""Writes the renderer benchmark tree: a base of N Deployment+Service+ConfigMap triples and two
overlay layers (prefix, namespace, labels, images, a strategic-merge patch, a JSON patch, a generator)."""
import os
import sys

count, root = int(sys.argv[1]), sys.argv[2]


def write(path, text):
    path = os.path.join(root, path)
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w") as handle:
        handle.write(text)


resources = []
for i in range(count):
    name = f"app{i:04d}"
    resources.append(f"{name}.yaml")
    write(f"base/{name}.yaml", f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
spec:
  replicas: {1 + i % 3}
  selector:
    matchLabels:
      app: {name}
  template:
    metadata:
      labels:
        app: {name}
    spec:
      containers:
      - name: web
        image: registry.example.com/web:1.0.{i % 7}
        ports:
        - containerPort: 8080
        envFrom:
        - configMapRef:
            name: {name}-config
---
apiVersion: v1
kind: Service
metadata:
  name: {name}
spec:
  selector:
    app: {name}
  ports:
  - port: 80
    targetPort: 8080
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}-config
data:
  LOG_LEVEL: info
  INDEX: "{i}"
""")
write("base/kustomization.yaml", "resources:\n" + "".join(f"- {r}\n" for r in resources))

write("staging/kustomization.yaml", """resources:
- ../base
namePrefix: stg-
labels:
- pairs:
    team: shop
  includeSelectors: false
images:
- name: registry.example.com/web
  newName: registry.example.com/web-hardened
  newTag: "2.0.0"
configMapGenerator:
- name: shared-settings
  literals:
  - REGION=eu-west-1
  - TIER=gold
patches:
- target:
    kind: Deployment
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: any
    spec:
      template:
        spec:
          containers:
          - name: web
            resources:
              limits:
                memory: 256Mi
""")

write("prod/kustomization.yaml", """resources:
- ../staging
namespace: shop-prod
commonLabels:
  env: prod
commonAnnotations:
  owner: platform
images:
- name: registry.example.com/web-hardened
  newTag: "2.1.0"
patches:
- target:
    kind: Service
  patch: |-
    - op: add
      path: /spec/sessionAffinity
      value: ClientIP
- path: replicas.yaml
""")
write("prod/replicas.yaml", """apiVersion: apps/v1
kind: Deployment
metadata:
  name: stg-app0000
spec:
  replicas: 5
""")
