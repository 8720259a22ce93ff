import CapstanCore

/// Failures to simulate, set by `--faults` or `POST /_sim/faults`:
/// `latency=50ms,429=0.1,500=0.05,503=0.05,drop=0.01,watch-close=2s`.
public struct FaultSettings: Sendable, Equatable {
    public var latency: Duration = .zero
    public var tooManyRequests = 0.0
    public var serverError = 0.0
    public var unavailable = 0.0
    public var dropConnection = 0.0
    /// Watches are closed after this long, however long the client asked for.
    public var watchClose: Duration?

    public init() {}

    /// Parses the `--faults` form; throws a message naming the bad term.
    public init(parsing text: String) throws(APIStatus) {
        for term in text.split(separator: ",") where !term.isEmpty {
            let parts = term.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2 else { throw APIStatus.badRequest("fault \"\(term)\": expected key=value") }
            try set(parts[0], parts[1])
        }
    }

    /// Parses the JSON form: the same keys, values as strings or numbers.
    public init(json: JSONValue) throws(APIStatus) {
        guard case .object(let members) = json else { throw APIStatus.badRequest("faults: expected a JSON object") }
        for (key, value) in members {
            switch value {
            case .string(let text): try set(key, text)
            case .int(let number): try set(key, String(number))
            case .double(let number): try set(key, String(number))
            default: throw APIStatus.badRequest("fault \"\(key)\": expected a string or a number")
            }
        }
    }

    private mutating func set(_ key: String, _ value: String) throws(APIStatus) {
        func fraction() throws(APIStatus) -> Double {
            guard let number = Double(value), (0...1).contains(number) else {
                throw APIStatus.badRequest("fault \"\(key)\": \"\(value)\" is not a fraction between 0 and 1")
            }
            return number
        }
        switch key {
        case "latency": latency = try Self.duration(value, key: key)
        case "429": tooManyRequests = try fraction()
        case "500": serverError = try fraction()
        case "503": unavailable = try fraction()
        case "drop": dropConnection = try fraction()
        case "watch-close": watchClose = try Self.duration(value, key: key)
        default: throw APIStatus.badRequest("unknown fault \"\(key)\"; known: latency, 429, 500, 503, drop, watch-close")
        }
    }

    /// `200ms`, `2s`, `1m` or a bare number of milliseconds.
    public static func duration(_ text: String, key: String = "duration") throws(APIStatus) -> Duration {
        let units: [(String, Double)] = [("ms", 0.001), ("s", 1), ("m", 60)]
        for (suffix, scale) in units where text.hasSuffix(suffix) {
            if let number = Double(text.dropLast(suffix.count)) { return .milliseconds(Int64(number * scale * 1000)) }
        }
        if let number = Double(text) { return .milliseconds(Int64(number)) }
        throw APIStatus.badRequest("\(key): \"\(text)\" is not a duration like 200ms or 2s")
    }

    var json: JSONValue {
        var value: JSONValue = ["latency": .string("\(latency.components.seconds * 1000 + latency.components.attoseconds / 1_000_000_000_000_000)ms"),
                                "429": .double(tooManyRequests), "500": .double(serverError), "503": .double(unavailable),
                                "drop": .double(dropConnection)]
        if let watchClose { value["watch-close"] = .string("\(watchClose.components.seconds)s") }
        return value
    }
}
