import Foundation

/// What `reconcile` shows while it waits: on a terminal, one line redrawn in place with a
/// spinner and the time waited; elsewhere, a plain line each time the state changes.
public final class ProgressLine: @unchecked Sendable {
    // @unchecked: every mutable property is only touched with `lock` held.
    private let lock = NSLock()
    private let terminal: Terminal
    private let started = Date()
    private let frames = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"]
    private var text = ""
    private var frame = 0
    private let write: @Sendable (String) -> Void

    public init(terminal: Terminal, write: @escaping @Sendable (String) -> Void = { FileHandle.standardOutput.write(Data($0.utf8)) }) {
        self.terminal = terminal
        self.write = write
    }

    /// Whether `tick()` draws anything (a terminal), so callers need not tick a pipe.
    public var animates: Bool { terminal.isTTY }

    /// Shows `text` as the current state.
    public func update(_ text: String) {
        lock.withLock {
            guard text != self.text else { return }
            self.text = text
            if terminal.isTTY { draw() } else { write("\(AgeFormatter.span(Date().timeIntervalSince(started))) \(text)\n") }
        }
    }

    /// Advances the spinner (terminals only).
    public func tick() {
        lock.withLock {
            guard terminal.isTTY else { return }
            frame += 1
            draw()
        }
    }

    /// Replaces the spinner line with the final word.
    public func finish(_ text: String) {
        lock.withLock {
            if terminal.isTTY { write("\r\u{1B}[K") }
            write(text + "\n")
        }
    }

    private func draw() {
        let waited = AgeFormatter.span(Date().timeIntervalSince(started))
        let line = TextTable.truncate("\(frames[frame % frames.count]) \(text) (\(waited))", to: max((terminal.width ?? 80) - 1, 10))
        write("\r\u{1B}[K" + line)
    }
}
