import CapstanCore

/// RFC 6902 JSON patch (`application/json-patch+json`): add, remove, replace, move, copy and test
/// operations addressed by JSON pointers; errors name the operation index and path.
public enum JSONPatch {
    /// `document` after every operation of `patch` (a JSON array of operation objects), in order.
    public static func apply(_ patch: JSONValue, to document: JSONValue) throws(PatchError) -> JSONValue {
        guard case .array(let operations) = patch else {
            throw PatchError(path: "", reason: "a JSON patch must be an array of operations", isMalformed: true)
        }
        var document = document
        for (index, operation) in operations.enumerated() {
            try apply(operation, index: index, to: &document)
        }
        return document
    }

    private static func apply(_ operation: JSONValue, index: Int, to document: inout JSONValue)
        throws(PatchError)
    {
        let rawPath = operation["path"]?.stringValue
        func fail(_ reason: String, malformed: Bool = false) -> PatchError {
            PatchError(operationIndex: index, path: rawPath ?? "", reason: reason, isMalformed: malformed)
        }
        guard case .object = operation, let op = operation["op"]?.stringValue else {
            throw fail("operation has no \"op\" member", malformed: true)
        }
        guard let rawPath, let path = JSONPointer(rawPath) else {
            throw fail("\"path\" is missing or not a JSON pointer", malformed: true)
        }
        let value = operation.objectValue?["value"]
        if ["add", "replace", "test"].contains(op), value == nil {
            throw fail("\"\(op)\" needs a \"value\" member", malformed: true)
        }
        var source: JSONPointer?
        if op == "move" || op == "copy" {
            guard let text = operation["from"]?.stringValue, let pointer = JSONPointer(text) else {
                throw fail("\"\(op)\" needs a \"from\" JSON pointer", malformed: true)
            }
            if op == "move", path.tokens.count > pointer.tokens.count,
                Array(path.tokens.prefix(pointer.tokens.count)) == pointer.tokens
            {
                throw fail("cannot move a value into one of its own children", malformed: true)
            }
            source = pointer
        }
        do throws(PointerFailure) {
            try perform(op, path: path, value: value ?? .null, from: source, on: &document)
        } catch {
            throw fail(error.reason, malformed: error.isMalformed)
        }
    }

    private static func perform(_ op: String, path: JSONPointer, value: JSONValue, from: JSONPointer?, on document: inout JSONValue)
        throws(PointerFailure)
    {
        let tokens = path.tokens[...]
        switch op {
        case "add": try PointerEdit.add(value, at: tokens, in: &document)
        case "remove": _ = try PointerEdit.remove(at: tokens, in: &document)
        case "replace": try PointerEdit.replace(with: value, at: tokens, in: &document)
        case "move":
            let moved = try PointerEdit.remove(at: from!.tokens[...], in: &document)
            try PointerEdit.add(moved, at: tokens, in: &document)
        case "copy":
            try PointerEdit.add(try PointerEdit.value(at: from!.tokens[...], in: document), at: tokens, in: &document)
        case "test":
            guard JSONEquality.equal(try PointerEdit.value(at: tokens, in: document), value) else {
                throw PointerFailure(reason: "test failed: the value differs")
            }
        default:
            throw PointerFailure(reason: "unknown operation \"\(op)\"", isMalformed: true)
        }
    }
}

/// Why a pointer could not be followed or edited.
struct PointerFailure: Error {
    let reason: String
    var isMalformed = false
}

/// Edits a JSON document at a pointer, in place.
enum PointerEdit {
    static func value(at tokens: ArraySlice<String>, in document: JSONValue) throws(PointerFailure) -> JSONValue {
        var current = document
        for token in tokens {
            switch current {
            case .object(let members):
                guard let next = members[token] else { throw PointerFailure(reason: "member \"\(token)\" does not exist") }
                current = next
            case .array(let items):
                guard let index = JSONPointer.index(token), index < items.count else {
                    throw PointerFailure(reason: "array index \"\(token)\" is out of range")
                }
                current = items[index]
            default:
                throw PointerFailure(reason: "cannot descend into a scalar at \"\(token)\"")
            }
        }
        return current
    }

