import CapstanCore
import Kube
import Manifests

/// Reads a bundle file's objects: a stream of JSON documents (what `kubectl`, the benchmarks and many
/// generators write) is read as JSON, in parallel; anything else by the YAML decoder, with the same result.
///
/// The JSON reading is only taken when every document is one JSON object (a line `---` between
/// documents, nothing else): JSON is YAML, and a document read either way gives the same value. A
/// document the JSON reader refuses (a comment, a key named twice, a YAML-only form) sends the whole
/// file to the YAML decoder, so its errors and semantics stay the YAML decoder's.
public enum BundleDecoding {
    /// The bundle's objects, in file order, empty documents and `{}` dropped (as `ManifestDecoder` drops them).
    public static func objects(_ bytes: [UInt8], file: String) async throws -> [JSONValue] {
        if let documents = jsonDocuments(bytes), let objects = await parseInParallel(bytes, documents) {
            return objects
        }
        return try ManifestDecoder.decode(bytes, file: file).filter { $0 != .null }
    }

    /// The byte ranges of the documents when the file is `---`-separated JSON objects; nil otherwise.
    static func jsonDocuments(_ bytes: [UInt8]) -> [Range<Int>]? {
        var documents: [Range<Int>] = []
        var documentStart = 0
        var lineStart = 0
        func close(_ end: Int) -> Bool {
            var start = documentStart
            var stop = end
            while start < stop, isSpace(bytes[start]) { start += 1 }
            while stop > start, isSpace(bytes[stop - 1]) { stop -= 1 }
            guard start < stop else { return true }
            guard bytes[start] == UInt8(ascii: "{"), bytes[stop - 1] == UInt8(ascii: "}") else { return false }
            documents.append(start..<stop)
            return true
        }
        while lineStart < bytes.count {
            var lineEnd = lineStart
            while lineEnd < bytes.count, bytes[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
            if isSeparator(bytes[lineStart..<lineEnd]) {
                guard close(lineStart) else { return nil }
                documentStart = lineEnd
            }
            lineStart = lineEnd + 1
        }
        guard close(bytes.count) else { return nil }
        return documents
    }

    /// A line `---`, optionally followed by blanks.
    static func isSeparator(_ line: ArraySlice<UInt8>) -> Bool {
        guard line.count >= 3, line.prefix(3).elementsEqual("---".utf8) else { return false }
        return line.dropFirst(3).allSatisfy(isSpace)
    }

    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    /// Each document as JSON (refusing what YAML would read differently), on every core; nil when any
    /// document is no JSON object or not read alike.
    static func parseInParallel(_ bytes: [UInt8], _ documents: [Range<Int>]) async -> [JSONValue]? {
        let parser = FastJSONParser(matchingYAML: true)
        let chunkCount = documents.count < 64 ? 1 : 4
        let chunkSize = (documents.count + chunkCount - 1) / max(1, chunkCount)
        return await withTaskGroup(of: (Int, [JSONValue]?).self) { group in
            for chunk in 0..<chunkCount {
                let range = documents[min(documents.count, chunk * chunkSize)..<min(documents.count, (chunk + 1) * chunkSize)]
                group.addTask {
                    var objects: [JSONValue] = []
                    objects.reserveCapacity(range.count)
                    for document in range {
                        guard let value = try? parser.parse(bytes[document]), case .object(let members) = value else { return (chunk, nil) }
                        if !members.isEmpty { objects.append(value) }
                    }
                    return (chunk, objects)
                }
            }
            var parts = [[JSONValue]?](repeating: nil, count: chunkCount)
            for await (chunk, objects) in group {
                guard let objects else { return nil }
                parts[chunk] = objects
            }
            return parts.flatMap { $0! }
        }
    }
}
