/// Where a stage's formatted log lines go: standard output in a stage, memory in a test.
public protocol LogSink: Sendable {
    /// Writes one whole line (it ends in a newline); lines from different threads never interleave.
    func write(_ line: String)
}
