import CapstanCore

extension PrinterColumns {
    static let services: [TableColumn] = [
        .name, .text("Type") { string($0, ["spec", "type"], "ClusterIP") }, .text("Cluster-IP") { string($0, ["spec", "clusterIP"]) },
        .text("External-IP", externalIP), .text("Port(s)", servicePorts), .age,
        .text("Selector", priority: 1) { labels($0.value(at: ["spec", "selector"])) },
    ]

    static func externalIP(_ service: JSONValue) -> String {
        let external = (service.value(at: ["spec", "externalIPs"])?.arrayValue ?? []).compactMap(\.stringValue)
        switch service.value(at: ["spec", "type"])?.stringValue {
        case "ExternalName": return string(service, ["spec", "externalName"])
        case "LoadBalancer":
            let ingress = (service.value(at: ["status", "loadBalancer", "ingress"])?.arrayValue ?? [])
                .compactMap { $0["ip"]?.stringValue ?? $0["hostname"]?.stringValue }
            let all = ingress + external
            return all.isEmpty ? "<pending>" : all.joined(separator: ",")
        default: return joined(external)
        }
    }

    static func servicePorts(_ service: JSONValue) -> String {
        joined((service.value(at: ["spec", "ports"])?.arrayValue ?? []).map { port in
            let number = port["port"]?.intValue ?? 0
            let proto = port["protocol"]?.stringValue ?? "TCP"
            if let node = port["nodePort"]?.intValue { return "\(number):\(node)/\(proto)" }
            return "\(number)/\(proto)"
        })
    }

    static let persistentVolumeClaims: [TableColumn] = [
        .name, .text("Status") { string($0, ["status", "phase"], "") }, .text("Volume") { string($0, ["spec", "volumeName"], "") },
        .text("Capacity") { string($0, ["status", "capacity", "storage"], "") },
        .text("Access Modes") { object in
            let short = ["ReadWriteOnce": "RWO", "ReadOnlyMany": "ROX", "ReadWriteMany": "RWX", "ReadWriteOncePod": "RWOP"]
            return (object.value(at: ["status", "accessModes"])?.arrayValue ?? []).compactMap { $0.stringValue.flatMap { short[$0] } }
                .joined(separator: ",")
        },
        .text("StorageClass") { string($0, ["spec", "storageClassName"], "<unset>") },
        .text("VolumeAttributesClass") { string($0, ["spec", "volumeAttributesClassName"], "<unset>") }, .age,
        .text("VolumeMode", priority: 1) { string($0, ["spec", "volumeMode"], "<unset>") },
    ]

    static func endpoints(_ object: JSONValue) -> String {
        var found: [String] = []
        for subset in object["subsets"]?.arrayValue ?? [] {
            let ports = (subset["ports"]?.arrayValue ?? []).compactMap { $0["port"]?.intValue }
            for address in subset["addresses"]?.arrayValue ?? [] {
                let ip = address["ip"]?.stringValue ?? ""
                found += ports.isEmpty ? [ip] : ports.map { "\(ip):\($0)" }
            }
        }
        return joined(found)
    }

    static let events: [TableColumn] = [
        TableColumn(name: "Last Seen") { object, now in
            TableColumn.since(object["lastTimestamp"] ?? object["eventTime"] ?? object.value(at: ["metadata", "creationTimestamp"]), now)
        },
        .text("Type") { string($0, ["type"], "") }, .text("Reason") { string($0, ["reason"], "") },
        .text("Object") { object in
            let kind = object.value(at: ["involvedObject", "kind"])?.stringValue?.lowercased() ?? ""
            return "\(kind)/\(object.value(at: ["involvedObject", "name"])?.stringValue ?? "")"
        },
        .text("Subobject", priority: 1) { string($0, ["involvedObject", "fieldPath"], "") },
        .text("Source", priority: 1) { string($0, ["source", "component"], "") },
        .text("Message") { string($0, ["message"], "") },
        TableColumn(name: "First Seen", priority: 1) { object, now in TableColumn.since(object["firstTimestamp"], now) },
        TableColumn(name: "Count", type: "integer", priority: 1) { object, _ in .int(object["count"]?.intValue ?? 1) },
        .text("Name", priority: 1) { string($0, ["metadata", "name"], "") },
    ]
}
