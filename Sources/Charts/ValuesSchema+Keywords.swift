import CapstanCore
import Foundation

extension ValuesSchema {
    func checkObject(_ members: [String: JSONValue], _ keywords: [String: JSONValue], _ pointer: String,
                     _ failures: inout [Failure], _ depth: Int) {
        if let max = keywords["maxProperties"]?.intValue, members.count > max {
            failures.append(Failure(pointer: pointer, message: "maxProperties: got \(members.count), want \(max)"))
        }
        if let min = keywords["minProperties"]?.intValue, members.count < min {
            failures.append(Failure(pointer: pointer, message: "minProperties: got \(members.count), want \(min)"))
        }
        let missing = (keywords["required"]?.arrayValue ?? []).compactMap(\.stringValue).filter { members[$0] == nil }
        if !missing.isEmpty {
            let names = missing.map { "'\($0)'" }.joined(separator: ", ")
            failures.append(Failure(pointer: pointer, message: "missing propert\(missing.count == 1 ? "y" : "ies") \(names)"))
        }
        let properties = keywords["properties"]?.objectValue ?? [:]
        let patterns = keywords["patternProperties"]?.objectValue ?? [:]
        let extra = members.keys.sorted().filter { key in
            properties[key] == nil && !patterns.keys.contains { Self.search($0, key) }
        }
        if case .bool(false)? = keywords["additionalProperties"], !extra.isEmpty {
            let names = extra.map { "'\($0)'" }.joined(separator: ", ")
            failures.append(Failure(pointer: pointer, message: "additional propert\(extra.count == 1 ? "y" : "ies") \(names) not allowed"))
        }
        for key in members.keys.sorted() {
            var matched = false
            if let schema = properties[key] {
                matched = true
                check(members[key]!, against: schema, at: Self.child(pointer, key), into: &failures, depth: depth + 1)
            }
            for (pattern, schema) in patterns where Self.search(pattern, key) {
                matched = true
                check(members[key]!, against: schema, at: Self.child(pointer, key), into: &failures, depth: depth + 1)
            }
            if !matched, let additional = keywords["additionalProperties"], additional.objectValue != nil {
                check(members[key]!, against: additional, at: Self.child(pointer, key), into: &failures, depth: depth + 1)
            }
        }
    }

    func checkArray(_ elements: [JSONValue], _ keywords: [String: JSONValue], _ pointer: String,
                    _ failures: inout [Failure], _ depth: Int) {
        if let max = keywords["maxItems"]?.intValue, elements.count > max {
            failures.append(Failure(pointer: pointer, message: "maxItems: got \(elements.count), want \(max)"))
        }
        if let min = keywords["minItems"]?.intValue, elements.count < min {
            failures.append(Failure(pointer: pointer, message: "minItems: got \(elements.count), want \(min)"))
        }
        if keywords["uniqueItems"]?.boolValue == true {
            outer: for i in elements.indices {
                for j in elements.indices where j > i && Self.equal(elements[i], elements[j]) {
                    failures.append(Failure(pointer: pointer, message: "items at \(i) and \(j) are equal"))
                    break outer
                }
            }
        }
        if let tuple = keywords["items"]?.arrayValue {
            for (index, element) in elements.enumerated() {
                let schema = index < tuple.count ? tuple[index] : keywords["additionalItems"]
                if let schema { check(element, against: schema, at: Self.child(pointer, "\(index)"), into: &failures, depth: depth + 1) }
            }
        } else if let items = keywords["items"] {
            for (index, element) in elements.enumerated() {
                check(element, against: items, at: Self.child(pointer, "\(index)"), into: &failures, depth: depth + 1)
            }
        }
        if let contains = keywords["contains"], !elements.contains(where: { valid($0, contains, depth) }) {
            failures.append(Failure(pointer: pointer, message: "no items match contains schema"))
        }
    }

    func checkString(_ text: String, _ keywords: [String: JSONValue], _ pointer: String, _ failures: inout [Failure]) {
        let length = text.unicodeScalars.count
        if let max = keywords["maxLength"]?.intValue, length > max {
            failures.append(Failure(pointer: pointer, message: "maxLength: got \(length), want \(max)"))
        }
        if let min = keywords["minLength"]?.intValue, length < min {
            failures.append(Failure(pointer: pointer, message: "minLength: got \(length), want \(min)"))
        }
        if let pattern = keywords["pattern"]?.stringValue, !Self.search(pattern, text) {
            failures.append(Failure(pointer: pointer, message: "'\(text)' does not match pattern '\(pattern)'"))
        }
    }

    func checkNumber(_ value: JSONValue, _ keywords: [String: JSONValue], _ pointer: String, _ failures: inout [Failure]) {
        guard let number = Self.number(value) else { return }
        let shown = Self.format(value)
        let bounds: [(String, (Double, Double) -> Bool)] = [
            ("minimum", { $0 >= $1 }), ("maximum", { $0 <= $1 }),
            ("exclusiveMinimum", { $0 > $1 }), ("exclusiveMaximum", { $0 < $1 }),
        ]
        for (name, holds) in bounds {
            if let limit = keywords[name], let bound = Self.number(limit), !holds(number, bound) {
                failures.append(Failure(pointer: pointer, message: "\(name): got \(shown), want \(Self.format(limit))"))
            }
        }
        if let divisor = keywords["multipleOf"], let d = Self.number(divisor), d > 0 {
            let q = number / d
            if abs(q - q.rounded()) > 1e-9 {
                failures.append(Failure(pointer: pointer, message: "\(shown) not multipleOf \(Self.format(divisor))"))
            }
        }
    }

    func checkCombinators(_ value: JSONValue, _ keywords: [String: JSONValue], _ pointer: String,
                          _ failures: inout [Failure], _ depth: Int) {
        for schema in keywords["allOf"]?.arrayValue ?? [] {
            check(value, against: schema, at: pointer, into: &failures, depth: depth + 1)
        }
        if let options = keywords["anyOf"]?.arrayValue, !options.contains(where: { valid(value, $0, depth) }) {
            failures.append(Failure(pointer: pointer, message: "anyOf failed"))
        }
        if let options = keywords["oneOf"]?.arrayValue {
            let count = options.filter { valid(value, $0, depth) }.count
            if count != 1 {
                failures.append(Failure(pointer: pointer, message: count == 0 ? "oneOf failed" : "oneOf failed: valid against \(count) subschemas"))
            }
        }
        if let negated = keywords["not"], valid(value, negated, depth) {
            failures.append(Failure(pointer: pointer, message: "not failed"))
        }
        if let condition = keywords["if"] {
            let branch = valid(value, condition, depth) ? keywords["then"] : keywords["else"]
            if let branch { check(value, against: branch, at: pointer, into: &failures, depth: depth + 1) }
        }
    }

    func valid(_ value: JSONValue, _ schema: JSONValue, _ depth: Int) -> Bool {
        var failures: [Failure] = []
        check(value, against: schema, at: "", into: &failures, depth: depth + 1)
        return failures.isEmpty
    }
}
