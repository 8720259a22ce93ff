import Foundation
import Logging
import StageRuntime

/// Keeps every line a handler writes, for exact comparisons.
final class CapturingSink: LogSink, @unchecked Sendable {
    // @unchecked: `lines` is only touched under `lock`.
    private let lock = NSLock()
    private var lines: [String] = []

    func write(_ line: String) {
        lock.withLock { lines.append(line) }
    }

    var written: [String] { lock.withLock { lines } }

    /// A logger whose lines land here, with a pinned timestamp.
    func logger(stage: String = "fetcher", format: LogFormat = .logfmt, level: Logger.Level = .info) -> Logger {
        Logger(label: "test") { _ in
            StageLogHandler(stage: stage, format: format, level: level, sink: self, clock: { "2026-11-27T23:00:00.123Z" })
        }
    }
}
