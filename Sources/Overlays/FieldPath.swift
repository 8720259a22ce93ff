import CapstanCore

/// A dotted field path as vars and replacements write it: `spec.template.spec.containers.[name=web].image`,
/// `spec.ports[0].port`, `metadata.annotations.config\.io/x` (`\.` keeps a dot inside a key).
struct FieldPath: Sendable, Equatable, CustomStringConvertible {
    enum Element: Sendable, Equatable {
        case field(String)
        case index(Int)
        /// The list item whose `key` equals `value` (`[name=web]`), or whose scalar value does (`[=web]`).
        case match(key: String, value: String)
        /// Every item of a list (`*`).
        case wildcard
    }

    let text: String
    let elements: [Element]

    init(_ text: String) {
        self.text = text
        var elements: [Element] = []
        for part in Self.split(text, separator: ".") {
            if part == "*" {
                elements.append(.wildcard)
            } else if part.hasPrefix("[") && part.hasSuffix("]") {
                let inner = String(part.dropFirst().dropLast())
                if let equals = inner.firstIndex(of: "=") {
                    elements.append(.match(key: String(inner[..<equals]), value: String(inner[inner.index(after: equals)...])))
                } else if let index = Int(inner) {
                    elements.append(.index(index))
                } else {
                    elements.append(.field(inner))
                }
            } else if let open = part.firstIndex(of: "["), part.hasSuffix("]"), let index = Int(part[part.index(after: open)..<part.index(before: part.endIndex)]) {
                elements.append(.field(String(part[..<open])))
                elements.append(.index(index))
            } else if let index = Int(part) {
                elements.append(.index(index))
            } else {
                elements.append(.field(part))
            }
        }
        self.elements = elements
    }

    var description: String { text }

    /// Splits on `separator` but not inside brackets or after a backslash.
    static func split(_ text: String, separator: Character) -> [String] {
        var parts: [String] = []
        var current = ""
        var depth = 0
        var escaped = false
        for character in text {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == "[" {
                depth += 1
                current.append(character)
            } else if character == "]" {
                depth -= 1
                current.append(character)
            } else if character == separator && depth == 0 {
                parts.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        parts.append(current)
        return parts.filter { !$0.isEmpty }
    }

    /// The value at this path, or nil when any step is missing.
    func value(in object: JSONValue) -> JSONValue? {
        var current: [JSONValue] = [object]
        for element in elements {
            current = current.flatMap { step(element, $0) }
            if current.isEmpty { return nil }
        }
        return current.first
    }

    private func step(_ element: Element, _ node: JSONValue) -> [JSONValue] {
        switch (element, node) {
        case (.field(let name), .object(let members)): members[name].map { [$0] } ?? []
        case (.index(let index), .array(let items)): items.indices.contains(index) ? [items[index]] : []
        case (.match(let key, let value), .array(let items)):
            items.filter { key.isEmpty ? $0.scalarText == value : $0[key]?.scalarText == value }
        case (.wildcard, .array(let items)): items
        default: []
        }
    }

    /// Calls `body` on every value at this path; with `create`, missing fields are added.
    func update(_ object: inout JSONValue, create: Bool, _ body: (inout JSONValue) throws(OverlayError) -> Void) throws(OverlayError) {
        try update(elements[...], &object, create: create, body)
    }

    private func update(
        _ rest: ArraySlice<Element>, _ node: inout JSONValue, create: Bool, _ body: (inout JSONValue) throws(OverlayError) -> Void
    ) throws(OverlayError) {
        guard let element = rest.first else {
            try body(&node)
            return
        }
        let next = rest.dropFirst()
        switch (element, node) {
        case (.field(let name), .object(var members)):
            if members[name] == nil || members[name] == .null {
                guard create else { return }
                members[name] = next.isEmpty ? .null : Self.emptyContainer(for: next.first!)
            }
            node = .null
            defer { node = .object(members) }
            try update(next, &members[name]!, create: create, body)
        case (.index(let index), .array(var items)):
            guard items.indices.contains(index) else {
                throw OverlayError("index \(index) out of bounds for list of length \(items.count) in path \(text)")
            }
            node = .null
            defer { node = .array(items) }
            try update(next, &items[index], create: create, body)
        case (.match(let key, let value), .array(var items)):
            var found = false
            node = .null
            defer { node = .array(items) }
            for position in items.indices where key.isEmpty ? items[position].scalarText == value : items[position][key]?.scalarText == value {
                found = true
                try update(next, &items[position], create: create, body)
            }
            if !found && create && !key.isEmpty {
                var item: JSONValue = .object([key: .string(value)])
                try update(next, &item, create: create, body)
                items.append(item)
            }
        case (.wildcard, .array(var items)):
            node = .null
            defer { node = .array(items) }
            for position in items.indices { try update(next, &items[position], create: create, body) }
        default:
            return
        }
    }

    private static func emptyContainer(for element: Element) -> JSONValue {
        switch element {
        case .field: .object([:])
        default: .array([])
        }
    }
}
