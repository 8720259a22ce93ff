import Foundation

/// Runs blocking work (unpacking, rendering) on a thread of its own, so the cooperative pool
/// never waits on disk or CPU-heavy renders; deep overlays get a large stack.
enum BlockingThread {
    static func run<T: Sendable>(name: String, stackSize: Int = 64 << 20, _ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            let thread = Thread {
                continuation.resume(with: Result { try body() })
            }
            thread.name = name
            thread.stackSize = stackSize
            thread.start()
        }
    }
}
