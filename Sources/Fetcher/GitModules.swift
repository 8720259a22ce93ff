import Foundation

/// The `path` → `url` pairs of a `.gitmodules` file (git-config syntax), read only when a source asks
/// for its submodules.
struct GitModules: Sendable, Equatable {
    private(set) var urls: [String: String] = [:]

    init(_ text: String) {
        var section: (path: String?, url: String?) = (nil, nil)
        func close() {
            if let path = section.path, let url = section.url { urls[GitModules.trimmed(path)] = url }
            section = (nil, nil)
        }
        for raw in text.split(whereSeparator: \.isNewline) {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.hasPrefix("[") { close(); continue }
            guard !line.hasPrefix("#"), !line.hasPrefix(";"), let equals = line.firstIndex(of: "=") else { continue }
            let key = line[..<equals].trimmingCharacters(in: .whitespaces).lowercased()
            let value = GitModules.unquoted(line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces))
            if key == "path" { section.path = value } else if key == "url" { section.url = value }
        }
        close()
    }

    /// The submodule URL for `path`, relative ones (`../lib.git`) resolved against `parent` as git does.
    func url(for path: String, parent: String) -> String? {
        guard let url = urls[path] else { return nil }
        guard url.hasPrefix("./") || url.hasPrefix("../") else { return url }
        var base = parent
        while base.hasSuffix("/") { base.removeLast() }
        var rest = Substring(url)
        while true {
            if rest.hasPrefix("./") { rest = rest.dropFirst(2) } else if rest.hasPrefix("../") {
                rest = rest.dropFirst(3)
                if let slash = base.lastIndex(of: "/") { base = String(base[..<slash]) }
            } else { break }
        }
        return base + "/" + rest
    }

    private static func unquoted(_ value: String) -> String {
        value.count >= 2 && value.hasPrefix("\"") && value.hasSuffix("\"") ? String(value.dropFirst().dropLast()) : value
    }

    private static func trimmed(_ path: String) -> String {
        var path = Substring(path)
        while path.hasSuffix("/") { path = path.dropLast() }
        return String(path)
    }
}
