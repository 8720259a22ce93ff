import CapstanCore
import Foundation
import Git

/// Fetches the submodules a source asks for, each into its own bare mirror next to the source's, so
/// their trees can be packed at the submodule paths. Blocking: runs inside the source's sync job.
final class SubmoduleMirrors {
    /// A repository whose tree is being packed: the source itself or one of its (nested) submodules.
    struct Module {
        let repository: Repository
        let url: String
        let commit: ObjectID
        let depth: Int
    }

    static let maxDepth = 5
    let directory: String
    let options: FetchOptions
    let source: String
    private(set) var stats = FetchStats(receivedObjects: 0, receivedBytes: 0, updatedRefs: 0)

    init(directory: String, options: FetchOptions, source: String) {
        self.directory = directory
        self.options = options
        self.source = source
    }

    /// The submodule at `path` (relative to `parent`'s root) checked out at `commit`, fetched when its mirror lacks it.
    func open(path: String, commit: ObjectID, parent: Module) throws -> Module {
        guard parent.depth < SubmoduleMirrors.maxDepth else {
            throw FetchError.limit("submodule \(path): nested more than \(SubmoduleMirrors.maxDepth) levels deep")
        }
        let url = try submoduleURL(path: path, parent: parent)
        let repository = try gitStep(url) { try Repository.openOrCreateBare(at: mirrorPath(url)) }
        if !repository.hasCommit(commit) {
            add(try gitStep(url) { try repository.fetch(from: url, options: options) })
            if !repository.hasCommit(commit) { add(try gitStep(url) { try repository.fetchCommit(commit, from: url, options: options) }) }
        }
        return Module(repository: repository, url: url, commit: commit, depth: parent.depth + 1)
    }

    private func submoduleURL(path: String, parent: Module) throws -> String {
        guard let blob = try parent.repository.blobID(at: ".gitmodules", in: parent.commit) else {
            throw FetchError.limit("submodule \(path): the repository has no .gitmodules to say where it comes from")
        }
        let modules = GitModules(try parent.repository.withBlob(blob) { String(decoding: $0, as: UTF8.self) })
        guard let url = modules.url(for: path, parent: parent.url) else {
            throw FetchError.limit("submodule \(path): .gitmodules has no url for this path")
        }
        // A remote repository must not make the fetcher read repositories on its own disk.
        if RemoteURL(url).transport == .local, RemoteURL(parent.url).transport != .local {
            throw FetchError.limit("submodule \(path): local url \(RemoteURL.redact(url)) refused for a remote source")
        }
        return url
    }

    private func mirrorPath(_ url: String) -> String {
        "\(directory)/\(Digest(of: Array(url.utf8)).hex.prefix(24)).git"
    }

    private func add(_ more: FetchStats) {
        stats.receivedBytes += more.receivedBytes
        stats.receivedObjects += more.receivedObjects
        stats.updatedRefs += more.updatedRefs
    }

    private func gitStep<T>(_ url: String, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as GitError { throw FetchError.git(error, source: "\(source) submodule", url: url) }
    }
}
