import YAML

/// The fields of one config mapping, read by type; each wrong or missing value is reported.
struct ConfigFields {
    unowned let decoder: ConfigDecoder
    let path: String
    let mark: YAMLMark
    let values: [String: YAMLNode]

    static func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// `~`, `null` and an empty value mean "not set", as in Kubernetes manifests.
    static func isNull(_ node: YAMLNode) -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain, scalar.tag == nil else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.value)
    }

    func path(_ key: String) -> String { Self.join(path, key) }

    /// The value of `key`, or nil when absent or null.
    func node(_ key: String) -> YAMLNode? {
        guard let node = values[key], !Self.isNull(node) else { return nil }
        return node
    }

    func report(_ message: String, _ key: String) {
        decoder.report(message, at: values[key]?.mark ?? mark, path: path(key))
    }

    func missing(_ key: String) {
        decoder.report("required field is missing", at: mark, path: path(key))
    }

    /// A scalar's text; any non-null scalar reads as text.
    func string(_ key: String) -> String? {
        guard let node = node(key) else { return nil }
        guard case .scalar(let scalar) = node else {
            report("must be a string, not \(ConfigDecoder.kind(of: node))", key)
            return nil
        }
        return scalar.value
    }

    func requiredString(_ key: String) -> String? {
        guard node(key) != nil else {
            missing(key)
            return nil
        }
        return string(key)
    }

    func bool(_ key: String) -> Bool? {
        guard let node = node(key) else { return nil }
        if let scalar = node.scalar, scalar.style == .plain {
            if ["true", "True", "TRUE"].contains(scalar.value) { return true }
            if ["false", "False", "FALSE"].contains(scalar.value) { return false }
        }
        report("must be true or false", key)
        return nil
    }

    /// A plain decimal integer of at least `minimum`.
    func int(_ key: String, minimum: Int = 1) -> Int? {
        guard let node = node(key) else { return nil }
        guard let scalar = node.scalar, scalar.style == .plain, let value = Int(scalar.value) else {
            report("must be a whole number", key)
            return nil
        }
        guard value >= minimum else {
            report("must be at least \(minimum)", key)
            return nil
        }
        return value
    }

    /// A duration such as `30s`; with `positive`, zero is refused.
    func interval(_ key: String, positive: Bool = true) -> Interval? {
        guard let text = string(key) else { return nil }
        do {
            let interval = try Interval.parse(text)
            if positive && interval.nanoseconds <= 0 {
                report("must be longer than zero", key)
                return nil
            }
            return interval
        } catch {
            report(error.description, key)
            return nil
        }
    }

    /// The items of a list, each with its path (`key[i]`).
    func list(_ key: String) -> [(node: YAMLNode, path: String)]? {
        guard let node = node(key) else { return nil }
        guard case .sequence(let sequence) = node else {
            report("must be a list, not \(ConfigDecoder.kind(of: node))", key)
            return nil
        }
        return sequence.items.enumerated().map { ($1, "\(path(key))[\($0)]") }
    }

    /// A list of strings, reporting each item that is not a scalar.
    func strings(_ key: String) -> [String]? {
        guard let items = list(key) else { return nil }
        return items.compactMap { item in
            guard case .scalar(let scalar) = item.node, !Self.isNull(item.node) else {
                decoder.report("must be a string, not \(ConfigDecoder.kind(of: item.node))", at: item.node.mark, path: item.path)
                return nil
            }
            return scalar.value
        }
    }

    /// A mapping of names to scalar texts.
    func stringMap(_ key: String) -> [String: String]? {
        guard let node = node(key) else { return nil }
        guard case .mapping(let mapping) = node else {
            report("must be a mapping, not \(ConfigDecoder.kind(of: node))", key)
            return nil
        }
        var result: [String: String] = [:]
        for entry in mapping.entries {
            guard let name = entry.key.scalar?.value else { continue }
            guard case .scalar(let scalar) = entry.value else {
                let message = "must be a string, not \(ConfigDecoder.kind(of: entry.value))"
                decoder.report(message, at: entry.value.mark, path: "\(path(key)).\(name)")
                continue
            }
            result[name] = scalar.value
        }
        return result
    }

    /// A byte count: a whole number, optionally with a suffix Ki, Mi, Gi (binary) or K, M, G.
    func size(_ key: String) -> Int? {
        guard let text = string(key) else { return nil }
        let suffixes: [(String, Int)] = [("Ki", 1 << 10), ("Mi", 1 << 20), ("Gi", 1 << 30), ("K", 1000), ("M", 1_000_000), ("G", 1_000_000_000)]
        let (digits, factor) = suffixes.first { text.hasSuffix($0.0) }.map { (String(text.dropLast($0.0.count)), $0.1) } ?? (text, 1)
        guard let value = Int(digits), value > 0, value <= Int.max / factor else {
            report("must be a positive size in bytes, like 1048576, 512Ki, 16Mi or 1Gi", key)
            return nil
        }
        return value * factor
    }
}
