import CapstanCore

/// Decides, from the app's status entries as they arrive, when a reconcile the CLI asked for is
/// over: the applier Ready or Failed at the target revision, or the renderer Failed at it.
/// An entry identical to the one before the trigger says nothing new unless `graceOver`
/// (a reconcile that changed nothing may publish no new status at all).
public struct ReconcileTracker: Sendable {
    /// How a reconcile stands.
    public enum Verdict: Sendable, Equatable {
        case waiting(String)
        case ready(String)
        case failed(String)

        public var isFinal: Bool {
            if case .waiting = self { false } else { true }
        }
    }

    /// The newest revision of the app's source; nil accepts any.
    public var target: String?
    /// Each stage's entry before the trigger.
    public var baseline: [String: JSONValue]
    /// Stages whose entry changed since the trigger.
    var moved: Set<String> = []

    public init(target: String?, baseline: [String: JSONValue]) {
        self.target = target
        self.baseline = baseline
    }

    /// Takes `entry` (the app's STATUS entry or `status.<app>` event fields) from `stage`.
    public mutating func observe(stage: String, entry: JSONValue, graceOver: Bool = false) -> Verdict {
        if entry != baseline[stage] { moved.insert(stage) }
        let phase = entry["phase"]?.stringValue ?? "Unknown"
        let revision = entry["revision"]?.stringValue
        let at = ShortNames.revision(revision)
        let current = target == nil || revision == target
        guard moved.contains(stage) || graceOver, current else {
            return .waiting("\(stage): \(phase) at \(at)\(current ? "" : ", waiting for \(ShortNames.revision(target))")")
        }
        let error = entry["error"]?.stringValue ?? "no error given"
        switch (stage, phase) {
        case ("renderer", "Failed"): return .failed("render failed at \(at): \(error)")
        case ("applier", "Ready"): return .ready("Ready at \(at)\(entry["objects"]?.intValue.map { ", \($0) objects" } ?? "")")
        case ("applier", "Failed"): return .failed("Failed at \(at): \(error)")
        case ("applier", "Suspended"): return .failed("suspended: nothing is applied until `capstan resume`")
        default:
            let detail = entry["error"]?.stringValue.map { " (\($0))" } ?? ""
            return .waiting("\(stage): \(phase) at \(at)\(detail)")
        }
    }
}
