/// Why no usable cluster configuration could be built, naming the file and the entry.
public struct KubeConfigError: Error, Sendable, Hashable, CustomStringConvertible {
    public let file: String
    public let reason: String

    public init(file: String, reason: String) {
        self.file = file
        self.reason = reason
    }

    public var description: String { file.isEmpty ? "kubeconfig: \(reason)" : "\(file): \(reason)" }
}
