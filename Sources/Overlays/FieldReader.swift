import CapstanCore

/// Reads a JSON object into typed fields the way Go's strict JSON decoder does: wrong types
/// and unknown fields are errors, worded like Go's so kustomize users recognise them.
struct FieldReader {
    let members: [String: JSONValue]
    let typeName: String
    private(set) var seen: Set<String> = []

    init(_ value: JSONValue?, typeName: String) throws(OverlayError) {
        switch value {
        case .object(let members)?: self.members = members
        case nil, .null?: self.members = [:]
        case let other?:
            throw OverlayError("json: cannot unmarshal \(FieldReader.goType(other)) into Go value of type \(typeName)")
        }
        self.typeName = typeName
    }

    static func goType(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool: "bool"
        case .int, .double: "number"
        case .string: "string"
        case .array: "array"
        case .object: "object"
        }
    }

    private func mismatch(_ key: String, _ value: JSONValue, _ expected: String) -> OverlayError {
        OverlayError("json: cannot unmarshal \(Self.goType(value)) into Go struct field \(typeName).\(key) of type \(expected)")
    }

    /// The member for a field, matched as Go does: exactly, else ignoring case.
    mutating func raw(_ key: String) -> JSONValue? {
        var name = key
        if members[key] == nil, let folded = members.keys.first(where: { $0.lowercased() == key.lowercased() }) {
            name = folded
        }
        seen.insert(name)
        if case .null? = members[name] { return nil }
        return members[name]
    }

    mutating func string(_ key: String) throws(OverlayError) -> String {
        guard let value = raw(key) else { return "" }
        guard case .string(let text) = value else { throw mismatch(key, value, "string") }
        return text
    }

    mutating func bool(_ key: String) throws(OverlayError) -> Bool {
        guard let value = raw(key) else { return false }
        guard case .bool(let flag) = value else { throw mismatch(key, value, "bool") }
        return flag
    }

    mutating func int(_ key: String) throws(OverlayError) -> Int64? {
        guard let value = raw(key) else { return nil }
        guard let number = value.intValue else { throw mismatch(key, value, "int64") }
        return number
    }

    mutating func strings(_ key: String) throws(OverlayError) -> [String] {
        guard let value = raw(key) else { return [] }
        guard case .array(let elements) = value else { throw mismatch(key, value, "[]string") }
        var result: [String] = []
        for element in elements {
            guard case .string(let text) = element else { throw mismatch(key, element, "string") }
            result.append(text)
        }
        return result
    }

    mutating func stringMap(_ key: String) throws(OverlayError) -> [String: String]? {
        guard let value = raw(key) else { return nil }
        guard case .object(let entries) = value else { throw mismatch(key, value, "map[string]string") }
        var result: [String: String] = [:]
        for (name, entry) in entries {
            switch entry {
            case .string(let text): result[name] = text
            case .null: result[name] = ""
            default: throw mismatch(key, entry, "string")
            }
        }
        return result
    }

    mutating func objects(_ key: String) throws(OverlayError) -> [JSONValue] {
        guard let value = raw(key) else { return [] }
        guard case .array(let elements) = value else { throw mismatch(key, value, "[]") }
        return elements
    }

    /// Fails on the first field (in sorted order) that was never read.
    func finish() throws(OverlayError) {
        if let unknown = members.keys.sorted().first(where: { !seen.contains($0) }) {
            throw OverlayError("json: unknown field \"\(unknown)\"")
        }
    }
}
