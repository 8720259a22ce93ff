/// A parsed `labelSelector` query: every requirement must hold.
struct LabelSelector: Sendable {
    enum Requirement: Sendable {
        case equals(String, String), notEquals(String, String), isIn(String, Set<String>), notIn(String, Set<String>)
        case exists(String), doesNotExist(String)
    }

    var requirements: [Requirement]

    init(parsing text: String) throws(APIStatus) {
        requirements = []
        var rest = Substring(text)
        while true {
            rest = rest.drop { $0 == " " }
            if rest.isEmpty { break }
            requirements.append(try Self.requirement(&rest, original: text))
            rest = rest.drop { $0 == " " }
            guard !rest.isEmpty else { break }
            guard rest.first == "," else { throw Self.invalid(text) }
            rest = rest.dropFirst()
        }
    }

    func matches(_ labels: [String: String]) -> Bool {
        requirements.allSatisfy { requirement in
            switch requirement {
            case .equals(let key, let value): labels[key] == value
            case .notEquals(let key, let value): labels[key] != value
            case .isIn(let key, let values): labels[key].map(values.contains) ?? false
            case .notIn(let key, let values): labels[key].map { !values.contains($0) } ?? true
            case .exists(let key): labels[key] != nil
            case .doesNotExist(let key): labels[key] == nil
            }
        }
    }

    private static func requirement(_ rest: inout Substring, original: String) throws(APIStatus) -> Requirement {
        if rest.first == "!" {
            rest = rest.dropFirst()
            return .doesNotExist(token(&rest))
        }
        let key = token(&rest)
        guard !key.isEmpty else { throw invalid(original) }
        rest = rest.drop { $0 == " " }
        for (op, make) in [("==", Requirement.equals), ("!=", Requirement.notEquals), ("=", Requirement.equals)] {
            if rest.hasPrefix(op) {
                rest = rest.dropFirst(op.count).drop { $0 == " " }
                return make(key, token(&rest))
            }
        }
        for (word, negated) in [("notin", true), ("in", false)] where rest.hasPrefix(word) {
            rest = rest.dropFirst(word.count).drop { $0 == " " }
            guard rest.first == "(", let close = rest.firstIndex(of: ")") else { throw invalid(original) }
            let values = Set(rest[rest.index(after: rest.startIndex)..<close].split(separator: ",").map {
                $0.trimmingCharacters(in: " ")
            })
            rest = rest[rest.index(after: close)...]
            return negated ? .notIn(key, values) : .isIn(key, values)
        }
        return .exists(key)
    }

    private static func token(_ rest: inout Substring) -> String {
        let value = rest.prefix { !" ,=!()".contains($0) }
        rest = rest.dropFirst(value.count)
        return String(value)
    }

    private static func invalid(_ text: String) -> APIStatus {
        APIStatus.badRequest("unable to parse requirement: found '\(text)', expected: identifier")
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in set: String) -> String {
        String(drop { set.contains($0) }.reversed().drop { set.contains($0) }.reversed())
    }
}
