import CapstanCore

/// One Kubernetes object moving through a build, with the bookkeeping kustomize keeps beside it:
/// the ids it had before renames (so references can follow), the prefixes and suffixes added,
/// and how a generated object merges with one of the same name.
public struct Resource: Sendable, Equatable {
    public var object: JSONValue
    /// Ids this resource had before names, namespaces or kinds changed, oldest first.
    var previousIDs: [ResourceID] = []
    var prefixes: [String] = []
    var suffixes: [String] = []
    /// Ids of resources whose references to this one were updated.
    var referencedBy: [ResourceID] = []
    var behavior: GenerationBehavior = .unspecified
    var needsHashSuffix = false
    var allowsNameChange = false
    var allowsKindChange = false
    /// Names of vars that refer to this resource.
    var referringVars: [String] = []
    /// Where it came from, when the build tracks origins (`buildMetadata`).
    var origin: Origin?
    /// Builtins that ran over it after it was loaded, when tracked.
    var transformations: [Origin] = []

    public init(object: JSONValue) {
        self.object = object
    }

    public var apiVersion: String { object["apiVersion"]?.stringValue ?? "" }
    public var kind: String {
        get { object["kind"]?.stringValue ?? "" }
        set { object["kind"] = .string(newValue) }
    }
    public var gvk: GVK { GVK(apiVersion: apiVersion, kind: kind) }

    public var name: String {
        get { object.value(at: ["metadata", "name"])?.stringValue ?? "" }
        set { object.setValue(.string(newValue), at: ["metadata", "name"]) }
    }

    public var namespace: String {
        get { object.value(at: ["metadata", "namespace"])?.stringValue ?? "" }
        set {
            if newValue.isEmpty {
                removeMetadata("namespace")
            } else {
                object.setValue(.string(newValue), at: ["metadata", "namespace"])
            }
        }
    }

    public var labels: [String: String] {
        get { stringMap(at: ["metadata", "labels"]) }
        set { setStringMap(newValue, key: "labels") }
    }

    public var annotations: [String: String] {
        get { stringMap(at: ["metadata", "annotations"]) }
        set { setStringMap(newValue, key: "annotations") }
    }

    /// The id as the resource stands now.
    public var currentID: ResourceID { ResourceID(gvk: gvk, name: name, namespace: namespace) }

    /// The id it was first loaded with.
    public var originalID: ResourceID { previousIDs.first ?? currentID }

    /// Every id it has had, oldest first, ending with the current one.
    var allIDs: [ResourceID] { previousIDs + [currentID] }

    /// Remembers the current id before a rename.
    mutating func storePreviousID() {
        previousIDs.append(currentID)
    }

    func stringMap(at path: [String]) -> [String: String] {
        guard let members = object.value(at: path)?.objectValue else { return [:] }
        var result: [String: String] = [:]
        for (key, value) in members {
            result[key] = value.stringValue ?? value.serialized()
        }
        return result
    }

    private mutating func setStringMap(_ map: [String: String], key: String) {
        if map.isEmpty {
            removeMetadata(key)
        } else {
            object.setValue(.object(map.mapValues { .string($0) }), at: ["metadata", key])
        }
    }

    private mutating func removeMetadata(_ key: String) {
        guard var metadata = object["metadata"]?.objectValue else { return }
        metadata[key] = nil
        object["metadata"] = .object(metadata)
    }

    /// True when the object is a `*List` kind carrying items to expand.
    var isList: Bool { kind.hasSuffix("List") && object["items"] != nil }
}

/// What a generated ConfigMap or Secret does when one of the same name already exists.
public enum GenerationBehavior: String, Sendable, Equatable {
    case unspecified = ""
    case create
    case replace
    case merge
}
