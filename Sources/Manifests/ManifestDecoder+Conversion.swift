import CapstanCore
import YAML

/// YAML nodes to JSON values: scalar resolution, tags, merge keys and key spelling.
extension ManifestDecoder {
    var schema: ScalarResolver.Schema { semantics == .kustomize ? .v3 : .v2 }

    func convert(_ node: YAMLNode, file: String, topLevel: Bool = false) throws(ManifestDecodeError) -> JSONValue {
        switch node {
        case .scalar(let scalar): return try convertScalar(scalar, file: file)
        case .sequence(let sequence):
            var items: [JSONValue] = []
            items.reserveCapacity(sequence.items.count)
            for item in sequence.items { items.append(try convert(item, file: file)) }
            return .array(items)
        case .mapping(let mapping): return .object(try convertMapping(mapping, file: file, topLevel: topLevel))
        }
    }

    func convertScalar(_ scalar: YAMLScalar, file: String) throws(ManifestDecodeError) -> JSONValue {
        let resolved: ScalarResolver.Resolved
        // yaml.v3 treats the non-specific tag `!` like no tag at all (kubectl prints `! 12` as 12).
        if let tag = scalar.tag, tag != "!" {
            resolved = try resolveTagged(scalar, tag: tag, file: file)
        } else if scalar.style != .plain {
            return .string(scalar.value)
        } else {
            resolved = ScalarResolver.resolve(scalar.value, schema: schema)
        }
        return try json(resolved, scalar: scalar, file: file)
    }

    func json(_ resolved: ScalarResolver.Resolved, scalar: YAMLScalar, file: String) throws(ManifestDecodeError) -> JSONValue {
        switch resolved {
        case .string, .merge: return .string(scalar.value)
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return semantics == .helm ? .double(Double(number)) : .int(number)
        case .uint(let number): return .double(Double(number))
        case .float(let number):
            guard number.isFinite else {
                throw fail(scalar.mark, file, "'\(scalar.value)' is \(number.isNaN ? "NaN" : "infinite"), which JSON cannot hold (kustomize fails the same way); quote it to keep it as a string")
            }
            return .double(number)
        case .timestamp(let stamp):
            // yaml.v3 decodes a timestamp to time.Time, which JSON writes in RFC 3339; v2 keeps the text.
            return .string(semantics == .kustomize ? stamp.rfc3339Nano : scalar.value)
        }
    }

    func resolveTagged(_ scalar: YAMLScalar, tag: String, file: String) throws(ManifestDecodeError) -> ScalarResolver.Resolved {
        let prefix = "tag:yaml.org,2002:"
        guard tag.hasPrefix(prefix) else { return .string }
        let name = tag.dropFirst(prefix.count)
        let resolved = ScalarResolver.resolve(scalar.value, schema: schema)
        switch (name, resolved) {
        case ("str", _), ("binary", _): return .string
        case ("null", .null), ("bool", .bool), ("int", .int), ("int", .uint), ("float", .float), ("timestamp", .timestamp):
            return resolved
        case ("float", .int(let number)): return .float(Double(number))
        case ("float", .uint(let number)): return .float(Double(number))
        case ("timestamp", .string):
            if let stamp = GoTimestamp.parse(Array(scalar.value.utf8)) { return .timestamp(stamp) }
        default: break
        }
        throw fail(scalar.mark, file, "cannot decode '\(scalar.value)' as !!\(name)")
    }

    func fail(_ mark: YAMLMark, _ file: String, _ reason: String) -> ManifestDecodeError {
        ManifestDecodeError(file: file, line: mark.line, column: mark.column, reason: reason)
    }
}
