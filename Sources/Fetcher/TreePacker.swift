import Archive
import Git

/// Packs a commit's tree straight from the object database into a deterministic tar.gz.
///
/// Two passes: the first lists what goes in (ignore rules, `.git`, submodules, symlink checks need
/// the whole path set); the second streams blob by blob into the writer.
enum TreePacker {
    static func pack(_ repository: Repository, commit: ObjectID, ignore: [String], limits: PackLimits, to path: String) throws -> PackResult {
        let matcher = try matcher(repository, commit: commit, ignore: ignore)
        let listing = try TreeListing(repository, commit: commit, matcher: matcher)
        guard listing.entries.count <= limits.maxFiles else {
            throw FetchError.limit("the tree has \(listing.entries.count) files to pack, over the limit of \(limits.maxFiles) (raise limits.maxFiles or ignore paths)")
        }
        let writer = try ArtifactWriter(path: path)
        var warnings = listing.warnings
        for entry in listing.entries {
            try add(entry, from: repository, to: writer, listing: listing, warnings: &warnings)
            guard writer.contentBytes <= limits.maxBytes else {
                throw FetchError.limit("the tree holds more than \(limits.maxBytes) bytes to pack (raise limits.maxBytes or ignore paths)")
            }
        }
        let (digest, size) = try writer.finish()
        return PackResult(digest: digest.description, size: size, files: writer.entryCount, warnings: warnings)
    }

    private static func add(_ entry: TreeEntry, from repository: Repository, to writer: ArtifactWriter,
                            listing: TreeListing, warnings: inout [String]) throws {
        switch entry.kind {
        case .file(let executable):
            try repository.withBlob(entry.id) { bytes in try writer.addFile(path: entry.path, executable: executable, contents: bytes) }
        case .symlink:
            let target = try repository.withBlob(entry.id) { String(decoding: $0, as: UTF8.self) }
            if let problem = listing.symlinkProblem(entry.path, target: target) {
                warnings.append("symlink \(entry.path) -> \(target) left out: \(problem)")
            } else {
                try writer.addSymlink(path: entry.path, target: target)
            }
        case .submodule:
            break
        }
    }

    private static func matcher(_ repository: Repository, commit: ObjectID, ignore: [String]) throws -> IgnoreMatcher {
        var matcher = IgnoreMatcher(ignore)
        if let id = try repository.blobID(at: ".sourceignore", in: commit) {
            matcher.add(try repository.withBlob(id) { String(decoding: $0, as: UTF8.self) })
        }
        return matcher
    }
}
