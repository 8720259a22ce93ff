import CapstanCore

/// Cluster IPs (from 10.96.0.0/12) and node ports (30000–32767) the API server hands to Services.
///
/// Dynamic picks are the lowest free address or port, so runs are deterministic; 10.96.0.1 is left to
/// the `kubernetes` Service of a real cluster. Nothing in use by a stored Service is handed out again.
enum ServiceAddresses {
    static let network: UInt32 = (10 << 24) | (96 << 16)
    static let prefixLength: UInt32 = 12
    static let cidr = "10.96.0.0/12"
    static let nodePorts = 30000...32767

    /// What stored Services hold, gathered before a create.
    struct InUse {
        var addresses: Set<String> = []
        var ports: Set<Int> = []

        init(_ services: [JSONValue]) {
            for service in services {
                for ip in ServiceAddresses.clusterIPs(service) { addresses.insert(ip) }
                for port in service.value(at: ["spec", "ports"])?.arrayValue ?? [] {
                    if let node = port["nodePort"]?.intValue { ports.insert(Int(node)) }
                }
            }
        }
    }

    static func clusterIPs(_ service: JSONValue) -> [String] {
        let ips = (service.value(at: ["spec", "clusterIPs"])?.arrayValue ?? []).compactMap(\.stringValue)
        let primary = service.value(at: ["spec", "clusterIP"])?.stringValue.map { [$0] } ?? []
        return (ips.isEmpty ? primary : ips).filter { $0 != "None" && !$0.isEmpty }
    }

    static func type(_ service: JSONValue) -> String { service.value(at: ["spec", "type"])?.stringValue ?? "ClusterIP" }

    /// Fills clusterIP(s), IP families and node ports of a new Service, refusing addresses already taken.
    static func assign(_ service: inout JSONValue, inUse: InUse, type kind: ResourceType, name: String) throws(APIStatus) {
        guard type(service) != "ExternalName" else { return }
        let given = service.value(at: ["spec", "clusterIP"])?.stringValue
            ?? service.value(at: ["spec", "clusterIPs"])?.arrayValue?.first?.stringValue ?? ""
        let ip: String
        if given == "None" {
            ip = "None"
        } else if given.isEmpty {
            ip = try nextAddress(inUse.addresses, type: kind, name: name)
        } else {
            try checkStatic(given, inUse.addresses, type: kind, name: name)
            ip = given
        }
        service.setValue(.string(ip), at: ["spec", "clusterIP"])
        service.setValue([.string(ip)], at: ["spec", "clusterIPs"])
        Defaults.setIfMissing(&service, ["spec", "ipFamilies"], ["IPv4"])
        Defaults.setIfMissing(&service, ["spec", "ipFamilyPolicy"], "SingleStack")
        try assignNodePorts(&service, inUse: inUse.ports, type: kind, name: name)
    }

    private static func nextAddress(_ used: Set<String>, type: ResourceType, name: String) throws(APIStatus) -> String {
        let size = UInt32(1) << (32 - prefixLength)
        for offset in 2..<(size - 1) {
            let candidate = format(network + offset)
            if !used.contains(candidate) { return candidate }
        }
        throw APIStatus(code: 500, reason: "InternalError",
                        message: "Internal error occurred: failed to allocate a serviceIP: range is full")
    }

    private static func checkStatic(_ ip: String, _ used: Set<String>, type: ResourceType, name: String) throws(APIStatus) {
        guard let value = parse(ip) else {
            throw APIStatus.invalid(type, name: name, causes: [("spec.clusterIPs[0]", "Invalid value: \"\(ip)\": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)")])
        }
        let mask: UInt32 = ~((UInt32(1) << (32 - prefixLength)) - 1)
        var reason: String?
        if value & mask != network || value == network || value == network | ~mask {
            reason = "the provided IP (\(ip)) is not in the valid range. The range of valid IPs is \(cidr)"
        } else if used.contains(ip) {
            reason = "provided IP is already allocated"
        }
        if let reason {
            throw APIStatus.invalid(type, name: name, causes: [("spec.clusterIPs", "Invalid value: [\"\(ip)\"]: failed to allocate IP \(ip): \(reason)")])
        }
    }

