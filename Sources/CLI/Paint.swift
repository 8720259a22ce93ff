/// The few colours the CLI uses, as ANSI SGR codes; applied after alignment so escape codes
/// never count as width.
public enum Paint: String, Sendable {
    case none = ""
    case green = "32"
    case red = "31"
    case yellow = "33"
    case blue = "34"
    case dim = "2"
    case bold = "1"

    /// `text` wrapped in this colour when `enabled`.
    public func apply(_ text: String, enabled: Bool) -> String {
        guard enabled, self != .none, !text.isEmpty else { return text }
        return "\u{1B}[\(rawValue)m\(text)\u{1B}[0m"
    }

    /// The colour of an app or source phase.
    public static func phase(_ phase: String) -> Paint {
        switch phase {
        case "Ready", "true": .green
        case "Failed", "false", "Unreachable": .red
        case "Progressing", "Rendering", "Pending": .yellow
        case "Suspended": .blue
        default: .dim
        }
    }
}
