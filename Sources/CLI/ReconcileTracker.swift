import CapstanCore

/// Decides, from the app's status entries as they arrive, when a reconcile the CLI asked for is
/// over: the applier Ready or Failed at the target revision, the renderer Failed at it, or the
/// app suspended. An entry identical to the one before the trigger says nothing new unless
/// `graceOver` (a reconcile that changed nothing may publish no new status at all).
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
    /// Each stage's latest phase and revision, for the progress line.
    var latest: [String: (phase: String, revision: String?)] = [:]

    public init(target: String?, baseline: [String: JSONValue]) {
        self.target = target
        self.baseline = baseline
        for (stage, entry) in baseline { latest[stage] = (entry["phase"]?.stringValue ?? "Unknown", entry["revision"]?.stringValue) }
    }

    /// Takes `entry` (the app's STATUS entry or `status.<app>` event fields) from `stage`.
    public mutating func observe(stage: String, entry: JSONValue, graceOver: Bool = false) -> Verdict {
        if entry != baseline[stage] { moved.insert(stage) }
        let phase = entry["phase"]?.stringValue ?? "Unknown"
        let revision = entry["revision"]?.stringValue
        latest[stage] = (phase, revision)
        if stage == "applier", phase == "Suspended" {
            return .failed("suspended: nothing is applied until `capstan resume`")
        }
        guard moved.contains(stage) || graceOver, target == nil || revision == target else { return .waiting(progress) }
        let at = ShortNames.revision(revision)
        let error = entry["error"]?.stringValue ?? "no error given"
        switch (stage, phase) {
        case ("renderer", "Failed"): return .failed("render failed at \(at): \(error)")
        case ("applier", "Ready"): return .ready("Ready at \(at)\(entry["objects"]?.intValue.map { ", \($0) objects" } ?? "")")
        case ("applier", "Failed"): return .failed("Failed at \(at): \(error)")
        default: return .waiting(progress + (entry["error"]?.stringValue.map { " (\($0))" } ?? ""))
        }
    }

    /// `applier Progressing at main@1a2b3c4, renderer Rendering at main@5d6e7f8, waiting for main@5d6e7f8`:
    /// the applier always, the renderer only while it has something to say.
    var progress: String {
        var parts: [String] = []
        for stage in ["applier", "renderer"] {
            guard let view = latest[stage], stage == "applier" || view.phase != "Ready" else { continue }
            parts.append("\(stage) \(view.phase) at \(ShortNames.revision(view.revision))")
        }
        if let target, latest["applier"]?.revision != target { parts.append("waiting for \(ShortNames.revision(target))") }
        return parts.isEmpty ? "waiting" : parts.joined(separator: ", ")
    }
}
