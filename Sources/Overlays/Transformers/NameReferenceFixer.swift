import CapstanCore

/// After prefixes, suffixes, namespaces and hashes changed names, rewrites every field that
/// refers to a renamed object by its old name (kustomize's name-reference transformer).
struct NameReferenceFixer {
    var backReferences: [NameBackReference]

    func transform(_ resources: inout ResourceList) throws(OverlayError) {
        let snapshot = resources.resources
        let index = CandidateIndex(snapshot)
        var byNamespace: [String: [Int]] = [:]
        for position in snapshot.indices {
            let referrer = snapshot[position]
            let originalGVK = referrer.originalID.gvk
            // Renamed objects are the only ones a reference can need rewriting for; most referrers
            // share their namespace's candidate list.
            let candidates: [Int]
            let namespaceKey = referrer.currentID.gvk.isClusterScoped ? "" : referrer.currentID.effectiveNamespace
            if referrer.kind != "RoleBinding", let cached = byNamespace[namespaceKey] {
                candidates = cached
            } else {
                candidates = try index.candidates(for: referrer).filter { !snapshot[$0].previousIDs.isEmpty }
                if referrer.kind != "RoleBinding" { byNamespace[namespaceKey] = candidates }
            }
            if candidates.isEmpty { continue }
            var object = referrer.object
            var recorded: [Int] = []
            for reference in backReferences {
                for spec in reference.referrers.specs where originalGVK.isSelected(by: spec.gvk) {
                    let update = Update(referrer: referrer, spec: spec, target: reference.gvk, candidates: candidates, all: snapshot)
                    let located = FieldSpec(path: spec.path)
                    do {
                        try FieldWalker.visit(located, in: &object, creating: nil) { (node: inout JSONValue) throws(OverlayError) in
                            try update.set(&node, recorded: &recorded)
                        }
                    } catch {
                        throw OverlayError("updating name reference in '\(spec.path)' field of '\(referrer.currentID)': \(error.message)")
                    }
                }
            }
            resources[position].object = object
            for target in recorded { resources[target].referencedBy.append(referrer.currentID) }
        }
    }
}

/// Which resources a referrer may point at: cluster-scoped ones, ones in its namespace, and ones
/// in the namespaces of a RoleBinding's service-account subjects. Built once per pass so finding
/// them costs no scan of every resource.
private struct CandidateIndex {
    var clusterScoped: [Int] = []
    var byNamespace: [String: [Int]] = [:]
    var byRawNamespace: [String: [Int]] = [:]
    var count: Int

    init(_ all: [Resource]) {
        count = all.count
        for (position, resource) in all.enumerated() {
            let id = resource.currentID
            if id.gvk.isClusterScoped {
                clusterScoped.append(position)
            } else {
                byNamespace[id.effectiveNamespace, default: []].append(position)
            }
            byRawNamespace[resource.namespace, default: []].append(position)
        }
    }

    func candidates(for referrer: Resource) throws(OverlayError) -> [Int] {
        let referrerID = referrer.currentID
        if referrerID.gvk.isClusterScoped { return Array(0..<count) }
        var chosen = Set(clusterScoped)
        chosen.formUnion(byNamespace[referrerID.effectiveNamespace] ?? [])
        if referrer.kind == "RoleBinding", let subjects = referrer.object["subjects"]?.arrayValue {
            for subject in subjects where subject["kind"] == "ServiceAccount" {
                guard let value = subject["namespace"] else { continue }
                guard let namespace = value.stringValue else {
                    throw OverlayError("Invalid Input: namespace is blank for resource \"\(referrerID)\"")
                }
                chosen.formUnion(byRawNamespace[namespace] ?? [])
            }
        }
        return chosen.sorted()
    }
}

/// One field update: finds the object the old name meant and writes its new name.
private struct Update {
    let referrer: Resource
    let spec: FieldSpec
    let target: GVK
    let candidates: [Int]
    let all: [Resource]

    func set(_ node: inout JSONValue, recorded: inout [Int]) throws(OverlayError) {
        switch node {
        case .null: return
        case .string: try setScalar(&node, recorded: &recorded)
        case .object: try setMapping(&node, recorded: &recorded)
        case .array(var items):
            node = .null
            defer { node = .array(items) }
            for index in items.indices {
                switch items[index] {
                case .string: try setScalar(&items[index], recorded: &recorded)
                case .object: try setMapping(&items[index], recorded: &recorded)
                case .null: continue
                default: throw OverlayError("\(items[index].serialized()) is expected to be either a string or a map of string")
                }
            }
        default:
            throw OverlayError("node must be a scalar, sequence or map")
        }
    }

