import Foundation

/// Which resources a patch, replacement or transformer targets: gvk, name and namespace as
/// anchored regular expressions, plus label and annotation selectors.
public struct Selector: Sendable, Equatable {
    public var gvk = GVK()
    public var name = ""
    public var namespace = ""
    public var labelSelector = ""
    public var annotationSelector = ""

    public init(gvk: GVK = GVK(), name: String = "", namespace: String = "", labelSelector: String = "", annotationSelector: String = "") {
        self.gvk = gvk
        self.name = name
        self.namespace = namespace
        self.labelSelector = labelSelector
        self.annotationSelector = annotationSelector
    }
}

/// A compiled selector.
struct SelectorMatcher {
    let selector: Selector
    let group, version, kind, name, namespace: NSRegularExpression?
    let labels: LabelSelector
    let annotations: LabelSelector

    init(_ selector: Selector) throws(OverlayError) {
        self.selector = selector
        group = try Self.compile(selector.gvk.group)
        version = try Self.compile(selector.gvk.version)
        kind = try Self.compile(selector.gvk.kind)
        name = try Self.compile(selector.name)
        namespace = try Self.compile(selector.namespace)
        labels = try LabelSelector(parsing: selector.labelSelector)
        annotations = try LabelSelector(parsing: selector.annotationSelector)
    }

    static func compile(_ pattern: String) throws(OverlayError) -> NSRegularExpression? {
        guard !pattern.isEmpty else { return nil }
        do {
            return try NSRegularExpression(pattern: "^(?:\(pattern))$")
        } catch {
            throw OverlayError("error parsing regexp: invalid pattern `\(pattern)`")
        }
    }

    static func matches(_ expression: NSRegularExpression?, _ text: String) -> Bool {
        guard let expression else { return true }
        return expression.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
    }

    func matches(_ resource: Resource) -> Bool {
        let current = resource.currentID
        let original = resource.originalID
        guard Self.matches(namespace, original.effectiveNamespace) || Self.matches(namespace, current.effectiveNamespace)
        else { return false }
        guard Self.matches(name, original.name) || Self.matches(name, current.name) else { return false }
        let gvk = resource.gvk
        guard Self.matches(group, gvk.group), Self.matches(version, gvk.version), Self.matches(kind, gvk.kind) else {
            return false
        }
        return labels.matches(resource.labels) && annotations.matches(resource.annotations)
    }
}

/// A Kubernetes label selector string (`a=b,c!=d,e in (x,y),!f,g`), as `kubectl -l` takes it.
struct LabelSelector {
    enum Requirement {
        case equals(String, String)
        case notEquals(String, String)
        case isIn(String, Set<String>)
        case notIn(String, Set<String>)
        case exists(String)
        case notExists(String)
    }

    var requirements: [Requirement] = []

    init(parsing text: String) throws(OverlayError) {
        var scanner = Substring(text)
        while true {
            scanner = scanner.drop(while: { $0 == " " })
            if scanner.isEmpty { break }
            requirements.append(try Self.parseRequirement(&scanner, whole: text))
            scanner = scanner.drop(while: { $0 == " " })
            if scanner.first == "," { scanner.removeFirst() } else if !scanner.isEmpty {
                throw OverlayError("unable to parse requirement: found '\(scanner)', expected: ','")
            }
        }
    }

    private static func parseRequirement(_ scanner: inout Substring, whole: String) throws(OverlayError) -> Requirement {
        if scanner.first == "!" {
            scanner.removeFirst()
            return .notExists(readKey(&scanner))
        }
        let key = readKey(&scanner)
        scanner = scanner.drop(while: { $0 == " " })
        if scanner.hasPrefix("!=") {
            scanner.removeFirst(2)
            return .notEquals(key, readValue(&scanner))
        }
        if scanner.hasPrefix("==") {
            scanner.removeFirst(2)
            return .equals(key, readValue(&scanner))
        }
        if scanner.hasPrefix("=") {
            scanner.removeFirst()
            return .equals(key, readValue(&scanner))
        }
        if scanner.hasPrefix("notin") || scanner.hasPrefix("in") {
            let negated = scanner.hasPrefix("notin")
            scanner.removeFirst(negated ? 5 : 2)
            scanner = scanner.drop(while: { $0 == " " })
            guard scanner.first == "(", let close = scanner.firstIndex(of: ")") else {
                throw OverlayError("unable to parse requirement: expected '(' in '\(whole)'")
            }
            let values = scanner[scanner.index(after: scanner.startIndex)..<close]
                .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            scanner = scanner[scanner.index(after: close)...]
            return negated ? .notIn(key, Set(values)) : .isIn(key, Set(values))
        }
        return .exists(key)
    }

    private static func readKey(_ scanner: inout Substring) -> String {
        let key = scanner.prefix(while: { !" =!,(".contains($0) })
        scanner = scanner.dropFirst(key.count)
        return String(key)
    }

    private static func readValue(_ scanner: inout Substring) -> String {
        scanner = scanner.drop(while: { $0 == " " })
        let value = scanner.prefix(while: { !" ,".contains($0) })
        scanner = scanner.dropFirst(value.count)
        return String(value)
    }

    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let key, let value): labels[key] == value
            case .notEquals(let key, let value): labels[key] != value
            case .isIn(let key, let values): labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): !(labels[key].map(values.contains) ?? false)
            case .exists(let key): labels[key] != nil
            case .notExists(let key): labels[key] == nil
            }
        }
    }
}
