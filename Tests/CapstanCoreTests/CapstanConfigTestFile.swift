#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes and removes the real files config tests load.
enum CapstanConfigTestFile {
    struct WriteError: Error {}

    static func write(_ text: String, to path: String) throws {
        guard let file = fopen(path, "w") else { throw WriteError() }
        defer { fclose(file) }
        guard fputs(text, file) >= 0 else { throw WriteError() }
    }

    static func remove(_ path: String) {
        unlink(path)
    }
}
