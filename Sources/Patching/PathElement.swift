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
            return "k:" + keyObject(fields, keys: keys, defaults: list.keyDefaults)
        }
    }

    /// `{"containerPort":80,"protocol":"TCP"}`: present key fields, or their defaults, sorted.
    static func keyObject(_ fields: [String: JSONValue], keys: [String], defaults: [String: JSONValue]) -> String {
        var pairs: [(String, JSONValue)] = []
        pairs.reserveCapacity(keys.count)
        for key in keys {
            if let value = fields[key] ?? defaults[key] { pairs.append((key, value)) }
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
