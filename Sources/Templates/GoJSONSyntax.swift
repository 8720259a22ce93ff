/// encoding/json's syntax checker, so decode errors read exactly as Go's (`invalid character 'x' …`).
struct GoJSONSyntax {
    let b: [UInt8]
    var i = 0

    static func check(_ text: String) -> String? {
        var s = GoJSONSyntax(b: Array(text.utf8))
        return s.run()
    }

    static func quoteChar(_ c: UInt8) -> String {
        if c == UInt8(ascii: "'") { return "'\\''" }
        if c == UInt8(ascii: "\"") { return "'\"'" }
        let q = GoQuote.quote(bytes: [c])
        return "'" + q.dropFirst().dropLast() + "'"
    }

    struct Failure: Error { let message: String }

    func bad(_ context: String) -> Failure {
        guard i < b.count else { return Failure(message: "unexpected end of JSON input") }
        return Failure(message: "invalid character \(GoJSONSyntax.quoteChar(b[i])) \(context)")
    }

    mutating func space() {
        while i < b.count, b[i] == 0x20 || b[i] == 0x09 || b[i] == 0x0A || b[i] == 0x0D { i += 1 }
    }

    mutating func run() -> String? {
        do {
            space()
            try value()
            space()
            if i < b.count { throw bad("after top-level value") }
            return nil
        } catch {
            return (error as? Failure)?.message ?? "invalid JSON"
        }
    }

    mutating func value() throws {
        guard i < b.count else { throw bad("") }
        switch b[i] {
        case UInt8(ascii: "{"):
            i += 1
            space()
            if i < b.count && b[i] == UInt8(ascii: "}") { i += 1; return }
            while true {
                space()
                guard i < b.count, b[i] == UInt8(ascii: "\"") else { throw bad("looking for beginning of object key string") }
                try string()
                space()
                guard i < b.count, b[i] == UInt8(ascii: ":") else { throw bad("after object key") }
                i += 1
                space()
                try value()
                space()
                guard i < b.count else { throw bad("") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "}") { i += 1; return }
                throw bad("after object key:value pair")
            }
        case UInt8(ascii: "["):
            i += 1
            space()
            if i < b.count && b[i] == UInt8(ascii: "]") { i += 1; return }
            while true {
                space()
                try value()
                space()
                guard i < b.count else { throw bad("") }
                if b[i] == UInt8(ascii: ",") { i += 1; continue }
                if b[i] == UInt8(ascii: "]") { i += 1; return }
                throw bad("after array element")
            }
        case UInt8(ascii: "\""): try string()
        case UInt8(ascii: "t"): try literal("true")
        case UInt8(ascii: "f"): try literal("false")
        case UInt8(ascii: "n"): try literal("null")
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try number()
        default: throw bad("looking for beginning of value")
        }
    }

    mutating func literal(_ word: String) throws {
        let w = Array(word.utf8)
        for k in 0..<w.count {
            guard i < b.count else { throw bad("") }
            if b[i] != w[k] { throw bad("in literal \(word) (expecting \(GoJSONSyntax.quoteChar(w[k])))") }
            i += 1
        }
    }

    mutating func string() throws {
        i += 1
        while i < b.count {
            let c = b[i]
            if c == UInt8(ascii: "\"") { i += 1; return }
            if c < 0x20 { throw bad("in string literal") }
            if c == UInt8(ascii: "\\") {
                i += 1
                guard i < b.count else { throw bad("") }
                switch b[i] {
                case UInt8(ascii: "u"):
                    for _ in 0..<4 {
                        i += 1
                        guard i < b.count else { throw bad("") }
                        if GoStrconv.hexDigit(b[i]) == nil { throw bad("in \\u hexadecimal character escape") }
                    }
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
                    UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
                    break
                default: throw bad("in string escape code")
                }
            }
            i += 1
        }
        throw bad("")
    }

    mutating func digits() { while i < b.count, b[i] >= 0x30, b[i] <= 0x39 { i += 1 } }

    mutating func number() throws {
        if b[i] == UInt8(ascii: "-") {
            i += 1
            guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { throw bad("in numeric literal") }
        }
        if b[i] == UInt8(ascii: "0") { i += 1 } else { digits() }
        if i < b.count, b[i] == UInt8(ascii: ".") {
            i += 1
            guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { throw bad("after decimal point in numeric literal") }
            digits()
        }
        if i < b.count, b[i] == UInt8(ascii: "e") || b[i] == UInt8(ascii: "E") {
            i += 1
            if i < b.count, b[i] == UInt8(ascii: "+") || b[i] == UInt8(ascii: "-") { i += 1 }
            guard i < b.count, b[i] >= 0x30, b[i] <= 0x39 else { throw bad("in exponent of numeric literal") }
            digits()
        }
    }
}
