/// Sprig's case conversions: title, untitle, swapcase, initials and xstrings' camel/snake/kebab case.
extension SprigStrings {
    static func title(_ s: String) -> String {
        var prev: Unicode.Scalar = " "
        var out = String.UnicodeScalarView()
        for r in s.unicodeScalars {
            if isSeparator(prev) {
                out.append(contentsOf: String(r).uppercased().unicodeScalars.prefix(1))
            } else {
                out.append(r)
            }
            prev = r
        }
        return String(out)
    }

    static func isSeparator(_ r: Unicode.Scalar) -> Bool {
        if r.isASCII {
            let c = r.value
            return !((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || c == 0x5F)
        }
        if r.properties.isAlphabetic || r.properties.numericType == .decimal { return false }
        return isGoSpace(r)
    }

    static func untitle(_ s: String) -> String {
        var next = true
        var out = String.UnicodeScalarView()
        for r in s.unicodeScalars {
            if isGoSpace(r) {
                next = true
                out.append(r)
            } else if next {
                out.append(contentsOf: String(r).lowercased().unicodeScalars.prefix(1))
                next = false
            } else {
                out.append(r)
            }
        }
        return String(out)
    }

    static func initials(_ s: String) -> String {
        var out = ""
        var gap = true
        for b in s.utf8 {
            let r = Unicode.Scalar(b)
            if isGoSpace(r) {
                gap = true
            } else if gap {
                out.unicodeScalars.append(r)
                gap = false
            }
        }
        return out
    }

    static func swapcase(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for r in s.unicodeScalars {
            if r.properties.isUppercase || r.properties.generalCategory == .titlecaseLetter {
                out.append(contentsOf: String(r).lowercased().unicodeScalars.prefix(1))
            } else if r.properties.isLowercase {
                out.append(contentsOf: String(r).uppercased().unicodeScalars.prefix(1))
            } else {
                out.append(r)
            }
        }
        return String(out)
    }

    static func isConnector(_ r: Unicode.Scalar) -> Bool { r == "-" || r == "_" || isGoSpace(r) }

    static func upperOne(_ r: Unicode.Scalar) -> Unicode.Scalar { String(r).uppercased().unicodeScalars.first ?? r }

    static func lowerOne(_ r: Unicode.Scalar) -> Unicode.Scalar { String(r).lowercased().unicodeScalars.first ?? r }

    /// xstrings.ToCamelCase.
    static func camelcase(_ s: String) -> String {
        var scalars = Array(s.unicodeScalars)[...]
        guard !scalars.isEmpty else { return "" }
        var out = String.UnicodeScalarView()
        var r0: Unicode.Scalar = " "
        var read = false
        while let r = scalars.first {
            scalars = scalars.dropFirst()
            read = true
            if !isConnector(r) {
                r0 = upperOne(r)
                break
            }
            out.append(r)
            r0 = r
        }
        if scalars.isEmpty {
            if read && !isConnector(r0) { out.append(r0) }
            return String(out)
        }
        while let r = scalars.first {
            scalars = scalars.dropFirst()
            let r1 = r0
            r0 = r
            if isConnector(r0) && isConnector(r1) {
                out.append(r1)
                continue
            }
            if isConnector(r1) {
                r0 = upperOne(r0)
            } else {
                r0 = lowerOne(r0)
                out.append(r1)
            }
        }
        out.append(r0)
        return String(out)
    }

    /// Splits camel case and connectors into lower-case words joined by `connector` (xstrings snake/kebab case).
    static func joinWords(_ s: String, _ connector: String) -> String {
        let scalars = Array(s.unicodeScalars)
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            if !current.isEmpty { words.append(String(current).lowercased()) }
            current = String.UnicodeScalarView()
        }
        for (k, r) in scalars.enumerated() {
            if isConnector(r) {
                flush()
                continue
            }
            if r.properties.isUppercase, let prev = current.last {
                let nextIsLower = k + 1 < scalars.count && scalars[k + 1].properties.isLowercase
                if prev.properties.isLowercase || prev.properties.numericType != nil || (prev.properties.isUppercase && nextIsLower) {
                    flush()
                }
            }
            current.append(r)
        }
        flush()
        return words.joined(separator: connector)
    }
}
