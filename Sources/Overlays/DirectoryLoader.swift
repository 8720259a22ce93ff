import CapstanCore
import Manifests
import Sandbox
import YAML

/// File access for one kustomization directory with kustomize's load restrictions: files must
/// be in or below the directory; other kustomization directories may be anywhere in the tree.
struct DirectoryLoader {
    let tree: SourceTree
    /// The directory, relative to the tree's root ("" for the root).
    let directory: String

    /// The directory as kustomize prints it: absolute, with the tree's root as `/`.
    var displayRoot: String { "/" + directory }

    static func display(_ relative: String) -> String { "/" + relative }

    /// Reads a file named relative to this directory.
    func load(_ path: String) throws(OverlayError) -> [UInt8] {
        let resolved: String
        do {
            resolved = try tree.resolve(path, from: directory)
        } catch {
            throw OverlayError(error.description)
        }
        if !directory.isEmpty && !(resolved == directory || resolved.hasPrefix(directory + "/")) {
            throw OverlayError("security; file '\(Self.display(resolved))' is not in or below '\(displayRoot)'")
        }
        do {
            guard try tree.kind(of: resolved) == .file else {
                throw OverlayError("open \(Self.display(resolved)): no such file or directory")
            }
            return try tree.read(resolved)
        } catch let error as SandboxError {
            throw OverlayError(error.description)
        } catch let error as OverlayError {
            throw error
        } catch {
            throw OverlayError("\(error)")
        }
    }

    /// Whether `path` names a directory.
    func isDirectory(_ path: String) -> Bool {
        guard let resolved = try? tree.resolve(path, from: directory) else { return false }
        return (try? tree.kind(of: resolved)) == .directory
    }

    /// A loader for the kustomization directory `path`.
    func child(_ path: String) throws(OverlayError) -> DirectoryLoader {
        let resolved: String
        do {
            resolved = try tree.resolve(path, from: directory)
        } catch {
            throw OverlayError(error.description)
        }
        guard (try? tree.kind(of: resolved)) == .directory else {
            throw OverlayError("must build at directory: not a valid directory: '\(Self.display(resolved))'")
        }
        // A base may not contain the directory that names it: that would recurse forever.
        if resolved.isEmpty || resolved == directory || directory.hasPrefix(resolved + "/") {
            throw OverlayError("cycle detected: candidate root '\(Self.display(resolved))' contains visited root '\(displayRoot)'")
        }
        return DirectoryLoader(tree: tree, directory: resolved)
    }

    /// Decodes the YAML or JSON documents of a file into resources, expanding `*List` kinds.
    func resources(in path: String) throws(OverlayError) -> [Resource] {
        let bytes = try load(path)
        return try Self.resources(from: bytes, file: path)
    }

    /// The YAML or JSON documents of some bytes, as JSON values.
    static func documents(from bytes: [UInt8], file: String, allowDuplicateKeys: Bool = false) throws(OverlayError) -> [JSONValue] {
        do {
            return try ManifestDecoder(limits: YAMLLimits(rejectsDuplicateKeys: !allowDuplicateKeys)).decodeValues(bytes, file: file)
        } catch {
            throw OverlayError("\(error)")
        }
    }

    static func resources(from bytes: [UInt8], file: String) throws(OverlayError) -> [Resource] {
        let documents = try documents(from: bytes, file: file)
        var pending = documents[...]
        var result: [Resource] = []
        while let document = pending.popFirst() {
            if document == .null || document == .object([:]) { continue }
            guard case .object = document else {
                throw OverlayError("\(file): expected a mapping, found \(FieldReader.goType(document))")
            }
            let kind = document["kind"]?.stringValue ?? ""
            if kind.isEmpty { throw OverlayError("missing kind in object \(document.serialized())") }
            if kind.hasSuffix("List"), let items = document["items"] {
                guard case .array(let elements) = items else {
                    if items == .null { continue }
                    throw OverlayError("expected array in \(kind)/items, but found \(FieldReader.goType(items))")
                }
                pending = ArraySlice(elements + pending)
                continue
            }
            if !kind.hasSuffix("List"), (document.value(at: ["metadata", "name"])?.stringValue ?? "").isEmpty {
                throw OverlayError("missing metadata.name in object \(document.serialized())")
            }
            result.append(Resource(object: document))
        }
        return result
    }
}
