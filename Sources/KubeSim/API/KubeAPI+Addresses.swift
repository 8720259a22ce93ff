import CapstanCore
import NIOConcurrencyHelpers

extension KubeAPI {
    static func isService(_ type: ResourceType) -> Bool { type.group == "" && type.kind == "Service" }

    /// Service creates run one at a time, so two never pick the same free address; returns the held lock.
    func lockForAddresses(_ type: ResourceType) -> NIOLock? {
        guard Self.isService(type) else { return nil }
        addressLock.lock()
        return addressLock
    }

    /// Cluster IPs and node ports of every stored Service (call with the address lock held, outside store writes).
    func addressesInUse() -> ServiceAddresses.InUse {
        let services = store.list("/services", namespace: nil).items.map(\.object)
        return ServiceAddresses.InUse(services)
    }

    func assignAddresses(_ object: inout JSONValue, _ type: ResourceType, name: String) throws(APIStatus) {
        guard Self.isService(type) else { return }
        try ServiceAddresses.assign(&object, inUse: addressesInUse(), type: type, name: name)
    }

    func keepAddresses(_ object: inout JSONValue, old: JSONValue, _ type: ResourceType, name: String) throws(APIStatus) {
        guard Self.isService(type) else { return }
        try ServiceAddresses.keepAllocated(&object, old: old, type: type, name: name)
    }
}
