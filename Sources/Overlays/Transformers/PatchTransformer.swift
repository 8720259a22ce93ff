import Foundation
import CapstanCore
import Patching

/// Applies one `patches`/`patchesStrategicMerge`/`patchesJson6902` entry: strategic merge
/// patches find their target by id (or `target`), JSON 6902 patches by `target`.
struct PatchTransformer {
    enum Body {
        case strategic([Resource])
        case json6902(JSONValue)
    }

    var body: Body
    var target: Selector?
    /// How the patch is named in errors: `[path: "x.yaml"]` or `[patch: "…"]`.
    var source: String
    /// The build's custom OpenAPI schema, when a kustomization names one.
    var custom: CustomSchema?

    /// Reads a patch's text, deciding whether it is a strategic merge or a JSON 6902 patch.
    init(text: String, target: Selector?, options: [String: Bool], source: String, custom: CustomSchema? = nil) throws(OverlayError) {
        self.target = target
        self.source = source
        self.custom = custom
        // Inline patches arrive trimmed; a patch file is read as it is, trailing newline included.
        let strategic = try? DirectoryLoader.resources(from: Array(text.utf8), file: source)
        let operations = Self.jsonPatch(from: text)
        switch (strategic, operations) {
        case (let patches?, nil) where !patches.isEmpty:
            body = .strategic(patches.map { patch in
                var patch = patch
                patch.allowsNameChange = options["allowNameChange"] ?? false
                patch.allowsKindChange = options["allowKindChange"] ?? false
                return patch
            })
        case (_, let operations?):
            if let strategic, !strategic.isEmpty {
                throw OverlayError("illegally qualifies as both an SM and JSON patch: \(source)")
            }
            body = .json6902(operations)
        default:
            throw OverlayError("unable to parse SM or JSON patch from \(source)")
        }
    }

    /// A JSON 6902 operation list, given as JSON or YAML.
    static func jsonPatch(from text: String) -> JSONValue? {
        guard !text.isEmpty else { return nil }
        let value: JSONValue?
        if text.hasPrefix("[") {
            value = try? JSONValue.parse(text)
        } else {
            value = try? DirectoryLoader.documents(from: Array(text.utf8), file: "patch").first
        }
        guard case .array(let operations)? = value, operations.allSatisfy({ $0["op"] != nil }) else { return nil }
        return value
    }

    func transform(_ resources: inout ResourceList) throws(OverlayError) {
        switch body {
        case .strategic(let patches): try applyStrategic(patches, to: &resources)
        case .json6902(let operations): try applyJSON(operations, to: &resources)
        }
    }

    private func applyStrategic(_ patches: [Resource], to resources: inout ResourceList) throws(OverlayError) {
        if let target {
            guard patches.count == 1 else {
                throw OverlayError("Multiple Strategic-Merge Patches in one `patches` entry is not allowed to set `patches.target` field: \(source)")
            }
            let selected = Set(try resources.select(target).map { resources[$0].currentID })
            try Self.apply(patches[0], toAll: selected, in: &resources, custom: custom)
            return
        }
        try StrategicPatchList(patches: patches, custom: custom).transform(&resources)
    }

    /// Applies a strategic merge patch to every selected resource, dropping any it deletes.
    static func apply(
        _ patch: Resource, toAll selected: Set<ResourceID>, in resources: inout ResourceList, custom: CustomSchema?
    ) throws(OverlayError) {
        var kept: [Resource] = []
        for var resource in resources.resources {
            if selected.contains(resource.currentID) {
                var patchObject = patch.object
                patchObject["apiVersion"] = .string(resource.apiVersion)
                let name = resource.name
                let namespace = resource.namespace
                let kind = resource.kind
                if patch.allowsNameChange || patch.allowsKindChange { resource.storePreviousID() }
                guard let merged = try StrategicMerge.merge(patchObject, into: resource.object, custom: custom), merged != .object([:])
                else {
                    continue
                }
                resource.object = merged
                if !patch.allowsKindChange { resource.kind = kind }
                if !patch.allowsNameChange { resource.name = name }
                resource.namespace = namespace
            }
            kept.append(resource)
        }
        resources.replaceAll([])
        for resource in kept { try resources.append(resource) }
    }

    private func applyJSON(_ operations: JSONValue, to resources: inout ResourceList) throws(OverlayError) {
        guard let target else { throw OverlayError("must specify a target for JSON patch \(source)") }
        for index in try resources.select(target) {
            resources[index].storePreviousID()
            do {
                var document = resources[index].object
                Self.createParentsOfAdds(operations, in: &document)
                resources[index].object = try JSONPatch.apply(operations, to: document)
            } catch {
                throw OverlayError("\(error)")
            }
        }
    }
}


extension PatchTransformer {
    /// kustomize applies JSON patches with "ensure path exists on add": an `add` whose parent
    /// objects are missing creates them (lists when the next step is an index or `-`).
    static func createParentsOfAdds(_ operations: JSONValue, in document: inout JSONValue) {
        for operation in operations.arrayValue ?? [] where operation["op"]?.stringValue == "add" {
            guard let pointer = operation["path"]?.stringValue, pointer.hasPrefix("/") else { continue }
            let tokens = pointer.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
                $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
            }
            createParents(tokens.dropLast()[...], next: tokens.last ?? "", in: &document)
        }
    }

    private static func createParents(_ tokens: ArraySlice<String>, next: String, in node: inout JSONValue) {
        guard let token = tokens.first else { return }
        let following = tokens.dropFirst().first ?? next
        switch node {
        case .object(var members):
            if members[token] == nil || members[token] == .null {
                members[token] = following == "-" || Int(following) != nil ? .array([]) : .object([:])
            }
            node = .null
            createParents(tokens.dropFirst(), next: next, in: &members[token]!)
            node = .object(members)
        case .array(var items):
            guard let index = Int(token), items.indices.contains(index) else { return }
            node = .null
            createParents(tokens.dropFirst(), next: next, in: &items[index])
            node = .array(items)
        default:
            return
        }
    }
}
