import ZeroMQ

extension Transport {
    /// A tuned server socket bound to `endpoint`: CURVE server under the ZAP domain, or plain
    /// text that leaves loopback only with `insecure: true`. Call on the socket's own thread.
    func bindSocket(_ type: SocketType, to endpoint: String) throws -> Socket {
        if case .plain(let insecure) = security, !Self.isLoopback(endpoint) {
            guard insecure else { throw TransportError.insecureBind(endpoint: endpoint) }
            logger.warning("binding without encryption outside loopback", metadata: ["endpoint": "\(endpoint)"])
        }
        do {
            let socket = try Socket(context, type: type)
            try tuning.apply(to: socket)
            if case .curve(let curve) = security {
                try socket.setZAPDomain(Self.zapDomain)
                try socket.setCurveServer(secretKey: curve.keyPair.secretKey)
            }
            if type == .router { try socket.setRouterMandatory(true) }
            try socket.bind(endpoint)
            return socket
        } catch {
            throw TransportError.zeroMQ(error, endpoint: endpoint)
        }
    }

    /// A tuned client socket connecting to `endpoint`, a CURVE client of `serverKey` when CURVE is on.
    func connectSocket(_ type: SocketType, to endpoint: String, serverKey: String?) throws -> Socket {
        if case .curve = security, serverKey == nil { throw TransportError.missingServerKey(endpoint: endpoint) }
        do {
            let socket = try Socket(context, type: type)
            try tuning.apply(to: socket)
            if case .curve(let curve) = security, let serverKey {
                try socket.setCurveClient(serverKey: serverKey, publicKey: curve.keyPair.publicKey, secretKey: curve.keyPair.secretKey)
            }
            // No IMMEDIATE here: a reopened Lazy Pirate DEALER sends at once, before its TCP
            // connection exists; queued on the new pipe, the request leaves as soon as it connects.
            try socket.connect(endpoint)
            return socket
        } catch {
            throw TransportError.zeroMQ(error, endpoint: endpoint)
        }
    }

    /// inproc, ipc and tcp on 127.0.0.0/8, ::1 or localhost stay on this machine.
    static func isLoopback(_ endpoint: String) -> Bool {
        if endpoint.hasPrefix("inproc://") || endpoint.hasPrefix("ipc://") { return true }
        guard endpoint.hasPrefix("tcp://") else { return false }
        let address = endpoint.dropFirst(6)
        let host: Substring
        if address.hasPrefix("["), let close = address.firstIndex(of: "]") {
            host = address[address.index(after: address.startIndex)..<close]
        } else {
            host = address.split(separator: ":", maxSplits: 1).first ?? ""
        }
        return host == "localhost" || host == "::1" || host.hasPrefix("127.")
    }
}
