import CapstanCore
import Foundation

/// A Go value as text/template sees it, keeping Go's types apart (int against float64, nil against missing).
public enum Value: Sendable {
    /// Go's invalid reflect.Value: a missing map key or a nil pipeline result; prints `<no value>`.
    case missing
    /// A nil interface{} (a JSON null inside a map or list).
    case null
    case bool(Bool)
    case int(Int64, IntKind)
    case float(Double)
    case complex(Double, Double)
    case string(String)
    case list(ListValue)
    case map(MapValue)
    case object(GoObject)
    /// A function value (only for `call`).
    case function(TemplateFunction)
}

/// Go's integer types the engine produces.
public enum IntKind: Sendable {
    case int, int64, int32, int8, int16, uint8, uint, uint64, uint32

    var name: String {
        switch self {
        case .int: "int"
        case .int64: "int64"
        case .int32: "int32"
        case .int8: "int8"
        case .int16: "int16"
        case .uint8: "uint8"
        case .uint: "uint"
        case .uint64: "uint64"
        case .uint32: "uint32"
        }
    }

    var isUnsigned: Bool { self == .uint8 || self == .uint || self == .uint64 || self == .uint32 }
}

/// A Go slice: elements plus the element type name (`interface {}`, `string`, `int`, …).
public struct ListValue: Sendable {
    public var items: [Value]
    public var elem: String

    public init(_ items: [Value], elem: String = "interface {}") {
        self.items = items
        self.elem = elem
    }
}

/// A Go map with string keys: a reference, as in Go (Sprig's `set` and `merge` change it in place).
public final class MapValue: @unchecked Sendable {
    // Shared mutable state mirrors Go's map semantics; templates of one execution run on one thread.
    public var entries: [String: Value] {
        didSet {
            keysCache = nil
            entriesCache = nil
            version &+= 1
        }
    }
    /// Changes with every change of `entries` (a `range` body may `set` or `unset` keys).
    private(set) var version = 0
    public let elem: String
    private var keysCache: [String]?
    private var entriesCache: [(key: String, value: Value)]?

    public init(_ entries: [String: Value], elem: String = "interface {}") {
        self.entries = entries
        self.elem = elem
    }

    /// Keys in Go's order (bytewise), cached until the map changes.
    var sortedKeys: [String] {
        if let keysCache { return keysCache }
        let keys = entries.keys.sorted(by: goLess)
        keysCache = keys
        return keys
    }

    /// The entries in `sortedKeys` order (what `range` walks), cached until the map changes.
    var sortedEntries: [(key: String, value: Value)] {
        if let entriesCache { return entriesCache }
        let sorted = sortedKeys.map { (key: $0, value: entries[$0]!) }
        entriesCache = sorted
        return sorted
    }
}

/// Go compares strings bytewise; Swift's `<` on String compares by Unicode scalars, which agrees for UTF-8.
func goLess(_ a: String, _ b: String) -> Bool {
    var a = a, b = b
    return a.withUTF8 { x in
        b.withUTF8 { y in
            let n = min(x.count, y.count)
            if n > 0, let px = x.baseAddress, let py = y.baseAddress {
                let c = memcmp(px, py, n)
                if c != 0 { return c < 0 }
            }
            return x.count < y.count
        }
    }
}

/// An opaque Go object (a semver version, a time) reached through its fields and methods.
public protocol GoObject: AnyObject, Sendable {
    var goTypeName: String { get }
    var goKind: String { get }
    /// The String() method's result, when the Go type has one.
    var stringForm: String? { get }
    /// A method or field by name; methods receive their arguments.
    func member(_ name: String) -> Member?
}

/// What a name on a Go object resolves to.
public enum Member: Sendable {
    case field(Value)
    case method(TemplateFunction)
}

extension Value {
    public static func from(_ json: JSONValue, numbers: NumberDecoding = .int) -> Value {
        switch json {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return numbers == .float64 ? .float(Double(i)) : .int(i, .int)
        case .double(let d): return .float(d)
        case .string(let s): return .string(s)
        case .array(let items): return .list(ListValue(items.map { from($0, numbers: numbers) }))
        case .object(let members): return .map(MapValue(members.mapValues { from($0, numbers: numbers) }))
        }
    }

    /// The value as JSON (what toJson marshals); nil for what JSON cannot hold.
    public var json: JSONValue? {
        switch self {
        case .missing, .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i, _): return .int(i)
        case .float(let d): return .double(d)
        case .complex: return nil
        case .string(let s): return .string(s)
        case .list(let list):
            var out: [JSONValue] = []
            out.reserveCapacity(list.items.count)
            for item in list.items {
                guard let j = item.json else { return nil }
                out.append(j)
            }
            return .array(out)
        case .map(let map):
            var out: [String: JSONValue] = [:]
            for (k, v) in map.entries {
                guard let j = v.json else { return nil }
                out[k] = j
            }
            return .object(out)
        case .object(let object):
            if let s = object.stringForm { return .string(s) }
            return .object([:])
        case .function: return nil
        }
    }

    /// Go's type name, as `%T` prints it.
    public var typeName: String {
        switch self {
        case .missing, .null: return "<nil>"
        case .bool: return "bool"
        case .int(_, let kind): return kind.name
        case .float: return "float64"
        case .complex: return "complex128"
        case .string: return "string"
        case .list(let list): return "[]" + list.elem
        case .map(let map): return "map[string]" + map.elem
        case .object(let object): return object.goTypeName
        case .function: return "func(...interface {}) (interface {}, error)"
        }
    }

    /// Go's reflect.Kind name, as Sprig's kindOf prints it.
    public var kindName: String {
        switch self {
        case .missing, .null: return "invalid"
        case .bool: return "bool"
        case .int(_, let kind): return kind.name
        case .float: return "float64"
        case .complex: return "complex128"
        case .string: return "string"
        case .list: return "slice"
        case .map: return "map"
        case .object(let object): return object.goKind
        case .function: return "func"
        }
    }

    var isNilOrMissing: Bool {
        switch self {
        case .missing, .null: return true
        default: return false
        }
    }

    /// A nil interface{} becomes the invalid value, as evalPipeline does after each command.
    public var concrete: Value {
        if case .null = self { return .missing }
        return self
    }

    /// Go's template truth (isTrue).
    var truth: Bool {
        switch self {
        case .missing, .null: return false
        case .bool(let b): return b
        case .int(let i, _): return i != 0
        case .float(let d): return d != 0
        case .complex(let r, let i): return r != 0 || i != 0
        case .string(let s): return !s.isEmpty
        case .list(let l): return !l.items.isEmpty
        case .map(let m): return !m.entries.isEmpty
        case .object, .function: return true
        }
    }
}

/// How JSON numbers decode into Go values.
public enum NumberDecoding: String, Sendable {
    case int
    case float64
}
