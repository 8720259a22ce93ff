import CapstanCore

/// The field specs every builtin transformer works with: the defaults, extended by a
/// kustomization's `configurations` files and by CRDs listed under `crds`.
struct TransformerConfig: Sendable, Equatable {
    var namePrefix = FieldSpecSet()
    var nameSuffix = FieldSpecSet()
    var namespace = FieldSpecSet()
    var commonLabels = FieldSpecSet()
    var labels = FieldSpecSet()
    var templateLabels = FieldSpecSet()
    var commonAnnotations = FieldSpecSet()
    var varReference = FieldSpecSet()
    var images = FieldSpecSet()
    var replicas = FieldSpecSet()
    /// Referenced kind → the fields that refer to objects of that kind by name.
    var nameReference: [NameBackReference] = []

    static let defaults: TransformerConfig = {
        var config = TransformerConfig()
        var section = ""
        var referenced: GVK?
        for line in DefaultFieldSpecs.table.split(separator: "\n") {
            let text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("[nameReference ") {
                referenced = parseGVK(String(text.dropFirst(15).dropLast()))
                config.nameReference.append(NameBackReference(gvk: referenced!, referrers: FieldSpecSet()))
                section = "nameReference"
            } else if text.hasPrefix("[") {
                section = String(text.dropFirst().dropLast())
            } else {
                let parts = text.split(separator: " ").map(String.init)
                let spec = FieldSpec(gvk: parseGVK(parts[0]), path: parts[1], create: parts.count > 2)
                if section == "nameReference" {
                    config.nameReference[config.nameReference.count - 1].referrers.specs.append(spec)
                } else {
                    config[section].specs.append(spec)
                }
            }
        }
        config.sortSections()
        return config
    }()

    private static func parseGVK(_ text: String) -> GVK {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map { $0 == "*" ? "" : String($0) }
        return GVK(group: parts[0], version: parts[1], kind: parts[2])
    }

    subscript(section: String) -> FieldSpecSet {
        get {
            switch section {
            case "namePrefix": namePrefix
            case "nameSuffix": nameSuffix
            case "namespace": namespace
            case "commonLabels": commonLabels
            case "labels": labels
            case "templateLabels": templateLabels
            case "commonAnnotations": commonAnnotations
            case "varReference": varReference
            case "images": images
            case "replicas": replicas
            default: FieldSpecSet()
            }
        }
        set {
            switch section {
            case "namePrefix": namePrefix = newValue
            case "nameSuffix": nameSuffix = newValue
            case "namespace": namespace = newValue
            case "commonLabels": commonLabels = newValue
            case "labels": labels = newValue
            case "templateLabels": templateLabels = newValue
            case "commonAnnotations": commonAnnotations = newValue
            case "varReference": varReference = newValue
            case "images": images = newValue
            case "replicas": replicas = newValue
            default: break
            }
        }
    }

    static let sections = [
        "namePrefix", "nameSuffix", "namespace", "commonLabels", "labels", "templateLabels", "commonAnnotations",
        "varReference", "images", "replicas",
    ]

    /// Adds every spec of `other` and sorts the result, as kustomize's TransformerConfig.Merge does.
    mutating func merge(_ other: TransformerConfig) throws(OverlayError) {
        for section in Self.sections {
            var merged = self[section]
            try merged.merge(other[section])
            merged.sort()
            self[section] = merged
        }
        for reference in other.nameReference {
            if let index = nameReference.firstIndex(where: { $0.gvk == reference.gvk }) {
                try nameReference[index].referrers.merge(reference.referrers)
            } else {
                nameReference.append(reference)
            }
        }
        nameReference = nameReference.enumerated().sorted { lhs, rhs in
            if lhs.element.gvk.isLess(than: rhs.element.gvk) { return true }
            if rhs.element.gvk.isLess(than: lhs.element.gvk) { return false }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// A config as kustomize reads one from YAML: each section sorted, nothing de-duplicated.
    mutating func sortSections() {
        for section in Self.sections {
            var sorted = self[section]
            sorted.sort()
            self[section] = sorted
        }
    }

    /// Reads a `configurations` file: the same sections as the defaults, in YAML.
    init(decoding value: JSONValue) throws(OverlayError) {
        var reader = try FieldReader(value, typeName: "builtinconfig.TransformerConfig")
        for section in Self.sections {
            var set = FieldSpecSet()
            for entry in try reader.objects(section) { set.specs.append(try FieldSpec(decoding: entry)) }
            self[section] = set
        }
        for entry in try reader.objects("nameReference") {
            var inner = try FieldReader(entry, typeName: "builtinconfig.NameBackReferences")
            let gvk = GVK(group: try inner.string("group"), version: try inner.string("version"), kind: try inner.string("kind"))
            var referrers = FieldSpecSet()
            for spec in try inner.objects("fieldSpecs") { referrers.specs.append(try FieldSpec(decoding: spec)) }
            nameReference.append(NameBackReference(gvk: gvk, referrers: referrers))
            try inner.finish()
        }
        try reader.finish()
    }

    init() {}
}

/// The fields that refer by name to objects of one kind.
struct NameBackReference: Sendable, Equatable {
    var gvk: GVK
    var referrers: FieldSpecSet
}
