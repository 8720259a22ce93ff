import CapstanCore
import Foundation

/// One column of a server-side `Table`, with the function that computes its cell for an object.
struct TableColumn: Sendable {
    var name: String
    var type: String = "string"
    var format: String = ""
    /// 1 for the columns `kubectl get -o wide` adds.
    var priority: Int = 0
    var cell: @Sendable (JSONValue, Date) -> JSONValue

    var definition: JSONValue {
        ["name": .string(name), "type": .string(type), "format": .string(format), "description": "",
         "priority": .int(Int64(priority))]
    }

    static let name = TableColumn(name: "Name", format: "name") { object, _ in object.value(at: ["metadata", "name"]) ?? "" }
    static let age = TableColumn(name: "Age") { object, now in since(object.value(at: ["metadata", "creationTimestamp"]), now) }
    static let createdAt = TableColumn(name: "Created At", type: "date") { object, _ in
        object.value(at: ["metadata", "creationTimestamp"]) ?? .null
    }

    static func text(_ name: String, priority: Int = 0, _ value: @escaping @Sendable (JSONValue) -> String) -> TableColumn {
        TableColumn(name: name, priority: priority) { object, _ in .string(value(object)) }
    }

    static func integer(_ name: String, _ path: [String]) -> TableColumn {
        TableColumn(name: name, type: "integer") { object, _ in .int(object.value(at: path)?.intValue ?? 0) }
    }

    /// The humanized time since an RFC 3339 timestamp, as the Age column shows it.
    static func since(_ timestamp: JSONValue?, _ now: Date) -> JSONValue {
        guard let text = timestamp?.stringValue, let date = Self.parse(text) else { return "<unknown>" }
        return .string(HumanDuration.format(now.timeIntervalSince(date)))
    }

    static func parse(_ text: String) -> Date? { Clock.parse(text) }
}
