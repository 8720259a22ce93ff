import CLI
import Foundation
import Testing
import ZeroMQ

@Suite struct ProgressLineTests {
    @Test func plainOutputPrintsALineOnlyWhenTheStateChanges() {
        let written = Locked<[String]>([])
        let progress = ProgressLine(terminal: .plain) { text in written.withLock { $0.append(text) } }
        progress.update("fetching site")
        progress.update("fetching site")
        progress.tick()
        progress.update("web: applier Progressing at main@bbbbbbb")
        progress.finish("web: Ready at main@bbbbbbb")
        #expect(written.withLock { $0 } == ["0s fetching site\n", "0s web: applier Progressing at main@bbbbbbb\n", "web: Ready at main@bbbbbbb\n"])
    }

    @Test func aTerminalGetsOneLineRedrawnInPlaceWithASpinner() {
        let written = Locked<[String]>([])
        let progress = ProgressLine(terminal: Terminal(isTTY: true, width: 80, colour: true)) { text in written.withLock { $0.append(text) } }
        progress.update("fetching site")
        progress.tick()
        progress.finish("web: Ready")
        let output = written.withLock { $0 }
        #expect(output[0] == "\r\u{1B}[K⠋ fetching site (0s)")
        #expect(output[1] == "\r\u{1B}[K⠙ fetching site (0s)")
        #expect(output.suffix(2) == ["\r\u{1B}[K", "web: Ready\n"])
    }
}
