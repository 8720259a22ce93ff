import CapstanCore
import Foundation
import KubeSim
import Synchronization
import Testing

/// Watches ending (their client gone) while objects are written: the emulator must keep serving.
@Suite struct WatchTerminationTests {
    /// Found by the applier's kill-mid-apply test: a watch's consumer task cancelled on one thread
    /// (which holds that task's status lock and then ran the store's termination handler, taking the
    /// store lock) while a write on another thread held the store lock and yielded to that same task
    /// (which needs its status lock). Each waited for the other and the whole emulator froze.
    /// Without the fix this test deadlocks the test process's concurrency pool (3 runs of 3 hung);
    /// with it, it passes in well under a second.
    @Test func watchesEndingDuringWritesNeverFreezeTheStore() async throws {
        let store = ObjectStore()
        let writes = Mutex(0)
        // The writer runs on its own thread, as the HTTP server's requests would on theirs.
        let writer = Thread {
            for index in 0..<20_000 {
                let object: JSONValue = ["apiVersion": "v1", "kind": "ConfigMap",
                                         "metadata": ["name": .string("c\(index % 50)"), "namespace": "demo"]]
                _ = try? store.write("configmaps", namespace: "demo", name: "c\(index % 50)") { _ in .put(object) }
                writes.withLock { $0 += 1 }
            }
        }
        writer.start()
        let deadline = ContinuousClock.now + .seconds(20)
        while writes.withLock({ $0 }) < 20_000, ContinuousClock.now < deadline {
            var consumers: [Task<Void, Never>] = []
            for _ in 0..<8 {
                let (events, _) = try store.watch("configmaps", namespace: "demo", since: store.resourceVersion)
                consumers.append(Task { for await _ in events {} })
            }
            try await Task.sleep(for: .milliseconds(1))
            for consumer in consumers { consumer.cancel() }
        }
        #expect(writes.withLock { $0 } == 20_000, "the store stopped taking writes: deadlocked")
    }
}
