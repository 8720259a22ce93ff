import CapstanCore
import Curl
import Foundation

extension KubeConfig {
    static func clusterTLS(_ cluster: JSONValue, file: String, name: String) throws(KubeConfigError) -> TLSOptions {
        var tls = TLSOptions()
        tls.insecureSkipVerify = cluster["insecure-skip-tls-verify"]?.stringValue == "true"
        tls.certificateAuthority = try source(
            cluster, data: "certificate-authority-data", file: "certificate-authority", in: file, entry: "cluster \"\(name)\"")
        return tls
    }

    static func addClientIdentity(_ user: JSONValue, to tls: inout TLSOptions, file: String, name: String) throws(KubeConfigError) {
        let entry = "user \"\(name)\""
        tls.clientCertificate = try source(user, data: "client-certificate-data", file: "client-certificate", in: file, entry: entry)
        tls.clientKey = try source(user, data: "client-key-data", file: "client-key", in: file, entry: entry)
        if (tls.clientCertificate == nil) != (tls.clientKey == nil) {
            throw KubeConfigError(file: file, reason: "\(entry) needs both a client certificate and a client key")
        }
    }

    static func credentials(_ user: JSONValue, file: String, name: String) throws(KubeConfigError) -> KubeCredentials {
        if let token = user["token"]?.stringValue, !token.isEmpty { return .token(token) }
        if let path = user["tokenFile"]?.stringValue, !path.isEmpty { return .tokenFile(path) }
        if let exec = user["exec"], exec != .null { return .exec(try execPlugin(exec, file: file, name: name)) }
        if let username = user["username"]?.stringValue, let password = user["password"]?.stringValue {
            return .basic(username: username, password: password)
        }
        if user["auth-provider"] != nil {
            throw KubeConfigError(file: file, reason: "user \"\(name)\" uses auth-provider, which Capstan does not support; use an exec plugin")
        }
        return .none
    }

    private static func execPlugin(_ exec: JSONValue, file: String, name: String) throws(KubeConfigError) -> ExecPlugin {
        guard let command = exec["command"]?.stringValue, !command.isEmpty else {
            throw KubeConfigError(file: file, reason: "user \"\(name)\" has an exec plugin without a command")
        }
        var environment: [String: String] = [:]
        for variable in exec["env"]?.arrayValue ?? [] {
            if let key = variable["name"]?.stringValue { environment[key] = variable["value"]?.stringValue ?? "" }
        }
        return ExecPlugin(
            command: command, arguments: (exec["args"]?.arrayValue ?? []).compactMap(\.stringValue),
            environment: environment,
            apiVersion: exec["apiVersion"]?.stringValue ?? "client.authentication.k8s.io/v1",
            installHint: exec["installHint"]?.stringValue)
    }

    private static func source(
        _ value: JSONValue, data: String, file: String, in path: String, entry: String
    ) throws(KubeConfigError) -> TLSOptions.Source? {
        if let encoded = value[data]?.stringValue, !encoded.isEmpty {
            guard let decoded = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                throw KubeConfigError(file: path, reason: "\(entry): \(data) is not valid base64")
            }
            return .pem([UInt8](decoded))
        }
        if let location = value[file]?.stringValue, !location.isEmpty {
            guard FileManager.default.isReadableFile(atPath: location) else {
                throw KubeConfigError(file: path, reason: "\(entry): \(file) \(location) cannot be read")
            }
            return .file(location)
        }
        return nil
    }

    /// kubeconfig paths are relative to the file that names them, as in client-go.
    static func resolvePaths(_ entry: JSONValue, relativeTo file: String) -> JSONValue {
        let directory = (file as NSString).deletingLastPathComponent
        var result = entry
        for key in ["certificate-authority", "client-certificate", "client-key", "tokenFile"] {
            if let path = entry[key]?.stringValue, !path.isEmpty, !path.hasPrefix("/") {
                result[key] = .string((directory as NSString).appendingPathComponent(path))
            }
        }
        if let command = entry.value(at: ["exec", "command"])?.stringValue, command.contains("/"), !command.hasPrefix("/") {
            result.setValue(.string((directory as NSString).appendingPathComponent(command)), at: ["exec", "command"])
        }
        return result
    }
}
