import CGit2

extension Repository {
    /// Walks the tree of `commit` depth first, entries of each directory in byte order of their names.
    ///
    /// `enter` is asked about each directory path (`dir/`) and may skip it; `visit` gets every other entry.
    /// Paths start with `prefix` (a submodule's path and `/` when its tree is packed inside another).
    public func walkTree(of commit: ObjectID, prefix: String = "", enter: (String) -> Bool, visit: (TreeEntry) throws -> Void) throws {
        var oid = commit.raw
        var commitHandle: OpaquePointer?
        try check("git_commit_lookup", git_commit_lookup(&commitHandle, handle, &oid))
        defer { git_commit_free(commitHandle) }
        var tree: OpaquePointer?
        try check("git_commit_tree", git_commit_tree(&tree, commitHandle))
        defer { git_tree_free(tree) }
        try walk(tree!, prefix: prefix, enter: enter, visit: visit)
    }

    private func walk(_ tree: OpaquePointer, prefix: String, enter: (String) -> Bool, visit: (TreeEntry) throws -> Void) throws {
        let count = git_tree_entrycount(tree)
        let entries = (0..<count).map { index -> (name: [UInt8], entry: OpaquePointer) in
            let entry = git_tree_entry_byindex(tree, index)!
            return (Array(String(cString: git_tree_entry_name(entry)).utf8), entry)
        }.sorted { $0.name.lexicographicallyPrecedes($1.name) }
        for (name, entry) in entries {
            let path = prefix + String(decoding: name, as: UTF8.self)
            let id = ObjectID(git_tree_entry_id(entry).pointee)
            switch git_tree_entry_filemode(entry) {
            case GIT_FILEMODE_TREE:
                guard enter(path + "/") else { continue }
                var subtree: OpaquePointer?
                var oid = id.raw
                try check("git_tree_lookup", git_tree_lookup(&subtree, handle, &oid))
                defer { git_tree_free(subtree) }
                try walk(subtree!, prefix: path + "/", enter: enter, visit: visit)
            case GIT_FILEMODE_BLOB_EXECUTABLE: try visit(TreeEntry(path: path, kind: .file(executable: true), id: id))
            case GIT_FILEMODE_LINK: try visit(TreeEntry(path: path, kind: .symlink, id: id))
            case GIT_FILEMODE_COMMIT: try visit(TreeEntry(path: path, kind: .submodule, id: id))
            default: try visit(TreeEntry(path: path, kind: .file(executable: false), id: id))
            }
        }
    }

    /// Lends the raw bytes of blob `id` (no filters, no attributes) to `body`, then frees them.
    public func withBlob<T>(_ id: ObjectID, _ body: (UnsafeRawBufferPointer) throws -> T) throws -> T {
        var oid = id.raw
        var blob: OpaquePointer?
        try check("git_blob_lookup", git_blob_lookup(&blob, handle, &oid))
        defer { git_blob_free(blob) }
        let size = Int(git_blob_rawsize(blob))
        return try body(UnsafeRawBufferPointer(start: git_blob_rawcontent(blob), count: size))
    }

    /// The size in bytes of blob `id`, read from the object header without loading the content.
    public func blobSize(_ id: ObjectID) throws(GitError) -> Int {
        var odb: OpaquePointer?
        try check("git_repository_odb", git_repository_odb(&odb, handle))
        defer { git_odb_free(odb) }
        var size = 0
        var type = GIT_OBJECT_ANY
        var oid = id.raw
        try check("git_odb_read_header", git_odb_read_header(&size, &type, odb, &oid))
        return size
    }
}

extension Repository {
    /// The blob at `path` in the tree of `commit`, or nil when there is none (or it is not a blob).
    public func blobID(at path: String, in commit: ObjectID) throws(GitError) -> ObjectID? {
        var oid = commit.raw
        var commitHandle: OpaquePointer?
        try check("git_commit_lookup", git_commit_lookup(&commitHandle, handle, &oid))
        defer { git_commit_free(commitHandle) }
        var tree: OpaquePointer?
        try check("git_commit_tree", git_commit_tree(&tree, commitHandle))
        defer { git_tree_free(tree) }
        var entry: OpaquePointer?
        guard git_tree_entry_bypath(&entry, tree, path) == 0 else { return nil }
        defer { git_tree_entry_free(entry) }
        guard git_tree_entry_type(entry) == GIT_OBJECT_BLOB else { return nil }
        return ObjectID(git_tree_entry_id(entry).pointee)
    }
}
