/// The events a subscriber delivers, one by one, while its socket thread hands them over in
/// batches: one consumer wake-up per batch instead of one per event.
public struct EventStream: AsyncSequence, Sendable {
    public typealias Element = Event
    let batches: AsyncStream<[Event]>

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(batches: batches.makeAsyncIterator())
    }

    /// Walks each batch before waiting for the next one.
    public struct AsyncIterator: AsyncIteratorProtocol {
        var batches: AsyncStream<[Event]>.AsyncIterator
        var batch: [Event] = []
        var index = 0

        public mutating func next() async -> Event? {
            while index == batch.count {
                guard let next = await batches.next() else { return nil }
                batch = next
                index = 0
            }
            defer { index += 1 }
            return batch[index]
        }
    }
}
