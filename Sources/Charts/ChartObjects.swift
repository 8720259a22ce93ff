import CapstanCore
import Foundation
import Manifests
import Templates

/// `.Files`: the chart's non-template files, with Helm's methods.
final class FilesObject: GoObject, @unchecked Sendable {
    let files: [(path: String, bytes: [UInt8])]

    init(_ files: [(path: String, bytes: [UInt8])]) { self.files = files }

    var goTypeName: String { "engine.files" }
    var goKind: String { "map" }
    var stringForm: String? { nil }

    func text(_ name: String) -> String {
        guard let file = files.first(where: { $0.path == name }) else { return "" }
        return String(decoding: file.bytes, as: UTF8.self)
    }

    func member(_ name: String) -> Member? {
        switch name {
        case "Get":
            return .method(TemplateFunction([.string]) { [self] _, a in .string(self.text(Self.s(a[0]))) })
        case "GetBytes":
            return .method(TemplateFunction([.string]) { [self] _, a in
                .list(ListValue(Array(self.text(Self.s(a[0])).utf8).map { .int(Int64($0), .uint8) }, elem: "uint8"))
            })
        case "Lines":
            return .method(TemplateFunction([.string]) { [self] _, a in
                var lines = self.text(Self.s(a[0])).components(separatedBy: "\n")
                if lines.last == "" { lines.removeLast() }
                return .list(ListValue(lines.map { .string($0) }, elem: "string"))
            })
        case "Glob":
            return .method(TemplateFunction([.string]) { [self] _, a in
                let pattern = Self.s(a[0])
                return .object(FilesObject(self.files.filter { Glob.matches(pattern, $0.path) }))
            })
        case "AsConfig", "AsSecrets":
            let secret = name == "AsSecrets"
            return .method(TemplateFunction([]) { [self] _, _ in
                var map: [String: JSONValue] = [:]
                for file in self.files {
                    let key = (file.path as NSString).lastPathComponent
                    map[key] = .string(secret ? Data(file.bytes).base64EncodedString() : String(decoding: file.bytes, as: UTF8.self))
                }
                if map.isEmpty { return .string("") }
                var text = YAMLWriter.write(.object(map))
                while text.hasSuffix("\n") { text.removeLast() }
                return .string(text)
            })
        default:
            return nil
        }
    }

    static func s(_ v: Value) -> String {
        if case .string(let s) = v { return s }
        return ""
    }
}

/// Glob patterns as Helm's `.Files.Glob` uses them (gobwas/glob with `/` separators): `*`, `**`, `?`.
enum Glob {
    static func matches(_ pattern: String, _ path: String) -> Bool {
        match(Array(pattern.utf8)[...], Array(path.utf8)[...])
    }

    static func match(_ p: ArraySlice<UInt8>, _ s: ArraySlice<UInt8>) -> Bool {
        guard let c = p.first else { return s.isEmpty }
        if c == UInt8(ascii: "*") {
            let double = p.dropFirst().first == UInt8(ascii: "*")
            let rest = p.dropFirst(double ? 2 : 1)
            var i = s.startIndex
            while true {
                if match(rest, s[i...]) { return true }
                if i == s.endIndex || (!double && s[i] == UInt8(ascii: "/")) { return false }
                i += 1
            }
        }
        guard let h = s.first else { return false }
        if c == UInt8(ascii: "?") ? h != UInt8(ascii: "/") : c == h { return match(p.dropFirst(), s.dropFirst()) }
        return false
    }
}

/// `.Capabilities.KubeVersion`: prints as its version, with Version/Major/Minor/GitVersion fields.
final class KubeVersionObject: GoObject, @unchecked Sendable {
    let version: String
    init(_ version: String) { self.version = version }
    var goTypeName: String { "*chartutil.KubeVersion" }
    var goKind: String { "ptr" }
    var stringForm: String? { version }

    func member(_ name: String) -> Member? {
        let parts = version.dropFirst(version.hasPrefix("v") ? 1 : 0).split(separator: ".")
        switch name {
        case "Version", "GitVersion": return .field(.string(version))
        case "Major": return .field(.string(parts.count > 0 ? String(parts[0]) : ""))
        case "Minor": return .field(.string(parts.count > 1 ? String(parts[1]) : ""))
        case "String": return .method(TemplateFunction([]) { [version] _, _ in .string(version) })
        default: return nil
        }
    }
}

/// `.Capabilities.APIVersions`: a list with `Has`.
final class APIVersionsObject: GoObject, @unchecked Sendable {
    let versions: [String]
    init(_ versions: [String]) { self.versions = versions }
    var goTypeName: String { "chartutil.VersionSet" }
    var goKind: String { "slice" }
    var stringForm: String? { nil }

    func member(_ name: String) -> Member? {
        guard name == "Has" else { return nil }
        return .method(TemplateFunction([.string]) { [versions] _, a in
            .bool(versions.contains(FilesObject.s(a[0])))
        })
    }
}
