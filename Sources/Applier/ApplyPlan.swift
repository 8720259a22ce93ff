import CapstanCore

/// The order of an apply: CRDs and Namespaces first, then waves by `capstan.dev/wave`, bundle order inside a wave.
public struct ApplyPlan: Sendable, Equatable {
    /// One step of the plan; its objects are applied concurrently, the next step starts once it is done.
    public struct Phase: Sendable, Equatable {
        public var name: String
        public var objects: [JSONValue]
    }

    public var phases: [Phase]

    /// Orders a validated bundle; objects keep their bundle order within a phase.
    public init(_ objects: [JSONValue]) {
        let foundations = objects.filter(Self.isFoundation)
        let rest = objects.filter { !Self.isFoundation($0) }
        var waves: [Int: [JSONValue]] = [:]
        for object in rest { waves[Self.wave(of: object), default: []].append(object) }
        var phases: [Phase] = []
        if !foundations.isEmpty { phases.append(Phase(name: "crds-and-namespaces", objects: foundations)) }
        for wave in waves.keys.sorted() { phases.append(Phase(name: "wave \(wave)", objects: waves[wave]!)) }
        self.phases = phases
    }

    /// The object's wave: its `capstan.dev/wave` annotation, 0 when absent.
    public static func wave(of object: JSONValue) -> Int {
        object.value(at: ["metadata", "annotations", AnnotationKeys.wave]).flatMap(wave(from:)) ?? 0
    }

    /// An annotation value as a wave number, or nil when it is no integer.
    static func wave(from value: JSONValue) -> Int? {
        switch value {
        case .int(let number): return Int(number)
        case .string(let text): return Int(text)
        default: return nil
        }
    }

    static func isFoundation(_ object: JSONValue) -> Bool { isCRD(object) || isNamespace(object) }

    static func isCRD(_ object: JSONValue) -> Bool {
        object["kind"]?.stringValue == "CustomResourceDefinition"
            && object["apiVersion"]?.stringValue?.hasPrefix("apiextensions.k8s.io/") == true
    }

    static func isNamespace(_ object: JSONValue) -> Bool {
        object["kind"]?.stringValue == "Namespace" && object["apiVersion"]?.stringValue == "v1"
    }
}