    /// NodePort and LoadBalancer Services get a node port on every port that has none.
    static func assignNodePorts(_ service: inout JSONValue, inUse: Set<Int>, type kind: ResourceType, name: String,
                                own: Set<Int> = []) throws(APIStatus)
    {
        guard ["NodePort", "LoadBalancer"].contains(type(service)),
            case .array(var ports)? = service.value(at: ["spec", "ports"]) else { return }
        var used = inUse.subtracting(own)
        for index in ports.indices {
            if let given = ports[index]["nodePort"]?.intValue, given != 0 {
                let field = "spec.ports[\(index)].nodePort"
                if !nodePorts.contains(Int(given)) {
                    throw APIStatus.invalid(kind, name: name, causes: [(field, "Invalid value: \(given): provided port is not in the valid range. The range of valid ports is 30000-32767")])
                }
                if used.contains(Int(given)) {
                    throw APIStatus.invalid(kind, name: name, causes: [(field, "Invalid value: \(given): provided port is already allocated")])
                }
                used.insert(Int(given))
                continue
            }
            guard let free = nodePorts.first(where: { !used.contains($0) }) else {
                throw APIStatus(code: 500, reason: "InternalError", message: "Internal error occurred: failed to allocate a nodePort: range is full")
            }
            ports[index]["nodePort"] = .int(Int64(free))
            used.insert(free)
        }
        service.setValue(.array(ports), at: ["spec", "ports"])
    }

    /// On update: what the writer left out is kept from the stored Service; a changed cluster IP is refused.
    static func keepAllocated(_ service: inout JSONValue, old: JSONValue, type kind: ResourceType, name: String) throws(APIStatus) {
        guard type(service) != "ExternalName", type(old) != "ExternalName" else { return }
        let oldIP = old.value(at: ["spec", "clusterIP"])?.stringValue ?? ""
        let newIP = service.value(at: ["spec", "clusterIP"])?.stringValue
            ?? service.value(at: ["spec", "clusterIPs"])?.arrayValue?.first?.stringValue ?? ""
        if newIP.isEmpty {
            for key in ["clusterIP", "clusterIPs"] {
                service.setValue(old.value(at: ["spec", key]) ?? .null, at: ["spec", key])
            }
        } else if newIP != oldIP, !oldIP.isEmpty {
            throw APIStatus.invalid(kind, name: name, causes: [("spec.clusterIPs[0]", "Invalid value: [\"\(newIP)\"]: may not change once set")])
        } else if service.value(at: ["spec", "clusterIPs"]) == nil {
            service.setValue([.string(newIP)], at: ["spec", "clusterIPs"])
        }
        for key in ["ipFamilies", "ipFamilyPolicy"] {
            Defaults.setIfMissing(&service, ["spec", key], old.value(at: ["spec", key]) ?? .null)
        }
        keepNodePorts(&service, old: old)
        ObjectRules.removeNulls(&service)
    }

    /// Ports without a node port take the one the stored port of the same name had.
    private static func keepNodePorts(_ service: inout JSONValue, old: JSONValue) {
        guard ["NodePort", "LoadBalancer"].contains(type(service)),
            case .array(var ports)? = service.value(at: ["spec", "ports"]) else { return }
        let oldPorts = old.value(at: ["spec", "ports"])?.arrayValue ?? []
        for index in ports.indices where (ports[index]["nodePort"]?.intValue ?? 0) == 0 {
            let name = ports[index]["name"]?.stringValue ?? ""
            if let match = oldPorts.first(where: { ($0["name"]?.stringValue ?? "") == name }), let node = match["nodePort"] {
                ports[index]["nodePort"] = node
            }
        }
        service.setValue(.array(ports), at: ["spec", "ports"])
    }

    static func format(_ value: UInt32) -> String {
        "\(value >> 24).\((value >> 16) & 255).\((value >> 8) & 255).\(value & 255)"
    }

    static func parse(_ text: String) -> UInt32? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var value: UInt32 = 0
        for part in parts {
            guard let byte = UInt8(part), String(byte) == part else { return nil }
            value = value << 8 | UInt32(byte)
        }
        return value
    }
}
