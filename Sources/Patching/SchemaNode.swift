import CapstanCore

/// One node of an object type as the patch engines see it: how its lists merge, which maps are
/// atomic, and what strategic merge patch does with it.
///
/// Only the nodes that differ from the deduced default are spelled out. Anything not listed is
/// `deduced`: objects merge key by key, lists are atomic (replaced whole), as the API server does for
/// custom resources without list markers.
public final class SchemaNode: Sendable {
    /// How server-side apply treats a list (`x-kubernetes-list-type`).
    public enum ListType: Sendable, Equatable {
        /// Replaced and owned as a whole.
        case atomic
        /// Scalar items keyed by their value (`v:` path elements).
        case set
        /// Object items keyed by these fields (`k:` path elements).
        case map(keys: [String])
    }

    /// The named fields of a struct; unlisted fields are deduced.
    let fields: [String: SchemaNode]
    /// The schema of every map value or list item.
    let element: SchemaNode?
    /// An atomic struct or map (`x-kubernetes-map-type: atomic`): owned and replaced whole.
    let isAtomic: Bool
    /// A map whose keys are data (labels, annotations, ConfigMap data), not named fields.
    let isMap: Bool
    /// The list type for server-side apply; nil for a non-list (lists then count as atomic).
    let listType: ListType?
    /// Defaults of list-map key fields (`protocol: TCP` for container ports).
    let keyDefaults: [String: JSONValue]
    /// Present in a Go zero object (a non-pointer struct, a list without `omitempty`), so an Update
    /// that fills it in does not add the node itself.
    let isPresentWhenZero: Bool
    /// Strategic merge patch: the `patchMergeKey` of a list of objects.
    let mergeKey: String?
    /// Strategic merge patch: a scalar list with `patchStrategy: merge` (union of values).
    let mergesScalars: Bool
    /// Strategic merge patch: `patchStrategy: replace` on a struct or map.
    let replacesOnPatch: Bool

    init(
        fields: [String: SchemaNode] = [:], element: SchemaNode? = nil, isAtomic: Bool = false,
        isMap: Bool = false, listType: ListType? = nil, keyDefaults: [String: JSONValue] = [:],
        isPresentWhenZero: Bool = false, mergeKey: String? = nil, mergesScalars: Bool = false,
        replacesOnPatch: Bool = false
    ) {
        self.fields = fields
        self.element = element
        self.isAtomic = isAtomic
        self.isMap = isMap
        self.listType = listType
        self.keyDefaults = keyDefaults
        self.isPresentWhenZero = isPresentWhenZero
        self.mergeKey = mergeKey
        self.mergesScalars = mergesScalars
        self.replacesOnPatch = replacesOnPatch
    }

    /// The default for anything the tables do not describe.
    public static let deduced = SchemaNode()

    /// The schema of field `name` of this struct or map.
    @inline(__always)
    func field(_ name: String) -> SchemaNode {
        fields[name] ?? element ?? Self.deduced
    }

    /// The schema of the items of this list.
    var item: SchemaNode { element ?? Self.deduced }

    /// The list type server-side apply uses, atomic when none is declared.
    var effectiveListType: ListType { listType ?? .atomic }
}

extension SchemaNode {
    /// A struct with special fields; `present` marks a Go non-pointer struct.
    static func structure(_ fields: [String: SchemaNode], present: Bool = false) -> SchemaNode {
        SchemaNode(fields: fields, isPresentWhenZero: present)
    }

    /// A granular map whose values all have `element`'s schema.
    static func map(_ element: SchemaNode = .deduced) -> SchemaNode {
        SchemaNode(element: element, isMap: true)
    }

    /// An atomic struct or map, optionally replaced whole by strategic merge patch too.
    static func atomic(replacesOnPatch: Bool = false) -> SchemaNode {
        SchemaNode(isAtomic: true, replacesOnPatch: replacesOnPatch)
    }

    /// A list of objects merged by key in both SSA (`listMapKeys`) and SMP (`patchMergeKey`).
    static func listMap(
        _ keys: [String], defaults: [String: JSONValue] = [:], mergeKey: String? = nil,
        element: SchemaNode = .deduced, present: Bool = false
    ) -> SchemaNode {
        SchemaNode(
            element: element, listType: .map(keys: keys), keyDefaults: defaults, isPresentWhenZero: present,
            mergeKey: mergeKey ?? keys[0])
    }

    /// A list of scalars that both engines treat as a set.
    static let scalarSet = SchemaNode(listType: .set, mergesScalars: true)

    /// A list SSA treats as atomic but strategic merge patch merges by `mergeKey`.
    static func patchMergedAtomicList(_ mergeKey: String) -> SchemaNode {
        SchemaNode(listType: .atomic, mergeKey: mergeKey)
    }
}