    private func setScalar(_ node: inout JSONValue, recorded: inout [Int]) throws(OverlayError) {
        guard case .string(let oldName) = node else { return }
        guard let chosen = try select(oldName, from: candidates, identical: { $0.name }) else { return }
        recorded.append(chosen)
        node = .string(all[chosen].name)
    }

    private func setMapping(_ node: inout JSONValue, recorded: inout [Int]) throws(OverlayError) {
        guard let name = node["name"] else { throw OverlayError("path config error; no 'name' field in node") }
        var pool = candidates
        if let namespace = node["namespace"]?.scalarText {
            let byOriginal = candidates.filter { all[$0].originalID.effectiveNamespace == namespace && !all[$0].gvk.isClusterScoped }
            pool = !byOriginal.isEmpty
                ? byOriginal
                : candidates.filter { all[$0].currentID.effectiveNamespace == namespace && !all[$0].gvk.isClusterScoped }
        }
        let oldName = name.scalarText
        guard let chosen = try select(oldName, from: pool, identical: { "\($0.name)/\($0.namespace)" }) else { return }
        recorded.append(chosen)
        let referral = all[chosen]
        if referral.name == oldName && referral.namespace.isEmpty { return }
        node["name"] = .string(referral.name)
        if !referral.namespace.isEmpty { node["namespace"] = .string(referral.namespace) }
    }

    private func select(_ oldName: String, from pool: [Int], identical: (Resource) -> String) throws(OverlayError) -> Int? {
        var chosen = pool.filter { all[$0].previousIDs.contains(where: { $0.name == oldName }) }
        chosen = chosen.filter { all[$0].previousIDs.contains(where: { $0.gvk.isSelected(by: target) }) }
        if spec.path.hasSuffix("roleRef/name"), let roleRef = referrer.object["roleRef"],
            let group = roleRef["apiGroup"]?.stringValue, let kind = roleRef["kind"]?.stringValue
        {
            let roleGVK = GVK(group: group, kind: kind)
            chosen = chosen.filter { all[$0].previousIDs.contains(where: { $0.gvk.isSelected(by: roleGVK) }) }
        }
        let referrerID = referrer.currentID
        if !referrerID.gvk.isClusterScoped {
            chosen = chosen.filter { index in
                let id = all[index].currentID
                return id.gvk.isClusterScoped || all[index].kind == "ServiceAccount" || id.effectiveNamespace == referrerID.effectiveNamespace
            }
        }
        if chosen.count == 1 { return chosen[0] }
        chosen = chosen.filter { affixesMatch(all[$0], allowEmpty: true) }
        if chosen.count > 1 { chosen = chosen.filter { affixesMatch(all[$0], allowEmpty: false) } }
        if chosen.count == 1 { return chosen[0] }
        guard let first = chosen.first else { return nil }
        if chosen.allSatisfy({ identical(all[$0]) == identical(all[first]) }) { return first }
        let ids = chosen.map { all[$0].currentID.description }.joined(separator: ", ")
        throw OverlayError("found multiple possible referrals: \(ids)")
    }

    /// The candidate's prefixes and suffixes end the same way as the referrer's.
    private func affixesMatch(_ candidate: Resource, allowEmpty: Bool) -> Bool {
        if allowEmpty {
            let prefixes = candidate.prefixes.isEmpty || referrer.prefixes.isEmpty || strictEnding(candidate.prefixes, referrer.prefixes)
            let suffixes = candidate.suffixes.isEmpty || referrer.suffixes.isEmpty || strictEnding(candidate.suffixes, referrer.suffixes)
            return prefixes && suffixes
        }
        return strictEnding(candidate.prefixes, referrer.prefixes) && strictEnding(candidate.suffixes, referrer.suffixes)
    }

    private func strictEnding(_ lhs: [String], _ rhs: [String]) -> Bool {
        if lhs.isEmpty && rhs.isEmpty { return true }
        if lhs.isEmpty || rhs.isEmpty { return false }
        let shorter = min(lhs.count, rhs.count)
        return Array(lhs.suffix(shorter)) == Array(rhs.suffix(shorter))
    }
}
