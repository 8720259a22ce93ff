import CapstanCore

/// Where in objects of some kinds a transformer reads or writes: a gvk filter, a slash-separated
/// path (`spec/template/metadata/labels`, with `[]` for lists), and whether to create it.
public struct FieldSpec: Sendable, Equatable {
    public var gvk: GVK
    public var path: String {
        didSet { segments = FieldPath.split(path, separator: "/") }
    }
    public var create: Bool
    /// The path split on `/`, keeping escaped `\/` and bracketed text inside a segment.
    private(set) var segments: [String]

    public init(gvk: GVK = GVK(), path: String, create: Bool = false) {
        self.gvk = gvk
        self.path = path
        self.create = create
        segments = FieldPath.split(path, separator: "/")
    }

    init(decoding value: JSONValue) throws(OverlayError) {
        var reader = try FieldReader(value, typeName: "types.FieldSpec")
        gvk = GVK(group: try reader.string("group"), version: try reader.string("version"), kind: try reader.string("kind"))
        let path = try reader.string("path")
        self.path = path
        create = try reader.bool("create")
        segments = FieldPath.split(path, separator: "/")
        _ = reader.raw("behavior")
        try reader.finish()
    }

    /// True when the spec applies to objects of `objectGVK`.
    func applies(to objectGVK: GVK) -> Bool { objectGVK.isSelected(by: gvk) }

    /// The test kustomize uses to de-duplicate specs: same path, and this spec's kinds are all
    /// selected by `other`'s (so `kind: Deployment` already covers a later any-kind spec).
    func effectivelyEquals(_ other: FieldSpec) -> Bool {
        gvk.isSelected(by: other.gvk) && path == other.path
    }

}

/// An ordered set of field specs (kustomize's FsSlice).
struct FieldSpecSet: Sendable, Equatable {
    var specs: [FieldSpec] = []

    mutating func merge(_ spec: FieldSpec) throws(OverlayError) {
        if let existing = specs.first(where: { $0.effectivelyEquals(spec) }) {
            if existing.create != spec.create { throw OverlayError("conflicting fieldspecs") }
            return
        }
        specs.append(spec)
    }

    mutating func merge(_ other: FieldSpecSet) throws(OverlayError) {
        for spec in other.specs { try merge(spec) }
    }

    func merging(_ other: FieldSpecSet) throws(OverlayError) -> FieldSpecSet {
        var copy = self
        try copy.merge(other)
        return copy
    }

    /// Orders specs by kind as kustomize sorts its configs; which of two overlapping specs
    /// survives a later merge depends on this order.
    mutating func sort() {
        specs = specs.enumerated().sorted { lhs, rhs in
            if lhs.element.gvk.isLess(than: rhs.element.gvk) { return true }
            if rhs.element.gvk.isLess(than: lhs.element.gvk) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
