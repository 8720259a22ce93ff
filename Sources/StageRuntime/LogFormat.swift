/// How a stage writes its log lines: logfmt for people and grep, JSON for log pipelines.
public enum LogFormat: String, CaseIterable, Sendable {
    case logfmt
    case json
}
