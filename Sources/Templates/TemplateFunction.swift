/// A function callable from templates, with the Go parameter types text/template checks arguments against.
public struct TemplateFunction: Sendable {
    /// The Go type of a parameter, which decides how arguments are checked and constants converted.
    public enum Param: Sendable, Equatable {
        case any, reflectValue, string, int, int64, float64, bool, list, map, stringList

        var goName: String {
            switch self {
            case .any: "interface {}"
            case .reflectValue: "reflect.Value"
            case .string: "string"
            case .int: "int"
            case .int64: "int64"
            case .float64: "float64"
            case .bool: "bool"
            case .list: "[]interface {}"
            case .map: "map[string]interface {}"
            case .stringList: "[]string"
            }
        }

        var canBeNil: Bool {
            switch self {
            case .any, .reflectValue, .list, .map, .stringList: true
            default: false
            }
        }
    }

    public typealias Body = @Sendable (Executor, [Value]) throws(FunctionError) -> Value

    public let params: [Param]
    public let variadic: Param?
    public let body: Body

    public init(_ params: [Param], variadic: Param? = nil, _ body: @escaping Body) {
        self.params = params
        self.variadic = variadic
        self.body = body
    }
}

/// An error a template function returns; the executor words it as `error calling NAME: message`.
public struct FunctionError: Error, Sendable {
    public let message: String
    /// Set for errors that must pass through unwrapped (an error from a nested template execution).
    public let raw: Bool

    public init(_ message: String, raw: Bool = false) {
        self.message = message
        self.raw = raw
    }
}

/// The functions a template can call, by name.
public struct FunctionTable: Sendable {
    public var functions: [String: TemplateFunction]

    public init(_ functions: [String: TemplateFunction] = [:]) {
        self.functions = functions
    }

    public subscript(name: String) -> TemplateFunction? {
        get { functions[name] }
        set { functions[name] = newValue }
    }

    public mutating func merge(_ other: FunctionTable) {
        functions.merge(other.functions) { _, new in new }
    }
}
