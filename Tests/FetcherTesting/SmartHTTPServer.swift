import Foundation

/// `git http-backend` behind a tiny Python HTTP server with basic auth: smart HTTP as a forge serves it.
public enum SmartHTTPServer {
    /// Starts the server; with `tls` (PEM certificate chain and key files) it speaks HTTPS.
    public static func start(projectRoot: String, username: String, password: String, home: String,
                             tls: (certificate: String, key: String)? = nil) throws -> ServerProcess {
        let script = home + "/smart-http.py"
        try source.write(toFile: script, atomically: true, encoding: .utf8)
        let port = FreePort.next()
        let tlsArguments = tls.map { [$0.certificate, $0.key] } ?? []
        return try ServerProcess(["python3", script, String(port), projectRoot, username, password] + tlsArguments, port: port,
                                 home: home, log: home + "/smart-http.log")
    }

    static let source = #"""
import base64, subprocess, sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, root, user, password = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
expected = "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        self.serve()

    def do_POST(self):
        self.serve()

    def body(self):
        if self.headers.get("Transfer-Encoding", "").lower() == "chunked":
            data = b""
            while True:
                size = int(self.rfile.readline().strip(), 16)
                if size == 0:
                    self.rfile.readline()
                    return data
                data += self.rfile.read(size)
                self.rfile.readline()
        return self.rfile.read(int(self.headers.get("Content-Length") or 0))

    def serve(self):
        if self.headers.get("Authorization") != expected:
            self.send_response(401)
            self.send_header("WWW-Authenticate", 'Basic realm="git"')
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        path, _, query = self.path.partition("?")
        env = {"GIT_PROJECT_ROOT": root, "GIT_HTTP_EXPORT_ALL": "1", "PATH_INFO": path, "QUERY_STRING": query,
               "REQUEST_METHOD": self.command, "CONTENT_TYPE": self.headers.get("Content-Type", ""),
               "REMOTE_USER": user, "REMOTE_ADDR": "127.0.0.1", "GIT_CONFIG_NOSYSTEM": "1", "HOME": root,
               "PATH": "/usr/bin:/bin"}
        data = self.body() if self.command == "POST" else b""
        if self.headers.get("Content-Encoding") == "gzip":
            env["HTTP_CONTENT_ENCODING"] = "gzip"
        env["CONTENT_LENGTH"] = str(len(data))
        out = subprocess.run(["git", "http-backend"], input=data, env=env, capture_output=True).stdout
        head, _, payload = out.partition(b"\r\n\r\n")
        status = 200
        headers = []
        for line in head.decode().split("\r\n"):
            key, _, value = line.partition(": ")
            if key.lower() == "status":
                status = int(value.split()[0])
            elif key:
                headers.append((key, value))
        self.send_response(status)
        for key, value in headers:
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(payload)))
        self.end_headers()
        self.wfile.write(payload)

    def log_message(self, format, *args):
        sys.stderr.write(format % args + "\n")

server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
if len(sys.argv) > 6:
    import ssl
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(sys.argv[5], sys.argv[6])
    server.socket = context.wrap_socket(server.socket, server_side=True)
server.serve_forever()
"""#
}
