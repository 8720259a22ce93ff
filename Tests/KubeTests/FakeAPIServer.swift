import CapstanCore
import Curl
import Foundation

/// The scriptable API stand-in (Fixtures/fakeapi.py) as a child process on a free 127.0.0.1 port.
final class FakeAPIServer {
    let process = Process()
    let directory: TestDirectory
    let port: Int
    let scheme: String
    /// TLS settings the control calls use (the server may require a client certificate).
    let controlTLS: TLSOptions
    private let curl = CurlClient(maxConcurrentRequests: 2, maxConcurrentStreams: 1)

    init(_ arguments: [String] = [], tls: TLSOptions? = nil) throws {
        directory = try TestDirectory()
        let portFile = "\(directory.path)/port"
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "\(fixtures)/fakeapi.py", "--port-file", portFile] + arguments
        try process.run()
        scheme = tls == nil ? "http" : "https"
        controlTLS = tls ?? TLSOptions()
        let deadline = Date().addingTimeInterval(10)
        var found: Int?
        while found == nil, Date() < deadline, process.isRunning {
            found = (try? String(contentsOfFile: portFile, encoding: .utf8)).flatMap { Int($0) }
            if found == nil { usleep(20_000) }
        }
        guard let found else {
            kill(process.processIdentifier, SIGKILL)
            throw TestFailure("fakeapi.py did not start")
        }
        port = found
    }

    var url: String { "\(scheme)://127.0.0.1:\(port)" }

    func stop() {
        // SIGKILL: the test runner's threads may hand children a blocked SIGTERM.
        if process.isRunning {
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }
        directory.remove()
    }

    @discardableResult
    func control(_ path: String, _ body: JSONValue = .object([:])) async throws -> JSONValue {
        let request = HTTPRequest(
            method: "POST", url: url + path, headers: [HTTPHeader("Content-Type", "application/json")],
            body: Array(body.serialized().utf8), tls: controlTLS)
        let response = try await curl.perform(request)
        return try JSONValue.parse(response.body)
    }

    /// The requests the server recorded (control calls excluded).
    func requests() async throws -> [JSONValue] {
        try await control("/_requests").arrayValue ?? []
    }

    func inject(_ fault: JSONValue) async throws {
        try await control("/_faults", fault)
    }
}
