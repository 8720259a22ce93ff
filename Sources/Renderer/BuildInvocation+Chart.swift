import CapstanCore
import Charts
import Foundation

extension BuildInvocation {
    /// The chart settings the flags give, as `helm template` layers them: `--values` files in
    /// order (read from disk like Helm, not confined to the root), then `--set`, then `--set-string`.
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
            for argument in sets { try SetParser.apply(argument, to: &user) }
            for argument in setStrings { try SetParser.apply(argument, to: &user, asString: true) }
        } catch {
            throw RenderError(.engine, at: "--set", "\(error)")
        }
        return HelmConfig(releaseName: releaseName ?? "release-name", namespace: namespace ?? "default", values: .object(user))
    }
}
