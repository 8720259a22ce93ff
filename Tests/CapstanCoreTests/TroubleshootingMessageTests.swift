import Foundation
import Testing

/// docs/troubleshooting.md quotes messages the code prints: each table row's message, and each
/// `; `-separated part of it, matches a string literal of Sources/ (interpolations match
/// anything), so a reworded message cannot leave the page behind.
@Suite struct TroubleshootingMessageTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Every string literal in Sources/ as a pattern: its text, with `.*` for each interpolation,
    /// kept when it holds at least 16 characters of text.
    static let patterns: [NSRegularExpression] = {
        let base = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
        var result: [NSRegularExpression] = []
        for file in files where file.hasSuffix(".swift") {
            let text = Array(((try? String(contentsOf: base.appendingPathComponent(file), encoding: .utf8)) ?? "").utf8)
            var scanner = LiteralScanner(bytes: text)
            for (pattern, count) in scanner.literals() where count >= 12 {
                // The whole literal, and each "; "-separated part of it (the docs quote them separately).
                let parts = pattern.components(separatedBy: "; ")
                for part in (count >= 16 ? [pattern] : []) + (parts.count > 1 ? parts : [])
                where part.replacingOccurrences(of: ".*", with: "").count >= 12 {
                    if let regex = try? NSRegularExpression(pattern: part) { result.append(regex) }
                }
            }
        }
        return result
    }()

    /// Messages that come from outside Capstan's code (libzmq, libyaml, the API server, the git host).
    static let external = [
        "No such device", "is forbidden: User", "field is immutable", "202 Accepted", "200 OK",
        "mapping values are not allowed", "No such file or directory",
    ]

    /// The first cell of every table row, with its code spans.
    static var rows: [(line: Int, spans: [String])] {
        let text = (try? String(contentsOf: root.appendingPathComponent("docs/troubleshooting.md"), encoding: .utf8)) ?? ""
        var result: [(Int, [String])] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.hasPrefix("| `") {
            let cell = line.dropFirst(2).prefix { $0 != "|" }
            let spans = cell.split(separator: "`", omittingEmptySubsequences: false).enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            result.append((index + 1, spans))
        }
        return result
    }

    /// Every Swift source's text with backslashes dropped, so `\"\(name)\"` reads `"(name)"`.
    static let sourceText: String = {
        let base = root.appendingPathComponent("Sources")
        let files = FileManager.default.enumerator(atPath: base.path)?.compactMap { $0 as? String } ?? []
        return files.filter { $0.hasSuffix(".swift") }
            .map { (try? String(contentsOf: base.appendingPathComponent($0), encoding: .utf8)) ?? "" }
            .joined(separator: "\n").replacingOccurrences(of: "\\", with: "")
    }()

    /// A quoted message as a pattern: placeholders (`<name>`) and `…` match anything on one line.
    static func pattern(of span: String) -> (NSRegularExpression?, Int) {
        var pattern = "", text = "", count = 0, placeholder = false
        for character in span {
            switch character {
            case "<": placeholder = true; pattern += NSRegularExpression.escapedPattern(for: text) + "[^\n]*"; text = ""
            case ">" where placeholder: placeholder = false
            case "…": pattern += NSRegularExpression.escapedPattern(for: text) + "[^\n]*"; text = ""
            default: if !placeholder { text.append(character); count += 1 }
            }
        }
        return (try? NSRegularExpression(pattern: pattern + NSRegularExpression.escapedPattern(for: text)), count)
    }

    /// A string literal of the code matches the message, or the message (truncated, with
    /// placeholders) matches the code's text.
    static func matches(_ span: String) -> Bool {
        // Errors print as "<location>: <reason>", the reason being one literal of its own.
        if span.hasPrefix("<"), let colon = span.range(of: ">: "), !span[colon.upperBound...].contains("<"),
            sourceText.contains("\"\(span[colon.upperBound...])\"")
        {
            return true
        }
        let range = NSRange(span.startIndex..., in: span)
        if patterns.contains(where: { $0.firstMatch(in: span, range: range) != nil }) { return true }
        let (reverse, count) = pattern(of: span)
        guard let reverse, count >= 12 else { return false }
        return reverse.firstMatch(in: sourceText, range: NSRange(sourceText.startIndex..., in: sourceText)) != nil
    }

    @Test func everyQuotedMessageOccursInTheCode() {
        #expect(Self.patterns.count > 500)
        var checked = 0
        for row in Self.rows where !row.spans.contains(where: { span in Self.external.contains { span.contains($0) } }) {
            guard row.spans.contains(where: { $0.count >= 16 }) else { continue }
            checked += 1
            #expect(row.spans.contains(where: Self.matches), "docs/troubleshooting.md:\(row.line): no string in Sources/ matches \(row.spans)")
            // Each part of a message (parts are joined by "; ") that the code writes in one piece must be there as written.
            for span in row.spans where span.contains("; ") {
                for part in span.components(separatedBy: "; ") where Self.pattern(of: part).1 >= 12 {
                    #expect(Self.matches(part), "docs/troubleshooting.md:\(row.line): \"\(part)\" matches no string in Sources/")
                }
            }
        }
        #expect(checked >= 60)
    }
}

/// Finds Swift string literals in source text, skipping comments and multi-line literals.
struct LiteralScanner {
    let bytes: [UInt8]
    var index = 0

    init(bytes: [UInt8]) { self.bytes = bytes }

    func at(_ offset: Int) -> UInt8? { index + offset < bytes.count ? bytes[index + offset] : nil }

    /// Each literal's pattern and the number of text characters in it.
    mutating func literals() -> [(String, Int)] {
        var result: [(String, Int)] = []
        while index < bytes.count {
            switch (bytes[index], at(1), at(2)) {
            case (0x2F, 0x2F, _): skip(past: [0x0A])
            case (0x2F, 0x2A, _): index += 2; skip(past: [0x2A, 0x2F])
            case (0x22, 0x22, 0x22): index += 3; skip(past: [0x22, 0x22, 0x22])
            case (0x22, _, _): index += 1; result.append(literal())
            default: index += 1
            }
        }
        return result
    }

    mutating func skip(past end: [UInt8]) {
        while index < bytes.count, Array(bytes[index..<min(index + end.count, bytes.count)]) != end { index += 1 }
        index += end.count
    }

    /// The literal starting after its opening quote; leaves `index` after the closing quote.
    mutating func literal() -> (String, Int) {
        var pattern = "", text: [UInt8] = [], count = 0
        func flush() {
            pattern += NSRegularExpression.escapedPattern(for: String(decoding: text, as: UTF8.self))
            text.removeAll()
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x22 || byte == 0x0A { index += 1; break }
            if byte == 0x5C, at(1) == 0x28 {
                index += 2
                interpolation()
                flush()
                if !pattern.hasSuffix(".*") { pattern += ".*" }
                continue
            }
            if byte == 0x5C, let next = at(1) {
                text.append(next == 0x6E || next == 0x74 ? 0x20 : next)
                count += 1
                index += 2
                continue
            }
            text.append(byte)
            if byte & 0xC0 != 0x80 { count += 1 }
            index += 1
        }
        flush()
        return (pattern, count)
    }

    /// Skips an interpolation's expression up to its closing parenthesis, nested literals included.
    mutating func interpolation() {
        var depth = 1
        while index < bytes.count, depth > 0 {
            switch bytes[index] {
            case 0x28: depth += 1; index += 1
            case 0x29: depth -= 1; index += 1
            case 0x22: index += 1; _ = literal()
            default: index += 1
            }
        }
    }
}
