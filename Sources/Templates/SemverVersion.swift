/// A Masterminds/semver v3 version, as Sprig's `semver` returns it (*semver.Version).
final class SemverVersion: GoObject, @unchecked Sendable {
    // Immutable after parsing.
    let major: UInt64, minor: UInt64, patch: UInt64
    let prerelease: String, metadata: String, original: String

    init(major: UInt64, minor: UInt64, patch: UInt64, prerelease: String, metadata: String, original: String) {
        self.major = major
        self.minor = minor
        self.patch = patch
        self.prerelease = prerelease
        self.metadata = metadata
        self.original = original
    }

    struct Invalid: Error {}

    /// semver.NewVersion: optional `v`, missing minor/patch default to 0.
    static func parse(_ text: String) throws(Invalid) -> SemverVersion {
        var rest = Substring(text)
        if rest.hasPrefix("v") { rest = rest.dropFirst() }
        var metadata = ""
        if let plus = rest.firstIndex(of: "+") {
            metadata = String(rest[rest.index(after: plus)...])
            rest = rest[..<plus]
            guard !metadata.isEmpty, metadata.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(validIdent) else { throw Invalid() }
        }
        var prerelease = ""
        if let dash = rest.firstIndex(of: "-") {
            prerelease = String(rest[rest.index(after: dash)...])
            rest = rest[..<dash]
            guard !prerelease.isEmpty, prerelease.split(separator: ".", omittingEmptySubsequences: false).allSatisfy(validIdent) else { throw Invalid() }
        }
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...3).contains(parts.count) else { throw Invalid() }
        var numbers: [UInt64] = []
        for part in parts {
            guard !part.isEmpty, part.allSatisfy({ $0.isASCII && $0.isNumber }), let n = UInt64(part) else { throw Invalid() }
            numbers.append(n)
        }
        while numbers.count < 3 { numbers.append(0) }
        return SemverVersion(major: numbers[0], minor: numbers[1], patch: numbers[2], prerelease: prerelease,
                             metadata: metadata, original: text)
    }

    static func validIdent(_ s: Substring) -> Bool {
        !s.isEmpty && s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-") }
    }

    var goTypeName: String { "*semver.Version" }
    var goKind: String { "ptr" }

    var stringForm: String? {
        var s = "\(major).\(minor).\(patch)"
        if !prerelease.isEmpty { s += "-" + prerelease }
        if !metadata.isEmpty { s += "+" + metadata }
        return s
    }

    func member(_ name: String) -> Member? {
        func method(_ body: @escaping @Sendable (SemverVersion) -> Value) -> Member {
            .method(TemplateFunction([]) { [self] _, _ in body(self) })
        }
        func compare(_ body: @escaping @Sendable (Int) -> Value) -> Member {
            .method(TemplateFunction([.any]) { [self] _, a throws(FunctionError) in
                guard case .object(let o) = a[0], let other = o as? SemverVersion else {
                    throw FunctionError("wrong type for value; expected *semver.Version; got \(a[0].typeName)")
                }
                return body(self.compare(other))
            })
        }
        switch name {
        case "Major": return method { .int(Int64($0.major), .uint64) }
        case "Minor": return method { .int(Int64($0.minor), .uint64) }
        case "Patch": return method { .int(Int64($0.patch), .uint64) }
        case "Prerelease": return method { .string($0.prerelease) }
        case "Metadata": return method { .string($0.metadata) }
        case "Original": return method { .string($0.original) }
        case "String": return method { .string($0.stringForm ?? "") }
        case "Compare": return compare { .int(Int64($0), .int) }
        case "LessThan": return compare { .bool($0 < 0) }
        case "GreaterThan": return compare { .bool($0 > 0) }
        case "Equal": return compare { .bool($0 == 0) }
        default: return nil
        }
    }

    /// Semantic Versioning 2.0 precedence (metadata ignored).
    func compare(_ o: SemverVersion) -> Int {
        for (a, b) in [(major, o.major), (minor, o.minor), (patch, o.patch)] where a != b { return a < b ? -1 : 1 }
        if prerelease == o.prerelease { return 0 }
        if prerelease.isEmpty { return 1 }
        if o.prerelease.isEmpty { return -1 }
        let p1 = prerelease.split(separator: "."), p2 = o.prerelease.split(separator: ".")
        for (a, b) in zip(p1, p2) where a != b {
            let n1 = UInt64(a), n2 = UInt64(b)
            switch (n1, n2) {
            case let (x?, y?): return x < y ? -1 : 1
            case (_?, nil): return -1
            case (nil, _?): return 1
            default: return a < b ? -1 : 1
            }
        }
        return p1.count == p2.count ? 0 : (p1.count < p2.count ? -1 : 1)
    }
}
