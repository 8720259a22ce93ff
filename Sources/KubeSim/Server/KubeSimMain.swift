import Foundation
import Hummingbird
import Logging

/// The command-line settings of `capstan-kubesim`, as given.
public struct KubeSimSettings: Sendable {
    public var listen: String
    public var state: String?
    public var rolloutDelay: String
    public var failImagePattern: String
    public var faults: String
    public var tlsCert: String?
    public var tlsKey: String?
    public var tlsGenerate: Bool
    public var token: String?
    public var minor: Int

    public init(listen: String, state: String?, rolloutDelay: String, failImagePattern: String, faults: String,
                tlsCert: String?, tlsKey: String?, tlsGenerate: Bool, token: String?, minor: Int) {
        self.listen = listen
        self.state = state
        self.rolloutDelay = rolloutDelay
        self.failImagePattern = failImagePattern
        self.faults = faults
        self.tlsCert = tlsCert
        self.tlsKey = tlsKey
        self.tlsGenerate = tlsGenerate
        self.token = token
        self.minor = minor
    }
}

/// Runs the emulator process: parses settings, prints `listening on http(s)://host:port`, serves until stopped.
public enum KubeSimMain {
    /// A settings problem, reported before anything listens.
    public struct SettingsError: Error, CustomStringConvertible {
        public var description: String
    }

    public static func run(_ settings: KubeSimSettings) async throws {
        let (host, port) = try address(settings.listen)
        var options = KubeSimOptions()
        do throws(APIStatus) {
            options.rolloutDelay = try FaultSettings.duration(settings.rolloutDelay, key: "--rollout-delay")
            options.faults = try FaultSettings(parsing: settings.faults)
        } catch {
            throw SettingsError(description: error.message)
        }
        options.failImagePattern = settings.failImagePattern
        options.token = settings.token
        options.minor = settings.minor
        options.serverAddress = settings.listen
        let tls = try tlsFiles(settings)
        let api = KubeAPI(options: options)
        var logger = Logger(label: "capstan-kubesim")
        logger.logLevel = .warning
        let scheme = tls == nil ? "http" : "https"
        let app = try KubeSimServer.application(
            api: api, host: host, port: port, tls: tls, stateDirectory: settings.state, logger: logger,
            onListening: { bound in
                FileHandle.standardOutput.write(Data("listening on \(scheme)://\(host):\(bound)\n".utf8))
            })
        try await app.runService()
    }

    static func address(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]) else {
            throw SettingsError(description: "--listen \(text): expected host:port, e.g. 127.0.0.1:6443")
        }
        return (String(text[..<colon]), port)
    }

    static func tlsFiles(_ settings: KubeSimSettings) throws -> KubeSimServer.TLSFiles? {
        if let cert = settings.tlsCert, let key = settings.tlsKey {
            return KubeSimServer.TLSFiles(certificatePath: cert, keyPath: key)
        }
        if settings.tlsCert != nil || settings.tlsKey != nil {
            throw SettingsError(description: "--tls-cert and --tls-key go together")
        }
        guard settings.tlsGenerate else { return nil }
        return try SelfSignedCertificate.generate(directory: settings.state ?? NSTemporaryDirectory())
    }
}
