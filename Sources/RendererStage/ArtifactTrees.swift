import Archive
import CapstanCore
import Foundation
import Messaging

/// Unpacked artifacts under `<data>/trees/<hex>`: fetched from whichever upstream fetcher serves
/// the digest, verified, unpacked on a thread of their own (refusing entries that escape), shared
/// by every app of the revision, and removed once no render uses them and no source points at them.
actor ArtifactTrees {
    let directory: String
    let clients: [RequestClient]
    let limits: UnpackLimits
    private var loading: [Digest: Task<String, any Error>] = [:]
    private var users: [Digest: Int] = [:]

    init(directory: String, clients: [RequestClient], limits: UnpackLimits) throws {
        self.directory = directory
        self.clients = clients
        self.limits = limits
        // Trees are cheap to remake and a crash may have left half of one: start clean.
        try? FileManager.default.removeItem(atPath: "\(directory)/trees")
        try? FileManager.default.removeItem(atPath: "\(directory)/downloads")
        for sub in ["trees", "downloads"] {
            try FileManager.default.createDirectory(atPath: "\(directory)/\(sub)", withIntermediateDirectories: true,
                                                    attributes: [.posixPermissions: 0o700])
        }
    }

    /// The unpacked tree of `artifact`, fetched and unpacked once however many apps ask; the
    /// caller renders from it and then calls `release`.
    func acquire(_ artifact: Digest) async throws -> String {
        users[artifact, default: 0] += 1
        do {
            return try await path(of: artifact)
        } catch {
            release(artifact)
            throw error
        }
    }

    func release(_ artifact: Digest) {
        users[artifact, default: 1] -= 1
        if users[artifact] == 0 { users[artifact] = nil }
    }

    /// Removes every tree that no render uses and that is not in `keeping`.
    func prune(keeping: Set<Digest>) {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: "\(directory)/trees")) ?? []
        for name in names {
            guard let digest = Digest("sha256:\(name)"), !keeping.contains(digest), users[digest] == nil, loading[digest] == nil else { continue }
            try? FileManager.default.removeItem(atPath: "\(directory)/trees/\(name)")
        }
    }

    private func path(of artifact: Digest) async throws -> String {
        let tree = "\(directory)/trees/\(artifact.hex)"
        if FileManager.default.fileExists(atPath: tree) { return tree }
        if let task = loading[artifact] { return try await task.value }
        let task = Task { [directory, clients, limits] in
            try await Self.load(artifact, into: tree, directory: directory, clients: clients, limits: limits)
        }
        loading[artifact] = task
        defer { loading[artifact] = nil }
        return try await task.value
    }

    private static func load(_ artifact: Digest, into tree: String, directory: String, clients: [RequestClient], limits: UnpackLimits) async throws -> String {
        let archive = "\(directory)/downloads/\(artifact.hex).tar.gz"
        try await download(artifact, to: archive, clients: clients, maxBytes: limits.maxBytes)
        let staging = "\(directory)/trees/.unpack-\(artifact.hex)-\(UUID().uuidString)"
        defer {
            try? FileManager.default.removeItem(atPath: archive)
            try? FileManager.default.removeItem(atPath: staging)
        }
        try await BlockingThread.run(name: "unpack") {
            do {
                try ArchiveUnpacker.unpack(archive, into: staging, digest: artifact, limits: limits)
            } catch {
                throw TreeError.unpack(artifact: artifact, reason: "\(error)")
            }
            try FileManager.default.moveItem(atPath: staging, toPath: tree)
        }
        return tree
    }

    /// GETs the artifact from the first upstream to answer with it (all are asked at once, so a
    /// down fetcher costs nothing while another serves the digest); the bytes are verified on receipt.
    private static func download(_ artifact: Digest, to path: String, clients: [RequestClient], maxBytes: Int) async throws {
        guard !clients.isEmpty else { throw TreeError.fetch(artifact: artifact, reason: "no upstream fetcher is configured") }
        do {
            try await RequestClient.get(artifact, to: path, fromFirstOf: clients, maxBytes: maxBytes)
        } catch .unavailable(_, let reasons) {
            throw TreeError.fetch(artifact: artifact, reason: reasons.joined(separator: "; "))
        } catch {
            throw TreeError.fetch(artifact: artifact, reason: "\(error)")
        }
    }
}
