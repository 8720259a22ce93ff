import CapstanCore

/// Copies a value from one resource's field into fields of others (`replacements`), with the
/// delimiter/index options and `create` as kustomize defines them.
struct ReplacementTransformer {
    struct Options: Equatable {
        var delimiter = ""
        var index = 0
        var create = false
    }

    struct Target {
        var select: Selector
        var reject: [Selector]
        var fieldPaths: [String]
        var options: Options
    }

    struct Replacement {
        var source: Selector
        var sourcePath: String
        var sourceOptions: Options
        var targets: [Target]
    }

    var replacements: [Replacement] = []

    init(loading entries: [JSONValue], loader: DirectoryLoader) throws(OverlayError) {
        for entry in entries {
            if let path = entry["path"]?.stringValue {
                for document in try DirectoryLoader.documents(from: loader.load(path), file: path) {
                    for item in document.arrayValue ?? [document] { replacements.append(try Self.decode(item)) }
                }
            } else {
                replacements.append(try Self.decode(entry))
            }
        }
    }

    private static func decode(_ value: JSONValue) throws(OverlayError) -> Replacement {
        var reader = try FieldReader(value, typeName: "types.Replacement")
        guard let sourceValue = reader.raw("source"), let targetValues = reader.raw("targets")?.arrayValue else {
            throw OverlayError("replacements must specify a source and at least one target")
        }
        var source = try FieldReader(sourceValue, typeName: "types.SourceSelector")
        let selector = try selector(from: &source)
        let sourcePath = try source.string("fieldPath")
        let sourceOptions = try options(source.raw("options"))
        try source.finish()
        var targets: [Target] = []
        for targetValue in targetValues {
            var target = try FieldReader(targetValue, typeName: "types.TargetSelector")
            guard let select = target.raw("select") else { throw OverlayError("target must specify resources to select") }
            var selectReader = try FieldReader(select, typeName: "types.Selector")
            let selected = try Self.selector(from: &selectReader)
            try selectReader.finish()
            var rejected: [Selector] = []
            for reject in try target.objects("reject") {
                var rejectReader = try FieldReader(reject, typeName: "types.Selector")
                rejected.append(try Self.selector(from: &rejectReader))
                try rejectReader.finish()
            }
            var paths = try target.strings("fieldPaths")
            if paths.isEmpty { paths = ["metadata.name"] }
            targets.append(Target(select: selected, reject: rejected, fieldPaths: paths, options: try options(target.raw("options"))))
            try target.finish()
        }
        _ = reader.raw("path")
        try reader.finish()
        return Replacement(source: selector, sourcePath: sourcePath.isEmpty ? "metadata.name" : sourcePath, sourceOptions: sourceOptions, targets: targets)
    }

    private static func selector(from reader: inout FieldReader) throws(OverlayError) -> Selector {
        Selector(
            gvk: GVK(group: try reader.string("group"), version: try reader.string("version"), kind: try reader.string("kind")),
            name: try reader.string("name"), namespace: try reader.string("namespace"),
            labelSelector: try reader.string("labelSelector"), annotationSelector: try reader.string("annotationSelector"))
    }

    private static func options(_ value: JSONValue?) throws(OverlayError) -> Options {
        var reader = try FieldReader(value, typeName: "types.FieldOptions")
        let result = Options(
            delimiter: try reader.string("delimiter"), index: Int(try reader.int("index") ?? 0), create: try reader.bool("create"))
        _ = reader.raw("encoding")
        try reader.finish()
        return result
    }

    func transform(_ resources: inout ResourceList) throws(OverlayError) {
        for replacement in replacements {
            let value = try sourceValue(replacement, in: resources)
            for target in replacement.targets {
                try apply(value, to: target, in: &resources)
            }
        }
    }

    private static func selects(_ selector: Selector, _ id: ResourceID) -> Bool {
        (selector.name.isEmpty || selector.name == id.name)
            && (selector.namespace.isEmpty || (selector.namespace == id.namespace || ResourceID(gvk: id.gvk, name: id.name, namespace: selector.namespace).effectiveNamespace == id.effectiveNamespace))
            && id.gvk.isSelected(by: selector.gvk)
    }

