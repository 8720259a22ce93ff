import CapstanCore
import Manifests

/// Helm's template functions (include, tpl, required, toYaml, fromYaml, toJson, toToml, lookup, …).
public enum HelmFunctions {
    typealias F = TemplateFunction

    /// Helm stops `include` of a template nested deeper than this.
    static let recursionMax = 1000

    public static let table: FunctionTable = {
        var t = FunctionTable()
        t["include"] = F([.string, .any]) { executor, a throws(FunctionError) in
            let name = SprigStrings.s(a[0])
            let count = executor.includeCounts[name] ?? 0
            if count > recursionMax {
                throw FunctionError("rendering template has a nested reference name: \(name): unable to execute template")
            }
            executor.includeCounts[name] = count + 1
            defer { executor.includeCounts[name] = count }
            return .string(try executor.render(name: name, data: a[1]))
        }
        t["tpl"] = F([.string, .any]) { executor, a throws(FunctionError) in
            .string(try tpl(executor, SprigStrings.s(a[0]), a[1]))
        }
        t["required"] = F([.string, .any]) { _, a throws(FunctionError) in
            switch a[1] {
            case .missing, .null: throw FunctionError(SprigStrings.s(a[0]))
            case .string(""): throw FunctionError(SprigStrings.s(a[0]))
            default: return a[1]
            }
        }
        t["lookup"] = F([.string, .string, .string, .string]) { _, _ in .map(MapValue([:])) }
        t["toYaml"] = F([.any]) { _, a in
            guard let json = yamlJSON(a[0]) else { return .string("") }
            var text = YAMLWriter.write(json)
            if text.hasSuffix("\n") { text.removeLast() }
            return .string(text)
        }
        t["toYamlPretty"] = F([.any]) { _, a in
            guard let json = yamlJSON(a[0]) else { return .string("") }
            var text = YAMLPretty.write(json)
            if text.hasSuffix("\n") { text.removeLast() }
            return .string(text)
        }
        t["fromYaml"] = F([.string]) { _, a in HelmYAML.fromYAML(SprigStrings.s(a[0])) }
        t["fromYamlArray"] = F([.string]) { _, a in HelmYAML.fromYAMLArray(SprigStrings.s(a[0])) }
        t["toJson"] = F([.any]) { _, a in .string((try? GoJSON.encode(a[0], escapeHTML: true)) ?? "") }
        t["fromJson"] = F([.string]) { _, a in
            switch decodeJSON(SprigStrings.s(a[0])) {
            case .failure(let error): return .map(MapValue(["Error": .string(error.message)]))
            case .success(let v):
                guard case .map = v else {
                    return .map(MapValue(["Error": .string("json: cannot unmarshal \(jsonKind(v)) into Go value of type map[string]interface {}")]))
                }
                return v
            }
        }
        t["fromJsonArray"] = F([.string]) { _, a in
            switch decodeJSON(SprigStrings.s(a[0])) {
            case .failure(let error): return Convert.list([.string(error.message)])
            case .success(let v):
                guard case .list = v else {
                    return Convert.list([.string("json: cannot unmarshal \(jsonKind(v)) into Go value of type []interface {}")])
                }
                return v
            }
        }
        t["toToml"] = F([.any]) { _, a in .string(TOML.encode(a[0])) }
        t["fromToml"] = F([.string]) { _, a in TOML.decode(SprigStrings.s(a[0])) }
        return t
    }()

    static func decodeJSON(_ text: String) -> Result<Value, FunctionError> {
        Result { () throws(FunctionError) in try GoJSON.decode(text) }
    }

    static func jsonKind(_ v: Value) -> String {
        switch v {
        case .list: "array"
        case .map: "object"
        case .string: "string"
        case .bool: "bool"
        case .float, .int: "number"
        default: "null"
        }
    }

    /// Helm's tpl: parse into a copy of the set under the caller's name, execute, strip `<no value>`.
    static func tpl(_ executor: Executor, _ text: String, _ data: Value) throws(FunctionError) -> String {
        let parent = executor.templates
        let copy = parent.clone()
        copy.options.missingKey = .zero
        let name = executor.currentTemplateName
        do {
            try copy.parse(name: name, text: text)
        } catch {
            throw FunctionError("cannot parse template \(GoQuote.quote(text)): \(error.message)")
        }
        let nested = Executor(set: copy)
        nested.includeCounts = executor.includeCounts
        nested.depth = executor.depth + 1
        do {
            let bytes = try nested.run(name: name, data: data)
            return String(decoding: HelmText.stripNoValue(bytes), as: UTF8.self)
        } catch {
            throw FunctionError("error during tpl function execution for \(GoQuote.quote(text)): \(error.message)")
        }
    }

    /// The JSON sigs.k8s.io/yaml marshals: encoding/json's text, read back with go-yaml's int/float resolution.
    static func yamlJSON(_ v: Value) -> JSONValue? {
        switch v {
        case .missing, .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i, _): return .int(i)
        case .float(let d):
            guard d.isFinite else { return nil }
            if d == d.rounded(), abs(d) < 1e21 {
                if abs(d) < 9.2e18 { return .int(Int64(d)) }
            }
            return .double(d)
        case .string(let s): return .string(s)
        case .object(let o): return .string(o.stringForm ?? "")
        case .complex, .function: return nil
        case .list(let l):
            var out: [JSONValue] = []
            for item in l.items {
                guard let j = yamlJSON(item) else { return nil }
                out.append(j)
            }
            return .array(out)
        case .map(let m):
            var out: [String: JSONValue] = [:]
            for (k, item) in m.entries {
                guard let j = yamlJSON(item) else { return nil }
                out[k] = j
            }
            return .object(out)
        }
    }
}
