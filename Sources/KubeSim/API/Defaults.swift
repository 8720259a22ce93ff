import CapstanCore

/// The defaults the real API server fills in for the fields tests and diffs look at.
enum Defaults {
    static func apply(to object: JSONValue, type: ResourceType) -> JSONValue {
        var object = object
        switch (type.group, type.kind) {
        case ("", "Namespace"): namespace(&object)
        case ("", "Service"): service(&object)
        case ("", "Secret"): setIfMissing(&object, ["type"], "Opaque")
        case ("", "PersistentVolumeClaim"):
            setIfMissing(&object, ["spec", "volumeMode"], "Filesystem")
            setIfMissing(&object, ["status", "phase"], "Pending")
        case ("", "Pod"): podSpec(&object, at: ["spec"])
        case ("apps", "Deployment"): deployment(&object)
        case ("apps", "StatefulSet"), ("apps", "ReplicaSet"), ("apps", "DaemonSet"):
            if type.kind != "DaemonSet" { setIfMissing(&object, ["spec", "replicas"], 1) }
            setIfMissing(&object, ["spec", "revisionHistoryLimit"], 10)
            podSpec(&object, at: ["spec", "template", "spec"])
        case ("batch", "Job"): podSpec(&object, at: ["spec", "template", "spec"])
        case ("batch", "CronJob"): podSpec(&object, at: ["spec", "jobTemplate", "spec", "template", "spec"])
        default: break
        }
        return object
    }

    private static func namespace(_ object: inout JSONValue) {
        if let name = object.value(at: ["metadata", "name"]) {
            object.setValue(name, at: ["metadata", "labels", "kubernetes.io/metadata.name"])
        }
        setIfMissing(&object, ["spec", "finalizers"], ["kubernetes"])
        setIfMissing(&object, ["status", "phase"], "Active")
    }

    private static func deployment(_ object: inout JSONValue) {
        setIfMissing(&object, ["spec", "replicas"], 1)
        setIfMissing(&object, ["spec", "revisionHistoryLimit"], 10)
        setIfMissing(&object, ["spec", "progressDeadlineSeconds"], 600)
        setIfMissing(&object, ["spec", "strategy", "type"], "RollingUpdate")
        if object.value(at: ["spec", "strategy", "type"]) == "RollingUpdate" {
            setIfMissing(&object, ["spec", "strategy", "rollingUpdate", "maxSurge"], "25%")
            setIfMissing(&object, ["spec", "strategy", "rollingUpdate", "maxUnavailable"], "25%")
        }
        podSpec(&object, at: ["spec", "template", "spec"])
    }

    private static func service(_ object: inout JSONValue) {
        setIfMissing(&object, ["spec", "type"], "ClusterIP")
        setIfMissing(&object, ["spec", "sessionAffinity"], "None")
        if case .array(let ports)? = object.value(at: ["spec", "ports"]) {
            object.setValue(.array(ports.map { port in
                var port = port
                if port["protocol"] == nil { port["protocol"] = "TCP" }
                if port["targetPort"] == nil, let number = port["port"] { port["targetPort"] = number }
                return port
            }), at: ["spec", "ports"])
        }
    }

    private static func podSpec(_ object: inout JSONValue, at path: [String]) {
        guard var spec = object.value(at: path), spec.objectValue != nil else { return }
        setIfMissing(&spec, ["restartPolicy"], "Always")
        setIfMissing(&spec, ["terminationGracePeriodSeconds"], 30)
        setIfMissing(&spec, ["dnsPolicy"], "ClusterFirst")
        setIfMissing(&spec, ["schedulerName"], "default-scheduler")
        setIfMissing(&spec, ["securityContext"], [:])
        for list in ["containers", "initContainers"] {
            if case .array(let containers)? = spec[list] { spec[list] = .array(containers.map(container)) }
        }
        object.setValue(spec, at: path)
    }

    private static func container(_ container: JSONValue) -> JSONValue {
        var container = container
        if container["imagePullPolicy"] == nil, let image = container["image"]?.stringValue {
            let tag = image.split(separator: "@").first.map { $0.split(separator: "/").last ?? "" } ?? ""
            let latest = !tag.contains(":") || tag.hasSuffix(":latest")
            container["imagePullPolicy"] = latest && !image.contains("@") ? "Always" : "IfNotPresent"
        }
        setIfMissing(&container, ["terminationMessagePath"], "/dev/termination-log")
        setIfMissing(&container, ["terminationMessagePolicy"], "File")
        setIfMissing(&container, ["resources"], [:])
        if case .array(let ports)? = container["ports"] {
            container["ports"] = .array(ports.map { port in
                var port = port
                if port["protocol"] == nil { port["protocol"] = "TCP" }
                return port
            })
        }
        return container
    }

    static func setIfMissing(_ object: inout JSONValue, _ path: [String], _ value: JSONValue) {
        if object.value(at: path) == nil { object.setValue(value, at: path) }
    }
}