    private func sourceValue(_ replacement: Replacement, in resources: ResourceList) throws(OverlayError) -> JSONValue {
        let matches = resources.resources.filter { resource in resource.allIDs.contains { Self.selects(replacement.source, $0) } }
        guard let source = matches.first else { throw OverlayError("nothing selected by \(replacement.source.describe)") }
        if matches.count > 1 { throw OverlayError("multiple matches for selector \(replacement.source.describe)") }
        guard let value = FieldPath(replacement.sourcePath).value(in: source.object), value != .null else {
            throw OverlayError("fieldPath `\(replacement.sourcePath)` is missing for replacement source \(source.currentID)")
        }
        let options = replacement.sourceOptions
        guard !options.delimiter.isEmpty else { return value }
        let parts = value.scalarText.components(separatedBy: options.delimiter)
        guard parts.indices.contains(options.index) else {
            throw OverlayError("options.index \(options.index) is out of bounds for value \(value.scalarText)")
        }
        return .string(parts[options.index])
    }

    private func apply(_ value: JSONValue, to target: Target, in resources: inout ResourceList) throws(OverlayError) {
        let labels = try LabelSelector(parsing: target.select.labelSelector)
        let annotations = try LabelSelector(parsing: target.select.annotationSelector)
        for index in resources.resources.indices {
            let resource = resources[index]
            guard labels.matches(resource.labels), annotations.matches(resource.annotations) else { continue }
            var rejectedByMetadata = false
            for reject in target.reject where !reject.labelSelector.isEmpty || !reject.annotationSelector.isEmpty {
                if try LabelSelector(parsing: reject.labelSelector).matches(resource.labels),
                    try LabelSelector(parsing: reject.annotationSelector).matches(resource.annotations)
                {
                    rejectedByMetadata = true
                }
            }
            if rejectedByMetadata { continue }
            let ids = resource.allIDs
            guard ids.contains(where: { Self.selects(target.select, $0) }) else { continue }
            let rejectedByID = target.reject.contains { reject in
                reject.gvk != GVK() || !reject.name.isEmpty || !reject.namespace.isEmpty
                    ? ids.contains(where: { Self.selects(reject, $0) }) : false
            }
            if rejectedByID { continue }
            var object = resource.object
            for path in target.fieldPaths {
                var touched = false
                try FieldPath(path).update(&object, create: target.options.create) { (field: inout JSONValue) throws(OverlayError) in
                    touched = true
                    field = try Self.combine(value, into: field, options: target.options)
                }
                if !touched {
                    let verb = target.options.create ? "find or create" : "find"
                    throw OverlayError("unable to \(verb) field \"\(path)\" in replacement target")
                }
            }
            resources[index].object = object
        }
    }

    private static func combine(_ value: JSONValue, into field: JSONValue, options: Options) throws(OverlayError) -> JSONValue {
        var value = value
        if !options.delimiter.isEmpty {
            guard field.isScalar || field == .null else { throw OverlayError("delimiter option can only be used with scalar nodes") }
            var parts = field.scalarText.components(separatedBy: options.delimiter)
            if options.index < 0 {
                parts.insert(value.scalarText, at: 0)
            } else if options.index >= parts.count {
                parts.append(value.scalarText)
            } else {
                parts[options.index] = value.scalarText
            }
            value = .string(parts.joined(separator: options.delimiter))
        }
        // A scalar target keeps its own type; only its text changes, as kyaml sets node values.
        guard field.isScalar, value.isScalar else { return value }
        switch field {
        case .string: return .string(value.scalarText)
        default: return JSONValue.scalar(fromYAMLText: value.scalarText, fallback: value)
        }
    }
}

extension JSONValue {
    var isScalar: Bool {
        switch self {
        case .string, .int, .double, .bool: true
        default: false
        }
    }

    /// A non-string scalar read back from its text, or `fallback` when the text is not one.
    static func scalar(fromYAMLText text: String, fallback: JSONValue) -> JSONValue {
        if let number = Int64(text) { return .int(number) }
        if let number = Double(text) { return .double(number) }
        if text == "true" || text == "false" { return .bool(text == "true") }
        return fallback.isScalar ? .string(text) : fallback
    }
}

extension Selector {
    /// kustomize's printed form of a source selector.
    var describe: String {
        "\(gvk)/\(name.isEmpty ? "" : name).\(namespace.isEmpty ? "[noNs]" : namespace)"
    }
}
