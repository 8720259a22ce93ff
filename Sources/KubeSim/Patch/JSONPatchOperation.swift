import Foundation
import CapstanCore

/// One RFC 6902 operation over a JSON document.
struct JSONPatchOperation {
    var op: String
    var path: [String]
    var from: [String]
    var value: JSONValue?

    init(_ operation: JSONValue) throws(APIStatus) {
        guard let op = operation["op"]?.stringValue, let path = operation["path"]?.stringValue else {
            throw APIStatus(code: 422, reason: "Invalid", message: "the server rejected our request due to an error in our request")
        }
        self.op = op
        self.path = try Self.pointer(path)
        self.from = try Self.pointer(operation["from"]?.stringValue ?? "")
        self.value = operation["value"]
    }

    static func pointer(_ text: String) throws(APIStatus) -> [String] {
        if text.isEmpty { return [] }
        guard text.hasPrefix("/") else { throw APIStatus.badRequest("invalid JSON pointer \"\(text)\"") }
        return text.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    func apply(to document: inout JSONValue) throws(APIStatus) {
        switch op {
        case "add": try Self.insert(value ?? .null, at: path, in: &document, replacing: false)
        case "replace":
            _ = try Self.remove(path, from: &document)
            try Self.insert(value ?? .null, at: path, in: &document, replacing: false)
        case "remove": _ = try Self.remove(path, from: &document)
        case "move":
            let moved = try Self.remove(from, from: &document)
            try Self.insert(moved, at: path, in: &document, replacing: false)
        case "copy": try Self.insert(try Self.get(from, in: document), at: path, in: &document, replacing: false)
        case "test":
            guard try Self.get(path, in: document) == (value ?? .null) else {
                throw APIStatus(code: 422, reason: "Invalid", message: "the server rejected our request due to an error in our request")
            }
        default: throw APIStatus.badRequest("Unexpected kind: \(op)")
        }
    }

    static func get(_ path: [String], in document: JSONValue) throws(APIStatus) -> JSONValue {
        var current = document
        for key in path {
            switch current {
            case .object(let members) where members[key] != nil: current = members[key]!
            case .array(let elements) where Int(key).map({ elements.indices.contains($0) }) == true: current = elements[Int(key)!]
            default: throw missing(path)
            }
        }
        return current
    }

    static func insert(_ value: JSONValue, at path: [String], in document: inout JSONValue, replacing: Bool) throws(APIStatus) {
        guard let key = path.first else {
            document = value
            return
        }
        let rest = Array(path.dropFirst())
        switch document {
        case .object(var members):
            if rest.isEmpty {
                members[key] = value
            } else {
                guard var child = members[key] else { throw missing(path) }
                try insert(value, at: rest, in: &child, replacing: replacing)
                members[key] = child
            }
            document = .object(members)
        case .array(var elements):
            let index = key == "-" ? elements.count : Int(key) ?? -1
            if rest.isEmpty {
                guard (0...elements.count).contains(index) else { throw missing(path) }
                elements.insert(value, at: index)
            } else {
                guard elements.indices.contains(index) else { throw missing(path) }
                try insert(value, at: rest, in: &elements[index], replacing: replacing)
            }
            document = .array(elements)
        default: throw missing(path)
        }
    }

    static func remove(_ path: [String], from document: inout JSONValue) throws(APIStatus) -> JSONValue {
        guard let key = path.first else { throw missing(path) }
        let rest = Array(path.dropFirst())
        switch document {
        case .object(var members):
            guard var child = members[key] else { throw missing(path) }
            let removed: JSONValue
            if rest.isEmpty {
                removed = child
                members[key] = nil
            } else {
                removed = try remove(rest, from: &child)
                members[key] = child
            }
            document = .object(members)
            return removed
        case .array(var elements):
            guard let index = Int(key), elements.indices.contains(index) else { throw missing(path) }
            let removed: JSONValue
            if rest.isEmpty {
                removed = elements.remove(at: index)
            } else {
                removed = try remove(rest, from: &elements[index])
            }
            document = .array(elements)
            return removed
        default: throw missing(path)
        }
    }

    static func missing(_ path: [String]) -> APIStatus {
        APIStatus(code: 422, reason: "Invalid",
                  message: "the server rejected our request due to an error in our request: doc is missing path: \"/\(path.joined(separator: "/"))\"")
    }
}
