import CapstanCore

extension HealthCheck {
    /// `.ready` when condition `type` is True, progressing with its reason otherwise, nil when absent.
    static func condition(_ object: JSONValue, _ type: String) -> Health? {
        guard let found = conditions(object).first(where: { $0["type"]?.stringValue == type }) else { return nil }
        if found["status"]?.stringValue == "True" { return .ready }
        let detail = found["message"]?.stringValue ?? found["reason"]?.stringValue ?? "status \(found["status"]?.stringValue ?? "Unknown")"
        return .progressing("condition \(type) is not True: \(detail)")
    }

    static func conditionMessage(_ object: JSONValue, _ type: String) -> String? {
        let found = conditions(object).first { $0["type"]?.stringValue == type }
        return found?["message"]?.stringValue ?? found?["reason"]?.stringValue
    }

    /// The failure message when condition `type` has reason `failingReason`.
    static func failedCondition(_ object: JSONValue, _ type: String, failingReason: String) -> String? {
        let found = conditions(object).first { $0["type"]?.stringValue == type }
        guard found?["reason"]?.stringValue == failingReason else { return nil }
        return found?["message"]?.stringValue ?? failingReason
    }

    static func conditions(_ object: JSONValue) -> [JSONValue] {
        object.value(at: ["status", "conditions"])?.arrayValue ?? []
    }

    static func int(_ object: JSONValue, _ path: String...) -> Int64 {
        object.value(at: path)?.intValue ?? 0
    }
}
