import Foundation

/// Phase timings of a reconcile on standard error when `CAPSTAN_APPLIER_TIMING` is set: how the
/// one-shot apply is profiled (`timing <phase> <ms> ms, at <ms since first mark> ms`).
public enum PhaseTimer {
    public static let enabled = ProcessInfo.processInfo.environment["CAPSTAN_APPLIER_TIMING"] != nil
    static let origin = ContinuousClock.now

    /// Logs `phase` as having taken the time since `start`.
    public static func mark(_ phase: String, since start: ContinuousClock.Instant) {
        guard enabled else { return }
        let now = ContinuousClock.now
        let line = "timing \(phase) \(milliseconds(start.duration(to: now))) ms, at \(milliseconds(origin.duration(to: now))) ms\n"
        FileHandle.standardError.write(Data(line.utf8))
    }

    static func milliseconds(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        return String(format: "%.1f", Double(seconds) * 1000 + Double(attoseconds) / 1e15)
    }
}
