import CapstanCore

/// Writers for the values transformers put at the end of a field spec's path.
enum MetadataSetter {
    /// Sets `key: value` in the map at the end of the path (labels, annotations, selectors).
    static func setEntry(_ key: String, _ value: String) -> (inout JSONValue) throws(OverlayError) -> Void {
        { (node: inout JSONValue) throws(OverlayError) in
            switch node {
            case .object(var members):
                node = .null
                members[key] = .string(value)
                node = .object(members)
            case .null:
                node = .object([key: .string(value)])
            default:
                throw OverlayError("wrong node kind: expected MappingNode but got \(FieldReader.goType(node)): node contents:\n\(node.serialized())")
            }
        }
    }

    /// Replaces the scalar at the end of the path with `transform` of its text.
    static func setScalar(_ transform: @escaping (String) -> String) -> (inout JSONValue) throws(OverlayError) -> Void {
        { (node: inout JSONValue) throws(OverlayError) in
            switch node {
            case .string(let text): node = .string(transform(text))
            case .null: node = .string(transform(""))
            case .int, .double, .bool: node = .string(transform(node.scalarText))
            default: throw OverlayError("expected a scalar field, found \(FieldReader.goType(node))")
            }
        }
    }
}

extension JSONValue {
    /// A scalar's text as YAML would show it.
    var scalarText: String {
        switch self {
        case .string(let text): text
        case .int(let number): String(number)
        case .double(let number): number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .bool(let flag): flag ? "true" : "false"
        case .null: ""
        default: serialized()
        }
    }
}
