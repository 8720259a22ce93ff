import CapstanCore

/// Label and field selectors of a list or watch, plus the name of a single-object watch.
struct ObjectFilter: Sendable {
    var labels: LabelSelector?
    var fields: FieldSelector?
    var name: String?

    init(_ query: [String: String]) throws(APIStatus) {
        if let text = query["labelSelector"], !text.isEmpty { labels = try LabelSelector(parsing: text) }
        if let text = query["fieldSelector"], !text.isEmpty { fields = try FieldSelector(parsing: text) }
    }

    func matches(_ object: JSONValue) -> Bool {
        if let name, object.value(at: ["metadata", "name"])?.stringValue != name { return false }
        if let fields, !fields.matches(object) { return false }
        if let labels {
            let pairs = object.value(at: ["metadata", "labels"])?.objectValue ?? [:]
            return labels.matches(pairs.compactMapValues(\.stringValue))
        }
        return true
    }
}
