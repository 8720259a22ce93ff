import CapstanCore

/// The simple JSONPath of printer columns: `.spec.replicas`, `.status.conditions[0].type`.
struct JSONPathLite: Sendable {
    var steps: [String]

    init(_ text: String) {
        steps = text.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
            .split(separator: ".").map(String.init)
    }

    func value(in object: JSONValue) -> JSONValue? {
        var current: JSONValue? = object
        for step in steps {
            if let index = Int(step), let items = current?.arrayValue {
                current = index < items.count ? items[index] : nil
            } else {
                current = current?[step]
            }
        }
        return current
    }
}
