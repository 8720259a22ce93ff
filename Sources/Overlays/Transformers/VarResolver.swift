import CapstanCore

/// Replaces `$(VAR)` references with the values legacy `vars` point at, in the fields the
/// varReference specs list (container args, commands, env values, …).
struct VarResolver {
    var vars: [VarSpec]
    var fieldSpecs: FieldSpecSet

    func transform(_ resources: inout ResourceList) throws(OverlayError) {
        guard !vars.isEmpty else { return }
        var values: [String: JSONValue] = [:]
        for variable in vars {
            values[variable.name] = try value(of: variable, in: resources)
        }
        for index in resources.resources.indices {
            var object = resources[index].object
            for spec in fieldSpecs.specs {
                try FieldWalker.visit(spec, in: &object, creating: nil) { (node: inout JSONValue) throws(OverlayError) in
                    try Self.replace(in: &node, values: values)
                }
            }
            resources[index].object = object
        }
    }

    private func value(of variable: VarSpec, in resources: ResourceList) throws(OverlayError) -> JSONValue {
        for resource in resources.resources where resource.referringVars.contains(variable.name) {
            guard let value = FieldPath(variable.fieldPath).value(in: resource.object) else {
                throw OverlayError("field specified in var '\(variable.name)' not found in corresponding resource")
            }
            return value
        }
        throw OverlayError("var '\(variable.name)' cannot be mapped to a field in the set of known resources")
    }

    private static func replace(in node: inout JSONValue, values: [String: JSONValue]) throws(OverlayError) {
        switch node {
        case .string(let text): node = expand(text, values)
        case .object(var members):
            node = .null
            for key in members.keys {
                if case .string(let text) = members[key]! { members[key] = expand(text, values) }
            }
            node = .object(members)
        case .array(var items):
            node = .null
            defer { node = .array(items) }
            for index in items.indices {
                guard case .string(let text) = items[index] else { throw OverlayError("invalid value type expect a string") }
                items[index] = expand(text, values)
            }
        default:
            return
        }
    }

    /// Expands `$(NAME)` (and `$$` to `$`); a text that is exactly one reference takes the
    /// value's own type, as kustomize does.
    static func expand(_ text: String, _ values: [String: JSONValue]) -> JSONValue {
        let bytes = Array(text.utf8)
        var output: [UInt8] = []
        var cursor = 0
        while cursor < bytes.count {
            guard bytes[cursor] == UInt8(ascii: "$"), cursor + 1 < bytes.count else {
                output.append(bytes[cursor])
                cursor += 1
                continue
            }
            let next = bytes[cursor + 1]
            if next == UInt8(ascii: "$") {
                output.append(next)
                cursor += 2
            } else if next == UInt8(ascii: "("), let close = bytes[(cursor + 2)...].firstIndex(of: UInt8(ascii: ")")) {
                let name = String(decoding: bytes[(cursor + 2)..<close], as: UTF8.self)
                if let value = values[name], isPrimitive(value) {
                    if cursor == 0 && close == bytes.count - 1 { return value }
                    output += Array(value.scalarText.utf8)
                } else {
                    output += bytes[cursor...close]
                }
                cursor = close + 1
            } else {
                output.append(bytes[cursor])
                output.append(next)
                cursor += 2
            }
        }
        return .string(String(decoding: output, as: UTF8.self))
    }

    private static func isPrimitive(_ value: JSONValue) -> Bool {
        switch value {
        case .string, .int, .double, .bool: true
        default: false
        }
    }
}