    static func add(_ value: JSONValue, at tokens: ArraySlice<String>, in document: inout JSONValue)
        throws(PointerFailure)
    {
        guard let last = tokens.last else {
            document = value
            return
        }
        try withParent(tokens.dropLast(), in: &document) { (parent: inout JSONValue) throws(PointerFailure) in
            switch parent {
            case .object(var members):
                parent = .null
                members[last] = value
                parent = .object(members)
            case .array(var items):
                let index = last == "-" ? items.count : JSONPointer.index(last)
                guard let index, index <= items.count else {
                    throw PointerFailure(reason: "array index \"\(last)\" is out of range")
                }
                parent = .null
                items.insert(value, at: index)
                parent = .array(items)
            default:
                throw PointerFailure(reason: "the parent of \"\(last)\" is not an object or array")
            }
        }
    }

    static func remove(at tokens: ArraySlice<String>, in document: inout JSONValue) throws(PointerFailure) -> JSONValue {
        guard let last = tokens.last else { throw PointerFailure(reason: "cannot remove the whole document") }
        var removed = JSONValue.null
        try withParent(tokens.dropLast(), in: &document) { (parent: inout JSONValue) throws(PointerFailure) in
            switch parent {
            case .object(var members):
                guard let value = members.removeValue(forKey: last) else {
                    throw PointerFailure(reason: "member \"\(last)\" does not exist")
                }
                removed = value
                parent = .object(members)
            case .array(var items):
                guard let index = JSONPointer.index(last), index < items.count else {
                    throw PointerFailure(reason: "array index \"\(last)\" is out of range")
                }
                removed = items.remove(at: index)
                parent = .array(items)
            default:
                throw PointerFailure(reason: "the parent of \"\(last)\" is not an object or array")
            }
        }
        return removed
    }

    static func replace(with value: JSONValue, at tokens: ArraySlice<String>, in document: inout JSONValue)
        throws(PointerFailure)
    {
        guard !tokens.isEmpty else {
            document = value
            return
        }
        _ = try remove(at: tokens, in: &document)
        try add(value, at: tokens, in: &document)
    }

    private static func withParent(
        _ tokens: ArraySlice<String>, in document: inout JSONValue,
        _ body: (inout JSONValue) throws(PointerFailure) -> Void
    ) throws(PointerFailure) {
        guard let first = tokens.first else {
            try body(&document)
            return
        }
        switch document {
        case .object(var members):
            guard var child = members[first] else { throw PointerFailure(reason: "member \"\(first)\" does not exist") }
            document = .null
            members[first] = .null
            defer { document = .object(members) }
            try withParent(tokens.dropFirst(), in: &child, body)
            members[first] = child
        case .array(var items):
            guard let index = JSONPointer.index(first), index < items.count else {
                throw PointerFailure(reason: "array index \"\(first)\" is out of range")
            }
            var child = items[index]
            document = .null
            items[index] = .null
            defer { document = .array(items) }
            try withParent(tokens.dropFirst(), in: &child, body)
            items[index] = child
        default:
            throw PointerFailure(reason: "cannot descend into a scalar at \"\(first)\"")
        }
    }
}

/// JSON equality as RFC 6902 `test` defines it: numbers compare by value (`1` equals `1.0`).
enum JSONEquality {
    static func equal(_ lhs: JSONValue, _ rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.int(let a), .double(let b)): return Double(a) == b
        case (.double(let a), .int(let b)): return a == Double(b)
        case (.array(let a), .array(let b)):
            return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
        case (.object(let a), .object(let b)):
            return a.count == b.count && a.allSatisfy { key, value in b[key].map { equal(value, $0) } ?? false }
        default: return lhs == rhs
        }
    }
}
