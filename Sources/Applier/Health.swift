/// The health of one live object: ready, still progressing (with why), or failed for good.
public enum Health: Sendable, Hashable, CustomStringConvertible {
    case ready
    case progressing(String)
    case failed(String)

    public var isReady: Bool { self == .ready }
    public var isFailed: Bool { if case .failed = self { true } else { false } }

    public var description: String {
        switch self {
        case .ready: "ready"
        case .progressing(let reason): "not ready: \(reason)"
        case .failed(let reason): "failed: \(reason)"
        }
    }
}
