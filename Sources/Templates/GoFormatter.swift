/// Go's fmt package for template values: Sprint, Sprintln and Sprintf with every verb, flag and error form.
struct GoFormatter {
    var out = ""
    var wid = 0, prec = 0
    var widPresent = false, precPresent = false
    var minus = false, plus = false, sharp = false, space = false, zero = false
    var plusV = false, sharpV = false
    var arg: Value = .missing

    mutating func clearFlags() {
        wid = 0; prec = 0
        widPresent = false; precPresent = false
        minus = false; plus = false; sharp = false; space = false; zero = false
        plusV = false; sharpV = false
    }

    static func isStringArg(_ v: Value) -> Bool {
        if case .string = v { return true }
        return false
    }

    static func sprint(_ args: [Value]) -> String {
        var f = GoFormatter()
        var prevString = false
        for (i, arg) in args.enumerated() {
            let isString = isStringArg(arg)
            if i > 0 && !isString && !prevString { f.out += " " }
            f.printArg(arg, "v")
            prevString = isString
        }
        return f.out
    }

    static func sprintln(_ args: [Value]) -> String {
        var f = GoFormatter()
        for (i, arg) in args.enumerated() {
            if i > 0 { f.out += " " }
            f.printArg(arg, "v")
        }
        f.out += "\n"
        return f.out
    }

    /// `%v` of one value, as the template engine prints an action's result.
    static func print(_ v: Value) -> String {
        switch v {
        case .string(let s): return s
        case .int(let i, _): return String(i)
        case .bool(let b): return b ? "true" : "false"
        case .float(let d): return GoFloat.formatV(d)
        default:
            var f = GoFormatter()
            f.printArg(v, "v")
            return f.out
        }
    }

    // MARK: padding

    mutating func writePadding(_ n: Int) {
        guard n > 0 else { return }
        out += String(repeating: zero ? "0" : " ", count: n)
    }

    mutating func pad(_ s: String) {
        if !widPresent || wid == 0 {
            out += s
            return
        }
        let width = wid - s.unicodeScalars.count
        if !minus {
            writePadding(width)
            out += s
        } else {
            out += s
            let saved = zero
            zero = false
            writePadding(width)
            zero = saved
        }
    }

    // MARK: dispatch

    mutating func printArg(_ value: Value, _ verb: Unicode.Scalar) {
        arg = value
        switch value {
        case .missing, .null:
            switch verb {
            case "T", "v": pad("<nil>")
            default: badVerb(verb)
            }
            return
        default: break
        }
        if verb == "T" {
            fmtS(value.typeName)
            return
        }
        if verb == "p" {
            badVerb(verb)
            return
        }
        printValue(value, verb, depth: 0)
    }

    mutating func printValue(_ value: Value, _ verb: Unicode.Scalar, depth: Int) {
        if depth > 0 { arg = value }
        switch value {
        case .missing, .null:
            if depth == 0 {
                out += "<invalid reflect.Value>"
            } else if sharpV {
                out += "interface {}(nil)"
            } else {
                out += "<nil>"
            }
        case .bool(let b):
            if verb == "t" || verb == "v" { pad(b ? "true" : "false") } else { badVerb(verb) }
        case .int(let i, let kind): fmtInteger(i, kind, verb)
        case .float(let d): fmtFloat(d, verb)
        case .complex(let r, let i): fmtComplex(r, i, verb)
        case .string(let s): fmtString(s, verb)
        case .list(let list): printList(list, verb, depth: depth)
        case .map(let map): printMap(map, verb, depth: depth)
        case .object(let object):
            if let s = object.stringForm, ["v", "s", "x", "X", "q"].contains(verb) {
                fmtString(s, verb)
            } else if let s = object.stringForm {
                badVerb(verb, shown: s)
            } else {
                out += "{}"
            }
        case .function:
            out += "0x1"
        }
    }

    mutating func printList(_ list: ListValue, _ verb: Unicode.Scalar, depth: Int) {
        if list.elem == "uint8", ["s", "q", "x", "X"].contains(verb) {
            let bytes = list.items.map { v -> UInt8 in
                if case .int(let i, _) = v { return UInt8(truncatingIfNeeded: i) }
                return 0
            }
            fmtBytesAsString(bytes, verb)
            return
        }
        if sharpV {
            out += "[]" + list.elem + "{"
            for (i, item) in list.items.enumerated() {
                if i > 0 { out += ", " }
                printValue(item, verb, depth: depth + 1)
            }
            out += "}"
        } else {
            out += "["
            for (i, item) in list.items.enumerated() {
                if i > 0 { out += " " }
                printValue(item, verb, depth: depth + 1)
            }
            out += "]"
        }
    }

    mutating func printMap(_ map: MapValue, _ verb: Unicode.Scalar, depth: Int) {
        out += sharpV ? "map[string]" + map.elem + "{" : "map["
        for (i, key) in map.sortedKeys.enumerated() {
            if i > 0 { out += sharpV ? ", " : " " }
            printValue(.string(key), verb, depth: depth + 1)
            out += ":"
            printValue(map.entries[key]!, verb, depth: depth + 1)
        }
        out += sharpV ? "}" : "]"
    }

    mutating func badVerb(_ verb: Unicode.Scalar, shown: String? = nil) {
        out += "%!"
        out.unicodeScalars.append(verb)
        out += "("
        switch arg {
        case .missing, .null:
            out += "<nil>"
        default:
            let saved = arg
            out += arg.typeName + "="
            if let shown {
                pad(shown)
            } else {
                printArg(saved, "v")
            }
        }
        out += ")"
    }
}
