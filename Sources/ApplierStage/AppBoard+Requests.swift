import CapstanCore

extension AppBoard {
    /// Records a `bundle.<app>` announcement; false when the app is not this shard's or the bundle is not new.
    @discardableResult
    public func offer(_ bundle: BundleOffer) -> Bool {
        guard doorbell(bundle.app) != nil else {
            foreignOffers.withLock { $0[bundle.app] = bundle.digest }
            return false
        }
        return mutate(bundle.app, ring: true) { state -> Bool in
            guard state.offer?.digest != bundle.digest else { return false }
            state.offer = bundle
            return true
        } ?? false
    }

    /// TRIGGER: reconcile now; false for an app this shard does not own.
    public func trigger(_ app: String) -> Bool {
        mutate(app, ring: true) { state -> Bool in
            state.work.triggered = true
            return true
        } ?? false
    }

    /// SUSPEND (true) or RESUME (false): takes effect at once, and is recorded in the cluster by the worker.
    public func setSuspended(_ app: String, _ suspended: Bool) -> Bool {
        guard config(of: app) != nil else { return false }
        revise(app, ring: true) { state in
            state.work.suspension = suspended
            state.status.suspended = suspended
            if suspended {
                state.status.phase = .suspended
            } else {
                // Resuming re-applies the newest bundle: changes held back while suspended land now.
                state.work.triggered = true
                state.status.drifted = []
                if state.status.phase == .suspended { state.status.phase = .pending }
            }
        }
        return true
    }

    /// The dependencies of `app` this shard owns that are not Ready at their current bundle, with why.
    func localDependenciesWaiting(_ app: String) -> [String] {
        states.withLock { states -> [String] in
            guard let config = states[app]?.config else { return [] }
            return config.dependsOn.compactMap { name -> String? in
                guard let dependency = states[name] else { return nil }
                let current = dependency.offer != nil && dependency.applied == dependency.offer?.digest
                guard dependency.status.phase != .ready || !current else { return nil }
                return "\(name) (\(current ? dependency.status.phase.rawValue : "not at its current bundle yet"))"
            }
        }
    }

    /// The dependencies of `app` other shards own, with the newest bundle announced for each.
    func foreignDependencies(_ app: String) -> [(name: String, bundle: Digest?)] {
        let names = config(of: app)?.dependsOn.filter { doorbell($0) == nil } ?? []
        let offers = foreignOffers.withLock { $0 }
        return names.map { ($0, offers[$0]) }
    }
}

extension AppBoard {
    /// Applies a suspension read back from the cluster, without recording it again.
    func restoreSuspension(_ app: String, _ suspended: Bool) {
        revise(app, ring: true) { state in
            // A SUSPEND/RESUME that came in meanwhile is newer than what the cluster recorded.
            guard state.work.suspension == nil else { return }
            state.status.suspended = suspended
            state.status.phase = suspended ? .suspended : (state.status.phase == .suspended ? .pending : state.status.phase)
        }
    }

    /// Asks the worker to record a suspension again (the last attempt found the API unreachable).
    func requeueSuspension(_ app: String, _ suspended: Bool) {
        mutate(app) { state in if state.work.suspension == nil { state.work.suspension = suspended } }
    }
}
