import CapstanCore
import Charts
import Foundation

extension BuildInvocation {
    /// The chart settings the flags give, as `helm template` layers them: `--values` files in
    /// order (read from disk like Helm, not confined to the root), then `--set-json`, `--set`,
    /// `--set-string` and `--set-file`.
    func chartConfig() throws(RenderError) -> HelmConfig {
        var user: [String: JSONValue] = [:]
        for file in valuesFiles {
            guard let data = FileHandle(forReadingAtPath: file)?.readDataToEndOfFile() else {
                throw RenderError(.sandbox, at: file, "cannot read the values file")
            }
            do {
                user = ValueCoalescing.merge(user, try ValueCoalescing.valuesFile(Array(data), file: file))
            } catch {
                throw RenderError(.invalidManifest, at: file, "\(error)")
            }
        }
        do {
            for argument in setJSON { try SetParser.applyJSON(argument, to: &user) }
            for argument in sets { try SetParser.apply(argument, to: &user) }
            for argument in setStrings { try SetParser.apply(argument, to: &user, asString: true) }
            for argument in setFiles { try SetParser.applyJSON(try Self.fileAsJSON(argument), to: &user) }
        } catch let error as RenderError {
            throw error
        } catch {
            throw RenderError(.engine, at: "--set", "\(error)")
        }
        return HelmConfig(releaseName: releaseName ?? "release-name", namespace: namespace ?? "default", values: .object(user))
    }

    /// `key=path` as `key=<the file's text as a JSON string>`.
    static func fileAsJSON(_ argument: String) throws(RenderError) -> String {
        guard let eq = argument.firstIndex(of: "=") else {
            throw RenderError(.engine, at: "--set-file", "'\(argument)' is not key=path")
        }
        let path = String(argument[argument.index(after: eq)...])
        guard let data = FileHandle(forReadingAtPath: path)?.readDataToEndOfFile() else {
            throw RenderError(.sandbox, at: path, "cannot read the --set-file file")
        }
        var json = ""
        JSONValue.string(String(decoding: data, as: UTF8.self)).write(to: &json)
        return "\(argument[..<eq])=\(json)"
    }
}
