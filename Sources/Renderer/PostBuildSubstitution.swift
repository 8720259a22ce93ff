import CapstanCore
import Manifests
import YAML

/// Flux's post-build variable substitution over rendered objects, object by object, with strict
/// variables: a `${VAR}` with no value and no default fails the render, naming the object.
public struct PostBuildSubstitution: Sendable {
    /// Variables from the app's `substitute` map (or `--substitute K=V`).
    public let variables: [String: String]
    public let limits: YAMLLimits

    /// The label or annotation that turns substitution off for one object.
    public static let disableKey = "kustomize.toolkit.fluxcd.io/substitute"

    public init(variables: [String: String], limits: YAMLLimits = .default) {
        self.variables = variables
        self.limits = limits
    }

    /// The objects with variables expanded. Like Flux, nothing happens when there are no variables.
    public func apply(to objects: [JSONValue]) throws(RenderError) -> [JSONValue] {
        guard !variables.isEmpty else { return objects }
        try validateNames()
        var result: [JSONValue] = []
        result.reserveCapacity(objects.count)
        for object in objects { result.append(try apply(to: object)) }
        return result
    }

    /// Flux substitutes in the object's YAML text and reads the text back, so a value can
    /// change a field's type (`replicas: ${N}` becomes a number).
    func apply(to object: JSONValue) throws(RenderError) -> JSONValue {
        if Self.isDisabled(object) { return object }
        let text = YAMLWriter.writeBytes(object)
        guard text.contains(UInt8(ascii: "$")) else { return object }
        let name = Self.name(of: object)
        let expanded: [UInt8]
        do { expanded = try VariableExpander(variables: variables).expand(text) } catch {
            throw Self.error(error, object: name)
        }
        let values: [JSONValue]
        do { values = try ManifestDecoder(semantics: .kustomize, limits: limits).decodeValues(expanded, file: name) }
        catch {
            throw RenderError(
                .substitution, at: name, "the object is no longer valid YAML after substitution: \(error.reason)",
                hint: "quote the field that receives the variable")
        }
        guard values.count == 1, case .object = values[0] else {
            throw RenderError(.substitution, at: name, "substitution turned the object into something else")
        }
        return values[0]
    }

    static func isDisabled(_ object: JSONValue) -> Bool {
        ["labels", "annotations"].contains { object.value(at: ["metadata", $0, disableKey])?.stringValue == "disabled" }
    }

    static func name(of object: JSONValue) -> String {
        ObjectIdentity(of: object)?.description ?? object["kind"]?.stringValue ?? "object"
    }

    private static func error(_ problem: VariableExpander.Problem, object: String) -> RenderError {
        switch problem {
        case .missing(let variable):
            RenderError(
                .substitution, at: object, "variable '\(variable)' is not set",
                hint: "add it to the app's substitute map, give it a default (${\(variable):=value}), or write $${\(variable)} for a literal")
        case .unterminated:
            RenderError(.substitution, at: object, "a '${' has no closing '}'", hint: "write $${ for a literal '${'")
        case .unsupported(let expression):
            RenderError(
                .substitution, at: object, "unsupported expression '\(expression)'",
                hint: "use ${VAR}, ${VAR:=default} or ${VAR:-default}")
        }
    }

    /// Flux refuses variable names outside `^[_[:alpha:]][_[:alpha:][:digit:]]*$`.
    private func validateNames() throws(RenderError) {
        for name in variables.keys.sorted() where !Self.isValidName(name) {
            throw RenderError(
                .substitution, at: "substitute", "'\(name)' is not a valid variable name",
                hint: "names start with a letter or '_' and hold only letters, digits and '_'")
        }
    }

    static func isValidName(_ name: String) -> Bool {
        guard let first = name.utf8.first, !(0x30...0x39).contains(first) else { return false }
        return name.utf8.allSatisfy { VariableExpander.isNameByte($0) && $0 < 0x80 }
    }
}
