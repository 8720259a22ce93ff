/// Checks names and values whose shape Capstan relies on (event topics, namespaces, keys).
enum ConfigNames {
    /// Nil when `name` is a DNS-1123 label (Kubernetes' rule for namespaces and many names).
    static func labelProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        func isAlphanumeric(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte) || (0x30...0x39).contains(byte) }
        let valid = !bytes.isEmpty && bytes.count <= 63 && isAlphanumeric(bytes[0]) && isAlphanumeric(bytes[bytes.count - 1])
            && bytes.allSatisfy { isAlphanumeric($0) || $0 == 0x2D }
        return valid
            ? nil
            : "\"\(name)\" is not a valid name: use at most 63 lowercase letters, digits and '-', starting and ending with a letter or digit"
    }

    /// Nil when `name` can be a `${VAR}` substitution variable (as Flux requires).
    static func variableProblem(_ name: String) -> String? {
        let valid = name.first.map { $0 == "_" || ($0.isASCII && $0.isLetter) } == true
            && name.allSatisfy { $0 == "_" || ($0.isASCII && ($0.isLetter || $0.isNumber)) }
        return valid ? nil : "\"\(name)\" is not a valid variable name: use letters, digits and '_', not starting with a digit"
    }

    /// Nil when `url` is a git location the fetcher supports.
    static func urlProblem(_ url: String) -> String? {
        let schemes = ["https://", "http://", "ssh://", "git://", "file://"]
        if schemes.contains(where: { url.hasPrefix($0) && url.count > $0.count }) { return nil }
        if url.hasPrefix("/") || url.hasPrefix("./") || url.hasPrefix("../") { return nil }
        // scp-style `user@host:path`: a colon before any slash, and no scheme.
        if !url.contains("://"), let colon = url.firstIndex(of: ":"), colon != url.startIndex,
            !url[..<colon].contains("/"), url.index(after: colon) != url.endIndex
        {
            return nil
        }
        return "unsupported git URL \"\(url)\": use https://, http://, ssh://, git://, file://, user@host:path or a local path"
    }

    /// Nil when `path` is relative and stays inside the repository.
    static func pathProblem(_ path: String) -> String? {
        if path.hasPrefix("/") { return "\"\(path)\" must be a path relative to the source's root" }
        var depth = 0
        for component in path.split(separator: "/") where component != "." {
            depth += component == ".." ? -1 : 1
            if depth < 0 { return "\"\(path)\" leaves the source's root" }
        }
        return nil
    }

    /// Nil when `endpoint` is a ZeroMQ endpoint with a transport Capstan uses.
    static func endpointProblem(_ endpoint: String) -> String? {
        let transports = ["tcp://", "ipc://", "inproc://"]
        if transports.contains(where: { endpoint.hasPrefix($0) && endpoint.count > $0.count }) { return nil }
        return "\"\(endpoint)\" is not a ZeroMQ endpoint: write it like tcp://fetcher:7401"
    }

    /// Nil when `address` is `host:port` with a port from 1 to 65535.
    static func listenProblem(_ address: String) -> String? {
        if let colon = address.lastIndex(of: ":"), let port = Int(address[address.index(after: colon)...]),
            (1...65535).contains(port)
        {
            return nil
        }
        return "\"\(address)\" is not a listen address: write it like 0.0.0.0:9401 or 127.0.0.1:9401"
    }

    /// Nil when `key` is a CURVE public key in Z85 text (40 characters).
    static func curveKeyProblem(_ key: String) -> String? {
        let alphabet = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-:+=^!/*?&<>()[]{}@%$#")
        if key.count == 40 && key.allSatisfy({ alphabet.contains($0) }) { return nil }
        return "\"\(key)\" is not a CURVE public key: expected 40 characters of Z85 text (see capstan keygen)"
    }
}
