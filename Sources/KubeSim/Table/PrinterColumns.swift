import CapstanCore

/// The columns the real API server prints for each kind (`kubectl get`), from its printers and CRDs.
enum PrinterColumns {
    static func columns(for type: ResourceType) -> [TableColumn] {
        if let custom = customColumns(type) { return custom }
        switch type.storageKey {
        case "/pods": return pods
        case "apps/deployments": return deployments
        case "apps/replicasets": return replicaSets
        case "apps/statefulsets": return statefulSets
        case "apps/daemonsets": return daemonSets
        case "batch/jobs": return jobs
        case "batch/cronjobs": return cronJobs
        case "/services": return services
        case "/configmaps": return [.name, .integer("Data", ["data"]).counting(["data", "binaryData"]), .age]
        case "/secrets": return [.name, .text("Type") { $0["type"]?.stringValue ?? "" }, .integer("Data", []).counting(["data"]), .age]
        case "/namespaces": return [.name, .text("Status") { $0.value(at: ["status", "phase"])?.stringValue ?? "" }, .age]
        case "/serviceaccounts": return [.name, .integer("Secrets", []).counting(["secrets"]), .age]
        case "/persistentvolumeclaims": return persistentVolumeClaims
        case "/endpoints": return [.name, .text("Endpoints", Self.endpoints), .age]
        case "/events": return events
        default: return otherColumns(type) ?? [.name, .createdAt]
        }
    }

    static func joined(_ values: [String]) -> String { values.isEmpty ? "<none>" : values.joined(separator: ",") }

    static func labels(_ value: JSONValue?) -> String {
        let pairs = value?.objectValue ?? [:]
        return joined(pairs.keys.sorted().map { "\($0)=\(pairs[$0]?.stringValue ?? "")" })
    }

    static func string(_ object: JSONValue, _ path: [String], _ fallback: String = "<none>") -> String {
        guard let value = object.value(at: path) else { return fallback }
        switch value {
        case .string(let text): return text.isEmpty ? fallback : text
        case .int(let number): return String(number)
        case .bool(let flag): return String(flag)
        default: return value.serialized()
        }
    }
}

extension TableColumn {
    /// An integer column counting the members of the objects or lists at these top-level keys.
    func counting(_ keys: [String]) -> TableColumn {
        var column = self
        column.cell = { object, _ in
            .int(Int64(keys.reduce(0) { $0 + (object[$1]?.objectValue?.count ?? object[$1]?.arrayValue?.count ?? 0) }))
        }
        return column
    }
}
