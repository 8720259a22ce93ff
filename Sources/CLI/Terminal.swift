import Foundation

/// Where the output goes: whether it is a terminal, how wide it is, and whether colour is wanted,
/// decided once so every formatter agrees (colour only on a TTY and never with NO_COLOR).
public struct Terminal: Sendable, Equatable {
    public var isTTY: Bool
    /// Columns available; nil means no limit (a pipe or a file).
    public var width: Int?
    public var colour: Bool

    public init(isTTY: Bool, width: Int?, colour: Bool) {
        self.isTTY = isTTY
        self.width = width
        self.colour = colour
    }

    /// Plain output without a width limit: what pipes and tests get.
    public static let plain = Terminal(isTTY: false, width: nil, colour: false)

    /// Standard output's terminal, read from the file descriptor and the environment.
    public static func standardOutput(environment: [String: String] = ProcessInfo.processInfo.environment) -> Terminal {
        resolve(tty: isatty(STDOUT_FILENO) == 1, environment: environment)
    }

    /// The terminal a descriptor that is (or is not) a TTY gets under `environment`.
    public static func resolve(tty: Bool, environment: [String: String]) -> Terminal {
        // NO_COLOR (no-color.org): present and not empty turns colour off.
        let noColour = !(environment["NO_COLOR"] ?? "").isEmpty || environment["TERM"] == "dumb"
        return Terminal(isTTY: tty, width: width(tty: tty, environment: environment), colour: tty && !noColour)
    }

    /// `COLUMNS` when set, else the terminal's own size; nil for a pipe.
    static func width(tty: Bool, environment: [String: String]) -> Int? {
        if let columns = environment["COLUMNS"].flatMap(Int.init), columns > 0 { return columns }
        guard tty else { return nil }
        var size = winsize()
        guard ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return 80 }
        return Int(size.ws_col)
    }
}
