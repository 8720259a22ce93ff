"""Writes a multi-document manifest stream: N Deployment + Service + ConfigMap triples."""
import sys

count = int(sys.argv[1])
out = []
for i in range(count):
    out.append(f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-{i}
  namespace: shop
  labels: {{app: web-{i}, tier: "frontend"}}
  annotations:
    description: 'Serves the shop front end, instance {i}'
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web-{i}
  template:
    metadata:
      labels:
        app: web-{i}
    spec:
      containers:
        - name: web
          image: "registry.example.com/shop/web:1.{i}.0"
          args: ["--port=8080", "--verbose"]
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: MODE
              value: production
            - name: INDEX
              value: "{i}"
          resources:
            limits: {{cpu: 500m, memory: 256Mi}}
---
apiVersion: v1
kind: Service
metadata:
  name: web-{i}
  namespace: shop
spec:
  selector:
    app: web-{i}
  ports:
    - port: 80
      targetPort: http
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: web-{i}-config
  namespace: shop
data:
  nginx.conf: |
    server {{
      listen 8080;
      location / {{ proxy_pass http://backend-{i}; }}
    }}
  flags: "a,b,c"
""")
sys.stdout.write("---\n".join(out))
