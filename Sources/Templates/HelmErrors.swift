import Foundation

/// Helm's rewording of template errors (`parse error at (…)`, `execution error at (…)`).
public enum HelmErrors {
    public static func parseError(_ error: TemplateError, name: String) -> TemplateError {
        // "template: NAME:LINE: msg" becomes "parse error at (NAME:LINE): msg".
        let prefix = "template: "
        guard error.message.hasPrefix(prefix) else { return error }
        let rest = error.message.dropFirst(prefix.count)
        guard let colon = rest.range(of: ": ") else { return error }
        return TemplateError(phase: .parse, message: "parse error at (\(rest[..<colon.lowerBound])): \(rest[colon.upperBound...])")
    }

    /// Errors from `fail`/`required` read `execution error at (NAME:LINE:COL): msg`.
    public static func execError(_ error: TemplateError) -> TemplateError {
        let message = error.message
        for marker in ["error calling fail: ", "error calling required: "] {
            guard let range = message.range(of: marker) else { continue }
            let head = message[..<range.lowerBound]
            guard head.hasPrefix("template: "), let space = head.firstIndex(of: " ") else { break }
            let afterPrefix = head[head.index(after: space)...]
            guard let end = afterPrefix.range(of: ": executing") else { break }
            let location = afterPrefix[..<end.lowerBound]
            return TemplateError(phase: .exec, message: "execution error at (\(location)): \(message[range.upperBound...])")
        }
        return error
    }
}
