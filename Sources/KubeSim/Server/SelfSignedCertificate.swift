import Foundation

/// `--tls-generate`: a self-signed certificate for 127.0.0.1 and localhost, made with the `openssl` tool.
enum SelfSignedCertificate {
    static func generate(directory: String) throws -> KubeSimServer.TLSFiles {
        let folder = URL(fileURLWithPath: directory).appendingPathComponent("kubesim-tls-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let cert = folder.appendingPathComponent("tls.crt").path
        let key = folder.appendingPathComponent("tls.key").path
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
                             "-nodes", "-days", "365", "-subj", "/CN=capstan-kubesim", "-keyout", key, "-out", cert,
                             "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw KubeSimMain.SettingsError(description: "--tls-generate: openssl req failed (exit \(process.terminationStatus)); is openssl installed?")
        }
        FileHandle.standardOutput.write(Data("tls certificate \(cert)\n".utf8))
        return KubeSimServer.TLSFiles(certificatePath: cert, keyPath: key)
    }
}
