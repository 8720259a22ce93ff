import Foundation
import Version

/// A SemVer range as npm and Flux write it (`>=1.2.0 <2.0.0`, `~1.4`, `^1.2`, `1.x`, `1.0.0 - 2.0.0`,
/// alternatives joined by `||`), choosing the highest matching tag.
///
/// A pre-release version matches only when a comparator of the same alternative names a pre-release.
public struct SemverRange: Sendable, CustomStringConvertible {
    /// One bound.
    struct Comparator: Sendable {
        enum Operator: Sendable { case less, lessOrEqual, greater, greaterOrEqual, equal }
        let op: Operator
        let version: Version

        func admits(_ candidate: Version) -> Bool {
            switch op {
            case .less: candidate < version
            case .lessOrEqual: candidate <= version
            case .greater: candidate > version
            case .greaterOrEqual: candidate >= version
            case .equal: candidate == version
            }
        }
    }

    let alternatives: [[Comparator]]
    public let description: String

    /// Parses `text`; nil when it is not a range.
    public init?(_ text: String) {
        var alternatives: [[Comparator]] = []
        for part in text.components(separatedBy: "||") {
            guard let set = SemverRange.parseSet(part) else { return nil }
            alternatives.append(set)
        }
        guard !alternatives.isEmpty else { return nil }
        self.alternatives = alternatives
        description = text
    }

    /// True when `version` lies in the range under the pre-release rule.
    public func contains(_ version: Version) -> Bool {
        alternatives.contains { set in
            let prereleaseAllowed = version.prereleaseIdentifiers.isEmpty || set.contains { !$0.version.prereleaseIdentifiers.isEmpty }
            return prereleaseAllowed && set.allSatisfy { $0.admits(version) }
        }
    }

    /// The highest of `tags` (with or without a leading `v`) in the range, with its tag name.
    public func highest(of tags: [String]) -> (tag: String, version: Version)? {
        tags.compactMap { tag in SemverRange.version(ofTag: tag).map { (tag, $0) } }
            .filter { contains($0.1) }
            .max { $0.1 < $1.1 || ($0.1 == $1.1 && $0.0 < $1.0) }
    }

    /// The version a tag names: `v1.2.3` or `1.2.3`, full three-part SemVer only.
    public static func version(ofTag tag: String) -> Version? {
        Version(tag.hasPrefix("v") || tag.hasPrefix("V") ? String(tag.dropFirst()) : tag)
    }
}
