import Foundation

/// The body of a `SocketLoop`'s thread: poll the wake-up socket and the handler's sockets,
/// run handed-over commands, fire timers, and close everything on the way out.
final class LoopThread<Handler: LoopHandler> {
    private let handler: Handler
    private let wakeReceiver: Socket
    private let wake: WakeSignal
    private let queue: Locked<CommandQueue<Handler>>
    private let finished: Locked<FinishState>
    private let clock = ContinuousClock()

    private init(handler: Handler, wakeReceiver: Socket, wake: WakeSignal,
                 queue: Locked<CommandQueue<Handler>>, finished: Locked<FinishState>) {
        self.handler = handler
        self.wakeReceiver = wakeReceiver
        self.wake = wake
        self.queue = queue
        self.finished = finished
    }

    static func run(
        context: Context, name: String, makeHandler: () throws -> Handler,
        started: (Result<SocketLoop<Handler>, any Error>) -> Void
    ) {
        let queue = Locked(CommandQueue<Handler>())
        let finished = Locked(FinishState())
        let thread: LoopThread
        do {
            let endpoint = "inproc://capstan-wake-\(UUID().uuidString)"
            let receiver = try Socket(context, type: .pair)
            try receiver.bind(endpoint)
            let sender = try Socket(context, type: .pair)
            try sender.connect(endpoint)
            let wake = WakeSignal(sender: sender)
            do {
                let handler = try makeHandler()
                thread = LoopThread(handler: handler, wakeReceiver: receiver, wake: wake, queue: queue, finished: finished)
            } catch {
                wake.close()
                receiver.close()
                throw error
            }
            started(.success(SocketLoop.make(name: name, queue: queue, wake: wake, finished: finished)))
        } catch {
            started(.failure(error))
            return
        }
        thread.loop()
        thread.finish()
    }

    private func loop() {
        while true {
            let sockets = [wakeReceiver] + handler.pollSockets.filter { !$0.isClosed }
            let timeout = handler.nextTick(now: clock.now).map { max($0, .zero) + .microseconds(999) }
            let ready: [Bool]
            do {
                ready = try Poller.readable(sockets, timeout: timeout)
            } catch {
                return  // ETERM: the context is shutting down
            }
            if ready[0], runCommands() { return }
            for (socket, isReady) in zip(sockets.dropFirst(), ready.dropFirst()) where isReady && !socket.isClosed {
                handler.readable(socket)
            }
            handler.tick(now: clock.now)
        }
    }

    /// Runs pending commands; true when the loop must end.
    private func runCommands() -> Bool {
        while (try? wakeReceiver.receive(wait: false)) ?? nil != nil {}
        let (commands, stop) = queue.withLock { queue in
            defer {
                queue.commands = []
                queue.wakePending = false
            }
            return (queue.commands, queue.stopRequested)
        }
        for command in commands { command(handler) }
        return stop
    }

    private func finish() {
        let leftover = queue.withLock { queue in
            queue.stopped = true
            defer { queue.commands = [] }
            return queue.commands
        }
        handler.close()
        for command in leftover { command(handler) }
        wake.close()
        wakeReceiver.close()
        let waiters = finished.withLock { state in
            state.done = true
            defer { state.waiters = [] }
            return state.waiters
        }
        for waiter in waiters { waiter.resume() }
    }
}
