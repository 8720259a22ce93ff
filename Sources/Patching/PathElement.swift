import CapstanCore

/// Builds the encoded path elements FieldsV1 uses for fields and list items.
enum PathElement {
    @inline(__always)
    static func field(_ name: String) -> String { "f:" + name }

    /// The element naming `item` of a list with schema `list`, or nil when the item cannot be keyed
    /// (a list-map item that is not an object). Atomic lists have no item elements.
    static func item(_ item: JSONValue, of list: SchemaNode) -> String? {
        switch list.effectiveListType {
        case .atomic: return nil
        case .set: return "v:" + item.serialized()
        case .map(let keys):
            guard case .object(let fields) = item else { return nil }
            return keyObject(fields, keys: keys, defaults: list.keyDefaults).map { "k:" + $0 }
        }
    }

    /// Why `item` cannot be keyed in `list`, worded as structured-merge-diff words it.
    static func keyProblem(_ item: JSONValue, of list: SchemaNode) -> String {
        guard case .map(let keys) = list.effectiveListType else { return "list item cannot be keyed" }
        if item == .null { return "associative list with keys may not have a null element" }
        guard case .object(let fields) = item else { return "associative list with keys may not have non-map elements" }
        let missing = keys.first { fields[$0] == nil && list.keyDefaults[$0] == nil } ?? keys[0]
        return "associative list with keys has an element that omits key field \"\(missing)\" (and doesn't have default value)"
    }

    /// `{"containerPort":80,"protocol":"TCP"}`: the key fields, or their defaults, sorted; nil when a
    /// key field is missing and has no default.
    static func keyObject(_ fields: [String: JSONValue], keys: [String], defaults: [String: JSONValue]) -> String? {
        if keys.count == 1 {
            guard let value = fields[keys[0]] ?? defaults[keys[0]] else { return nil }
            var text = "{"
            JSONValue.string(keys[0]).write(to: &text)
            text += ":"
            value.write(to: &text)
            return text + "}"
        }
        var pairs: [(String, JSONValue)] = []
        pairs.reserveCapacity(keys.count)
        for key in keys {
            guard let value = fields[key] ?? defaults[key] else { return nil }
            pairs.append((key, value))
        }
        if pairs.count > 1 { pairs.sort { JSONValue.utf8Less($0.0, $1.0) } }
        var text = "{"
        for (position, pair) in pairs.enumerated() {
            if position > 0 { text += "," }
            JSONValue.string(pair.0).write(to: &text)
            text += ":"
            pair.1.write(to: &text)
        }
        return text + "}"
    }
}
