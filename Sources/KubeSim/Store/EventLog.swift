/// The most recent store events in a ring, so a watch can resume from a recent resourceVersion.
struct EventLog {
    let capacity: Int
    /// Every event with a resourceVersion above `start` is still in the log.
    private(set) var start: Int64
    private var ring: [WatchEvent] = []
    private var head = 0

    init(capacity: Int, start: Int64) {
        self.capacity = capacity
        self.start = start
    }

    mutating func append(_ event: WatchEvent) {
        if ring.count < capacity {
            ring.append(event)
            return
        }
        start = ring[head].resourceVersion
        ring[head] = event
        head = (head + 1) % capacity
    }

    /// The events after `resourceVersion`, oldest first.
    func events(after resourceVersion: Int64) -> [WatchEvent] {
        let ordered = ring.count < capacity ? ring : Array(ring[head...] + ring[..<head])
        guard let first = ordered.firstIndex(where: { $0.resourceVersion > resourceVersion }) else { return [] }
        return Array(ordered[first...])
    }
}
