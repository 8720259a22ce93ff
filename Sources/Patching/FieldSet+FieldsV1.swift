import CapstanCore

extension FieldSet {
    /// Reads the FieldsV1 trie of a managedFields entry (`{"f:spec":{"f:replicas":{}}}`); an empty
    /// object at the root is the empty set.
    public init(fieldsV1: JSONValue) {
        self.init()
        guard case .object(let members) = fieldsV1, !members.isEmpty else { return }
        self = FieldSet(node: members)
    }

    /// A trie node: `{}` is a leaf member, `"."` marks a member with children.
    private init(node members: [String: JSONValue]) {
        self.init(isMember: members.isEmpty)
        children.reserveCapacity(members.count)
        for (key, value) in members {
            if key == "." {
                isMember = true
            } else {
                children[key] = FieldSet(node: value.objectValue ?? [:])
            }
        }
    }

    /// The FieldsV1 trie: `{}` for a leaf member, `".": {}` for a member that has children.
    public var fieldsV1: JSONValue {
        var members: [String: JSONValue] = [:]
        members.reserveCapacity(children.count + 1)
        if isMember, !children.isEmpty { members["."] = .object([:]) }
        for (key, child) in children { members[key] = child.fieldsV1 }
        return .object(members)
    }

    /// A path as structured-merge-diff prints it in conflict messages:
    /// `.spec.template.spec.containers[name="web"].ports[containerPort=80,protocol="TCP"].containerPort`.
    public static func describe(_ path: [String]) -> String {
        var text = ""
        for element in path { text += describe(element: element) }
        return text
    }

    static func describe(element: String) -> String {
        let body = String(element.dropFirst(2))
        switch element.prefix(2) {
        case "f:": return "." + body
        case "i:": return "[" + body + "]"
        case "v:": return "[=" + body + "]"
        case "k:":
            guard let keys = try? JSONValue.parse(body), case .object(let fields) = keys else { return "[" + body + "]" }
            let parts = fields.keys.sorted(by: JSONValue.utf8Less).map { "\($0)=\(fields[$0]!.serialized())" }
            return "[" + parts.joined(separator: ",") + "]"
        default: return element
        }
    }
}
