import Archive
import Git

/// Packs a commit's tree straight from the object database into a deterministic tar.gz.
///
/// Two passes: the first lists what goes in (ignore rules, `.git`, submodules, symlink checks need
/// the whole path set); the second streams blob by blob into the writer.
enum TreePacker {
    /// Packs `commit` of `repository` (fetched from `url`); with `submodules`, gitlinks are packed from their own mirrors.
    static func pack(_ repository: Repository, url: String = "", commit: ObjectID, ignore: [String], limits: PackLimits,
                     submodules: SubmoduleMirrors? = nil, to path: String) throws -> PackResult {
        let matcher = try matcher(repository, commit: commit, ignore: ignore)
        let root = SubmoduleMirrors.Module(repository: repository, url: url, commit: commit, depth: 0)
        let listing = try TreeListing(root, matcher: matcher, submodules: submodules)
        guard listing.items.count <= limits.maxFiles else {
            throw FetchError.limit("the tree has \(listing.items.count) files to pack, over the limit of \(limits.maxFiles) (raise limits.artifactFiles in capstan.yaml or ignore paths)")
        }
        let writer = try ArtifactWriter(path: path)
        var warnings = listing.warnings
        for item in listing.items {
            try add(item.entry, from: listing.repositories[item.repository], to: writer, listing: listing, warnings: &warnings)
            guard writer.contentBytes <= limits.maxBytes else {
                throw FetchError.limit("the tree holds more than \(limits.maxBytes) bytes to pack (raise limits.artifactBytes in capstan.yaml or ignore paths)")
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
