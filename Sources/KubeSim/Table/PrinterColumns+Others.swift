import CapstanCore

extension PrinterColumns {
    static func otherColumns(_ type: ResourceType) -> [TableColumn]? {
        switch type.storageKey {
        case "networking.k8s.io/ingresses": return ingresses
        case "networking.k8s.io/networkpolicies":
            return [.name, .text("Pod-Selector") { labels($0.value(at: ["spec", "podSelector", "matchLabels"])) }, .age]
        case "policy/poddisruptionbudgets":
            return [.name, .text("Min Available") { string($0, ["spec", "minAvailable"], "N/A") },
                    .text("Max Unavailable") { string($0, ["spec", "maxUnavailable"], "N/A") },
                    .integer("Allowed Disruptions", ["status", "disruptionsAllowed"]), .age]
        case "autoscaling/horizontalpodautoscalers": return horizontalPodAutoscalers
        case "coordination.k8s.io/leases": return [.name, .text("Holder") { string($0, ["spec", "holderIdentity"], "") }, .age]
        case "rbac.authorization.k8s.io/rolebindings", "rbac.authorization.k8s.io/clusterrolebindings": return bindings
        default: return nil
        }
    }

    static let ingresses: [TableColumn] = [
        .name, .text("Class") { string($0, ["spec", "ingressClassName"]) },
        .text("Hosts") { object in
            let hosts = (object.value(at: ["spec", "rules"])?.arrayValue ?? []).map { $0["host"]?.stringValue ?? "*" }
            return hosts.isEmpty ? "*" : hosts.joined(separator: ",")
        },
        .text("Address") { object in
            (object.value(at: ["status", "loadBalancer", "ingress"])?.arrayValue ?? [])
                .compactMap { $0["ip"]?.stringValue ?? $0["hostname"]?.stringValue }.joined(separator: ",")
        },
        .text("Ports") { ($0.value(at: ["spec", "tls"])?.arrayValue ?? []).isEmpty ? "80" : "80, 443" }, .age,
    ]

    static let horizontalPodAutoscalers: [TableColumn] = [
        .name, .text("Reference") { "\(string($0, ["spec", "scaleTargetRef", "kind"], ""))/\(string($0, ["spec", "scaleTargetRef", "name"], ""))" },
        .text("Targets") { ($0.value(at: ["spec", "metrics"])?.arrayValue ?? []).isEmpty ? "<none>" : "<unknown>" },
        .text("MinPods") { string($0, ["spec", "minReplicas"], "<unset>") },
        .integer("MaxPods", ["spec", "maxReplicas"]), .integer("Replicas", ["status", "currentReplicas"]), .age,
    ]

    static let bindings: [TableColumn] = [
        .name, .text("Role") { "\(string($0, ["roleRef", "kind"], ""))/\(string($0, ["roleRef", "name"], ""))" }, .age,
        .text("Users", priority: 1) { subjects($0, "User") }, .text("Groups", priority: 1) { subjects($0, "Group") },
        .text("ServiceAccounts", priority: 1) { subjects($0, "ServiceAccount") },
    ]

    static func subjects(_ binding: JSONValue, _ kind: String) -> String {
        (binding["subjects"]?.arrayValue ?? []).filter { $0["kind"]?.stringValue == kind }.map { subject in
            let name = subject["name"]?.stringValue ?? ""
            guard kind == "ServiceAccount" else { return name }
            return "\(subject["namespace"]?.stringValue ?? ""):\(name)"
        }.joined(separator: ", ")
    }
}
