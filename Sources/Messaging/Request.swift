import CapstanCore

/// A request a downstream stage (or the CLI) sends to a stage's ROUTER socket.
public enum Request: Sendable, Hashable, CustomStringConvertible {
    /// The latest event per key, with the epoch and seq they are current at.
    case snapshot
    /// `length` bytes of the payload named `digest` from `offset`.
    case get(Digest, offset: Int, length: Int)
    /// Asks the stage to act on `name` now (e.g. poll a source).
    case trigger(String)
    /// The stage's own view of its state.
    case status
    /// A stage-specific `<VERB> <name>` (e.g. the applier's `SUSPEND <app>`), accepted only for
    /// verbs the stage's handler lists in `customVerbs`.
    case custom(verb: String, name: String)

    /// The command line on the wire: `SNAPSHOT`, `GET <digest> <offset> <length>`, `TRIGGER <name>`, `STATUS`.
    public var description: String {
        switch self {
        case .snapshot: "SNAPSHOT"
        case .get(let digest, let offset, let length): "GET \(digest) \(offset) \(length)"
        case .trigger(let name): "TRIGGER \(name)"
        case .status: "STATUS"
        case .custom(let verb, let name): "\(verb) \(name)"
        }
    }

    /// Reads a command line; `GET <digest>` alone asks for the first `defaultLength` bytes.
    /// `customVerbs` are the extra `<VERB> <name>` commands the receiving stage answers.
    public static func parse(_ frame: [UInt8], defaultLength: Int, customVerbs: Set<String> = []) throws(MessageError) -> Request {
        guard frame.count <= 512, let line = String(validating: frame, as: UTF8.self) else {
            throw MessageError("request line is not short UTF-8 text")
        }
        let words = line.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
        switch (words.first ?? "", words.count) {
        case ("SNAPSHOT", 1): return .snapshot
        case ("STATUS", 1): return .status
        case ("TRIGGER", 2) where !words[1].isEmpty: return .trigger(words[1])
        case ("GET", 2), ("GET", 4): return try parseGet(words, defaultLength: defaultLength)
        case (let verb, 2) where customVerbs.contains(verb) && !words[1].isEmpty: return .custom(verb: verb, name: words[1])
        default: throw MessageError("unknown request '\(line.prefix(64))'")
        }
    }

    private static func parseGet(_ words: [String], defaultLength: Int) throws(MessageError) -> Request {
        guard let digest = Digest(words[1]) else { throw MessageError("GET needs a sha256:<64 hex> digest") }
        guard words.count == 4 else { return .get(digest, offset: 0, length: defaultLength) }
        guard let offset = Int(words[2]), let length = Int(words[3]), offset >= 0, length > 0 else {
            throw MessageError("GET offset and length must be whole numbers")
        }
        return .get(digest, offset: offset, length: min(length, defaultLength))
    }
}
