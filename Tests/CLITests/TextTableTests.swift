import CLI
import Testing

@Suite struct TextTableTests {
    @Test func alignsColumnsUnderHeadersAndTrimsTrailingSpace() {
        var table = TextTable(headers: ["APP", "PHASE", "ERROR"])
        table.append(["web", "Ready", ""])
        table.append(["database", "Failed", "boom"])
        #expect(table.render(for: .plain) == [
            "APP        PHASE    ERROR",
            "web        Ready",
            "database   Failed   boom",
        ])
    }

    @Test func cutsOnlyTheFlexibleColumnToTheTerminalWidth() {
        var table = TextTable(headers: ["APP", "LAST ERROR", "AGE"], flexibleColumn: 1)
        table.append(["web", TextTable.Cell(String(repeating: "x", count: 100)), "3m ago"])
        let lines = table.render(for: Terminal(isTTY: true, width: 40, colour: false))
        #expect(lines.allSatisfy { $0.count <= 40 })
        #expect(lines[1].hasPrefix("web   xxxx"))
        #expect(lines[1].hasSuffix("…   3m ago"))
    }

    @Test func colourIsAppliedAfterPaddingSoColumnsStayAligned() {
        var table = TextTable(headers: ["PHASE", "AGE"])
        table.append([TextTable.Cell("Ready", paint: .green), "1s ago"])
        let lines = table.render(for: Terminal(isTTY: true, width: nil, colour: true))
        #expect(lines[1] == "\u{1B}[32mReady\u{1B}[0m   1s ago")
        #expect(lines[0] == "\u{1B}[1mPHASE\u{1B}[0m   \u{1B}[1mAGE\u{1B}[0m")
    }

    @Test func truncateFlattensLinesAndEndsWithAnEllipsis() {
        #expect(TextTable.truncate("one\ntwo", to: 20) == "one two")
        #expect(TextTable.truncate("abcdefgh", to: 5) == "abcd…")
        #expect(TextTable.truncate("abc", to: 3) == "abc")
    }

    @Test func colourOnlyOnATerminalAndNeverWithNoColor() {
        #expect(Terminal.resolve(tty: true, environment: ["TERM": "xterm"]).colour)
        #expect(!Terminal.resolve(tty: false, environment: ["TERM": "xterm"]).colour)
        #expect(!Terminal.resolve(tty: true, environment: ["NO_COLOR": "1"]).colour)
        #expect(Terminal.resolve(tty: true, environment: ["NO_COLOR": ""]).colour, "an empty NO_COLOR does not count")
        #expect(!Terminal.resolve(tty: true, environment: ["TERM": "dumb"]).colour)
        #expect(Terminal.resolve(tty: false, environment: ["COLUMNS": "120"]).width == 120)
        #expect(Terminal.resolve(tty: false, environment: [:]).width == nil)
        #expect(Paint.red.apply("x", enabled: false) == "x")
    }
}
