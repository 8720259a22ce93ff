import CapstanCore

/// Visits the values a field spec names inside one object, creating missing fields when the
/// spec says so, the way kustomize's fieldspec filter walks YAML.
enum FieldWalker {
    /// Calls `body` on each value at `spec`'s path in `object` (several when the path crosses lists).
    ///
    /// - Parameter leaf: the value to create at the end of the path when the spec creates and the
    ///   field is missing; nil means the caller never creates.
    static func visit(
        _ spec: FieldSpec, in object: inout JSONValue, creating leaf: JSONValue?,
        _ body: (inout JSONValue) throws(OverlayError) -> Void
    ) throws(OverlayError) {
        guard spec.applies(to: GVK(apiVersion: object["apiVersion"]?.stringValue ?? "", kind: object["kind"]?.stringValue ?? ""))
        else { return }
        do {
            try walk(spec.segments[...], &object, create: spec.create ? leaf : nil, body)
        } catch {
            let id = ObjectIdentity(of: object).map { "\($0)" } ?? "object"
            throw OverlayError("considering field '\(spec.path)' of object \(id): \(error.message)")
        }
    }

    private static func walk(
        _ path: ArraySlice<String>, _ node: inout JSONValue, create leaf: JSONValue?,
        _ body: (inout JSONValue) throws(OverlayError) -> Void
    ) throws(OverlayError) {
        guard let segment = path.first else {
            try body(&node)
            return
        }
        switch node {
        case .null:
            return
        case .array(var items):
            node = .null
            defer { node = .array(items) }
            for index in items.indices { try walk(path, &items[index], create: leaf, body) }
        case .object(var members):
            let isList = segment.hasSuffix("[]")
            let name = isList ? String(segment.dropLast(2)) : segment
            if name.isEmpty { throw OverlayError("cannot set or create an empty field name") }
            let missing = members[name] == nil || members[name] == .null
            if missing {
                guard let leaf, !isList else { return }
                members[name] = path.count == 1 ? leaf : .object([:])
            }
            node = .null
            defer { node = .object(members) }
            try walk(path.dropFirst(), &members[name]!, create: leaf, body)
        default:
            throw OverlayError("expected sequence or mapping node")
        }
    }
}
