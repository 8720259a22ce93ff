import Foundation

/// A throwaway CA and a server certificate it signed for 127.0.0.1, made with `openssl` in a test's directory.
public struct TestCertificates: Sendable {
    public let caCertificate: String
    public let serverCertificate: String
    public let serverKey: String

    /// Makes `<name>-ca.pem` and a server certificate/key; the name is also the CA's common name.
    public init(directory: String, name: String, home: String) throws {
        let base = directory + "/" + name
        caCertificate = base + "-ca.pem"
        serverCertificate = base + "-server.pem"
        serverKey = base + "-server.key"
        func openssl(_ arguments: [String]) throws { try Shell.run(["openssl"] + arguments, in: directory, home: home) }
        try openssl(["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-days", "2", "-subj", "/CN=\(name) test CA",
                     "-keyout", base + "-ca.key", "-out", caCertificate])
        try openssl(["req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes", "-subj", "/CN=127.0.0.1", "-keyout", serverKey, "-out", base + "-server.csr"])
        // mbedTLS (libgit2's TLS on Debian) matches the host against DNS names only, so 127.0.0.1 is one too.
        try "subjectAltName=DNS:127.0.0.1,IP:127.0.0.1\n".write(toFile: base + "-san.ext", atomically: true, encoding: .utf8)
        try openssl(["x509", "-req", "-in", base + "-server.csr", "-CA", caCertificate, "-CAkey", base + "-ca.key",
                     "-CAcreateserial", "-days", "2", "-extfile", base + "-san.ext", "-out", serverCertificate])
    }
}
