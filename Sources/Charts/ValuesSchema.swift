import CapstanCore
import Foundation

/// A chart's `values.schema.json`: the JSON Schema (draft-07 subset) Helm checks values against
/// before rendering. Failures read like Helm's (`- at '/age': minimum: got -5, want 0`).
struct ValuesSchema {
    let root: JSONValue

    /// One failed keyword: where in the values (a JSON pointer) and why.
    struct Failure: Equatable {
        let pointer: String
        let message: String
    }

    /// Every failure for `values`, in the order Helm reports them.
    func validate(_ values: JSONValue) -> [Failure] {
        var failures: [Failure] = []
        check(values, against: root, at: "", into: &failures, depth: 0)
        return failures
    }

    func check(_ value: JSONValue, against schema: JSONValue, at pointer: String, into failures: inout [Failure], depth: Int) {
        guard depth < 64 else { return }
        if case .bool(let allowed) = schema {
            if !allowed { failures.append(Failure(pointer: pointer, message: "false schema")) }
            return
        }
        guard let keywords = schema.objectValue else { return }
        if let ref = keywords["$ref"]?.stringValue {
            if let target = resolve(ref) { check(value, against: target, at: pointer, into: &failures, depth: depth + 1) }
            return
        }
        if let types = keywords["type"], !Self.matches(value, types) {
            let want = (types.arrayValue ?? [types]).compactMap(\.stringValue).joined(separator: " or ")
            failures.append(Failure(pointer: pointer, message: "got \(Self.typeName(value)), want \(want)"))
            return
        }
        if let constant = keywords["const"], !Self.equal(constant, value) {
            failures.append(Failure(pointer: pointer, message: "value must be \(Self.quote(constant))"))
        }
        if let options = keywords["enum"]?.arrayValue, !options.contains(where: { Self.equal($0, value) }) {
            failures.append(Failure(pointer: pointer, message: "value must be one of \(options.map(Self.quote).joined(separator: ", "))"))
        }
        switch value {
        case .object(let members): checkObject(members, keywords, pointer, &failures, depth)
        case .array(let elements): checkArray(elements, keywords, pointer, &failures, depth)
        case .string(let text): checkString(text, keywords, pointer, &failures)
        case .int, .double: checkNumber(value, keywords, pointer, &failures)
        default: break
        }
        checkCombinators(value, keywords, pointer, &failures, depth)
    }

    /// A local reference (`#`, `#/definitions/x`, `#/$defs/x`); remote references are ignored.
    func resolve(_ ref: String) -> JSONValue? {
        guard ref.hasPrefix("#") else { return nil }
        var node: JSONValue? = root
        for token in ref.dropFirst().split(separator: "/") {
            let key = String(token).replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            if let index = Int(key), let elements = node?.arrayValue {
                node = index < elements.count ? elements[index] : nil
            } else {
                node = node?[key]
            }
        }
        return node
    }

    static func child(_ pointer: String, _ key: String) -> String {
        pointer + "/" + key.replacingOccurrences(of: "~", with: "~0").replacingOccurrences(of: "/", with: "~1")
    }
}
