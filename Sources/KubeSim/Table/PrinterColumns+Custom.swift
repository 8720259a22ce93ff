import CapstanCore
import Foundation

extension PrinterColumns {
    /// Custom resources: Name, then the version's `additionalPrinterColumns` (Age when it has none).
    static func customColumns(_ type: ResourceType) -> [TableColumn]? {
        guard let printed = type.printerColumns else { return nil }
        let definitions = printed.arrayValue ?? []
        if definitions.isEmpty { return [.name, .age] }
        return [.name] + definitions.map { definition in
            let path = JSONPathLite(definition["jsonPath"]?.stringValue ?? "")
            let kind = definition["type"]?.stringValue ?? "string"
            return TableColumn(name: definition["name"]?.stringValue ?? "", type: kind,
                               format: definition["format"]?.stringValue ?? "",
                               priority: Int(definition["priority"]?.intValue ?? 0)) { object, now in
                cell(path.value(in: object), kind: kind, now: now)
            }
        }
    }

    /// Converts a found value to the column's type, as the CRD table convertor does (nil when it does not fit).
    static func cell(_ value: JSONValue?, kind: String, now: Date) -> JSONValue {
        guard let value, value != .null else { return .null }
        switch (kind, value) {
        case ("integer", .int), ("boolean", .bool), ("number", .double): return value
        case ("integer", .double(let number)): return .int(Int64(number))
        case ("number", .int(let number)): return .double(Double(number))
        case ("date", .string): return TableColumn.since(value, now)
        case ("string", .string): return value
        case ("string", _): return .string(value.serialized())
        default: return .null
        }
    }
}
