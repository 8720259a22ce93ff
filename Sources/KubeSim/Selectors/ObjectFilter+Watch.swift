extension ObjectFilter {
    /// A store event as a filtered watch sees it, as the API server's watch cache does: an object that starts
    /// matching arrives as ADDED, one that stops matching leaves as DELETED (with its new state), others are dropped.
    func translate(_ event: WatchEvent) -> WatchEvent? {
        let now = matches(event.object)
        guard event.kind == .modified, let previous = event.previous else { return now ? event : nil }
        var translated = event
        switch (matches(previous), now) {
        case (true, true): return event
        case (false, true): translated.kind = .added
        case (true, false): translated.kind = .deleted
        case (false, false): return nil
        }
        return translated
    }
}
