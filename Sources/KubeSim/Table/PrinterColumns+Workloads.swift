import CapstanCore

extension PrinterColumns {
    static let templateColumns: [TableColumn] = [
        .text("Containers", priority: 1) { joined(containers($0).map { $0["name"]?.stringValue ?? "" }) },
        .text("Images", priority: 1) { joined(containers($0).map { $0["image"]?.stringValue ?? "" }) },
    ]
    static let selector = TableColumn.text("Selector", priority: 1) { labels($0.value(at: ["spec", "selector", "matchLabels"])) }

    static func containers(_ object: JSONValue) -> [JSONValue] {
        let template = object.value(at: ["spec", "jobTemplate", "spec", "template", "spec"]) ?? object.value(at: ["spec", "template", "spec"])
        return template?["containers"]?.arrayValue ?? []
    }

    static func ready(_ readyPath: [String], of totalPath: [String]) -> TableColumn {
        .text("Ready") { object in
            "\(object.value(at: readyPath)?.intValue ?? 0)/\(object.value(at: totalPath)?.intValue ?? 1)"
        }
    }

    static let deployments: [TableColumn] = [
        .name, ready(["status", "readyReplicas"], of: ["spec", "replicas"]),
        .integer("Up-to-date", ["status", "updatedReplicas"]), .integer("Available", ["status", "availableReplicas"]), .age,
    ] + templateColumns + [selector]

    static let replicaSets: [TableColumn] = [
        .name, .integer("Desired", ["spec", "replicas"]), .integer("Current", ["status", "replicas"]),
        .integer("Ready", ["status", "readyReplicas"]), .age,
    ] + templateColumns + [selector]

    static let statefulSets: [TableColumn] = [.name, ready(["status", "readyReplicas"], of: ["spec", "replicas"]), .age] + templateColumns

    static let daemonSets: [TableColumn] = [
        .name, .integer("Desired", ["status", "desiredNumberScheduled"]), .integer("Current", ["status", "currentNumberScheduled"]),
        .integer("Ready", ["status", "numberReady"]), .integer("Up-to-date", ["status", "updatedNumberScheduled"]),
        .integer("Available", ["status", "numberAvailable"]),
        .text("Node Selector") { labels($0.value(at: ["spec", "template", "spec", "nodeSelector"])) }, .age,
    ] + templateColumns + [selector]

    static let jobs: [TableColumn] = [
        .name, .text("Status", jobStatus),
        .text("Completions") { object in
            let succeeded = object.value(at: ["status", "succeeded"])?.intValue ?? 0
            if let completions = object.value(at: ["spec", "completions"])?.intValue { return "\(succeeded)/\(completions)" }
            let parallelism = object.value(at: ["spec", "parallelism"])?.intValue ?? 1
            return parallelism > 1 ? "\(succeeded)/1 of \(parallelism)" : "\(succeeded)/1"
        },
        TableColumn(name: "Duration") { object, now in
            guard let start = object.value(at: ["status", "startTime"])?.stringValue.flatMap(TableColumn.parse) else { return "" }
            let end = object.value(at: ["status", "completionTime"])?.stringValue.flatMap(TableColumn.parse) ?? now
            return .string(HumanDuration.format(end.timeIntervalSince(start)))
        },
        .age,
    ] + templateColumns + [selector]

    static func jobStatus(_ object: JSONValue) -> String {
        let conditions = (object.value(at: ["status", "conditions"])?.arrayValue ?? []).filter { $0["status"] == "True" }
        func has(_ type: String) -> Bool { conditions.contains { $0["type"]?.stringValue == type } }
        if has("Complete") { return "Complete" }
        if has("Failed") { return "Failed" }
        if object.value(at: ["metadata", "deletionTimestamp"]) != nil { return "Terminating" }
        for type in ["Suspended", "FailureTarget", "SuccessCriteriaMet"] where has(type) { return type }
        return "Running"
    }

    static let cronJobs: [TableColumn] = [
        .name, .text("Schedule") { string($0, ["spec", "schedule"], "") }, .text("Timezone") { string($0, ["spec", "timeZone"]) },
        TableColumn(name: "Suspend", type: "boolean") { object, _ in .bool(object.value(at: ["spec", "suspend"]) == true) },
        TableColumn(name: "Active", type: "integer") { object, _ in
            .int(Int64(object.value(at: ["status", "active"])?.arrayValue?.count ?? 0))
        },
        TableColumn(name: "Last Schedule") { object, now in
            guard let last = object.value(at: ["status", "lastScheduleTime"]) else { return "<none>" }
            return TableColumn.since(last, now)
        },
        .age,
    ] + templateColumns + [selector]

    static let pods: [TableColumn] = [
        .name,
        .text("Ready") { object in
            let total = object.value(at: ["spec", "containers"])?.arrayValue?.count ?? 0
            let ready = (object.value(at: ["status", "containerStatuses"])?.arrayValue ?? []).filter { $0["ready"] == true }.count
            return "\(ready)/\(total)"
        },
        .text("Status") { string($0, ["status", "reason"], string($0, ["status", "phase"], "Pending")) },
        TableColumn(name: "Restarts", type: "integer") { object, _ in
            .int((object.value(at: ["status", "containerStatuses"])?.arrayValue ?? []).reduce(0) { $0 + ($1["restartCount"]?.intValue ?? 0) })
        },
        .age,
        .text("IP", priority: 1) { string($0, ["status", "podIP"]) },
        .text("Node", priority: 1) { string($0, ["spec", "nodeName"]) },
        .text("Nominated Node", priority: 1) { string($0, ["status", "nominatedNodeName"]) },
        .text("Readiness Gates", priority: 1) { _ in "<none>" },
    ]
}
