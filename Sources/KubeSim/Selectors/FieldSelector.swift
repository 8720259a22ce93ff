import CapstanCore

/// A parsed `fieldSelector` query over dotted field paths (`metadata.name=x,status.phase!=Running`).
struct FieldSelector: Sendable {
    var requirements: [(path: [String], value: String, negated: Bool)] = []

    init(parsing text: String) throws(APIStatus) {
        for term in text.split(separator: ",") where !term.isEmpty {
            let negated = term.contains("!=")
            let separator = negated ? "!=" : (term.contains("==") ? "==" : "=")
            guard let range = term.range(of: separator) else {
                throw APIStatus.badRequest("invalid selector: '\(text)'; can't understand '\(term)'")
            }
            let field = term[..<range.lowerBound]
            requirements.append((field.split(separator: ".").map(String.init), String(term[range.upperBound...]), negated))
        }
    }

    func matches(_ object: JSONValue) -> Bool {
        requirements.allSatisfy { requirement in
            let actual: String
            switch object.value(at: requirement.path) {
            case .string(let text)?: actual = text
            case .int(let number)?: actual = String(number)
            case .bool(let flag)?: actual = String(flag)
            default: actual = ""
            }
            return (actual == requirement.value) != requirement.negated
        }
    }
}
