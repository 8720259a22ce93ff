import CapstanCore

/// One execution of a template the way the conformance corpus and `capstan-renderer gotemplate` describe it.
public struct GoTemplateRun: Sendable {
    /// Which functions the template may call.
    public enum Funcs: String, Sendable { case helm, builtin }
    /// Plain text/template, or Helm's engine behaviour.
    public enum Mode: String, Sendable { case go, helm }

    public var funcs: Funcs = .helm
    public var mode: Mode = .go
    public var numbers: NumberDecoding = .int
    public var missingKey: MissingKey?
    public var delims: (String, String)?
    public var name = "test"

    public init() {}

    /// Parses the template and decodes the data once, for repeated executions.
    public func prepare(template: [UInt8], data: [UInt8]) throws(TemplateError) -> (set: TemplateSet, data: Value) {
        let json: JSONValue
        do {
            json = try JSONValue.parse(data)
        } catch {
            throw TemplateError(phase: .exec, message: "data: \(error)")
        }
        var options = TemplateOptions()
        options.helmMode = mode == .helm
        options.missingKey = missingKey ?? (mode == .helm ? .zero : .default)
        if let delims {
            options.leftDelim = delims.0
            options.rightDelim = delims.1
        }
        let set = TemplateSet(functions: funcs == .helm ? FunctionLibrary.helm : FunctionLibrary.builtin, options: options)
        do {
            try set.parse(name: name, bytes: template)
        } catch {
            if mode == .helm { throw HelmErrors.parseError(error, name: name) }
            throw error
        }
        return (set, Value.from(json, numbers: numbers).concrete)
    }

    /// Parses and executes `template` with `data` (JSON) as dot; returns the output bytes.
    public func run(template: [UInt8], data: [UInt8]) throws(TemplateError) -> [UInt8] {
        let prepared = try prepare(template: template, data: data)
        do {
            return try prepared.set.execute(name: name, data: prepared.data)
        } catch {
            if mode == .helm { throw HelmErrors.execError(error) }
            throw error
        }
    }
}
