import Hummingbird
import HummingbirdCore
import HummingbirdTLS
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle

/// Builds the emulator's HTTP(S) application around a `KubeAPI`, with its controllers and persistence.
public enum KubeSimServer {
    /// PEM files for TLS.
    public struct TLSFiles: Sendable {
        public var certificatePath: String
        public var keyPath: String
        public init(certificatePath: String, keyPath: String) {
            self.certificatePath = certificatePath
            self.keyPath = keyPath
        }
    }

    /// The application serving `api` on `host:port`; `onListening` learns the bound port (useful with port 0).
    public static func application(
        api: KubeAPI, host: String, port: Int, tls: TLSFiles? = nil, stateDirectory: String? = nil,
        logger: Logger = Logger(label: "capstan-kubesim"), onListening: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        var server: HTTPServerBuilder = .http1()
        if let tls {
            let certificates = try NIOSSLCertificate.fromPEMFile(tls.certificatePath).map { NIOSSLCertificateSource.certificate($0) }
            let key = try NIOSSLPrivateKey(file: tls.keyPath, format: .pem)
            let configuration = TLSConfiguration.makeServerConfiguration(certificateChain: certificates, privateKey: .privateKey(key))
            server = try .tls(.http1(), tlsConfiguration: configuration)
        }
        var services: [any Service] = [Controllers(api: api)]
        if let stateDirectory { services.append(try StatePersistence(api: api, directory: stateDirectory)) }
        return Application(
            responder: KubeResponder(api: api), server: server,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            services: services,
            onServerRunning: { channel in await onListening(channel.localAddress?.port ?? port) },
            logger: logger)
    }
}
