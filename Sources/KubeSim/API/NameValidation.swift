/// The DNS-1123 name rules of the real server, with its exact messages.
enum NameValidation {
    /// Messages for an invalid name, empty when it is valid.
    static func problems(_ name: String, label: Bool) -> [String] {
        var problems: [String] = []
        let limit = label ? 63 : 253
        if name.utf8.count > limit { problems.append("must be no more than \(limit) characters") }
        if !(label ? isLabel(name) : isSubdomain(name)) {
            problems.append(label ? labelMessage : subdomainMessage)
        }
        return problems
    }

    static func isLabel(_ name: String) -> Bool {
        let bytes = Array(name.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        return isAlnum(first) && isAlnum(last) && bytes.allSatisfy { isAlnum($0) || $0 == UInt8(ascii: "-") }
    }

    static func isSubdomain(_ name: String) -> Bool {
        !name.isEmpty && name.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isLabel(String($0)) }
    }

    private static func isAlnum(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    static let labelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
        + "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for "
        + "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    static let subdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
        + "'-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for "
        + "validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"

    /// Kinds whose names must be DNS labels rather than subdomains.
    static func usesLabel(_ type: ResourceType) -> Bool {
        type.group.isEmpty && ["namespaces", "services"].contains(type.plural)
    }
}
