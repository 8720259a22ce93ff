import Applier
import CapstanCore
import Kube
import Logging
import Synchronization

/// Watches every kind Capstan's apps manage (one watch per kind, all namespaces, Capstan's label)
/// and tells the board what changed; resumes from resourceVersion and re-lists on 410 (KubeWatch).
final class DriftWatcher: Sendable {
    let kube: KubeClient
    let board: AppBoard
    let logger: Logger
    private let known = Mutex<Set<String>>([])
    private let requests: AsyncStream<String>
    private let continuation: AsyncStream<String>.Continuation

    init(kube: KubeClient, board: AppBoard, logger: Logger) {
        self.kube = kube
        self.board = board
        self.logger = logger
        (requests, continuation) = AsyncStream.makeStream(of: String.self)
    }

    /// Starts watching the kinds of `objects` not watched yet.
    func watch(kindsOf objects: [JSONValue]) {
        for object in objects {
            guard let apiVersion = object["apiVersion"]?.stringValue, let kind = object["kind"]?.stringValue else { continue }
            let key = "\(apiVersion) \(kind)"
            if known.withLock({ $0.insert(key).inserted }) { continuation.yield(key) }
        }
    }

    /// Runs the watches until cancelled.
    func run() async {
        await withDiscardingTaskGroup { group in
            for await key in requests {
                let parts = key.split(separator: " ").map(String.init)
                group.addTask { await self.follow(GroupVersionKind(apiVersion: parts[0], kind: parts[1])) }
            }
        }
    }


    /// One kind's watch, restarted after errors with a short pause.
    func follow(_ kind: GroupVersionKind) async {
        let selector = "\(AnnotationKeys.managedBy)=\(AnnotationKeys.managedByValue)"
        while !Task.isCancelled {
            do {
                for try await event in try await kube.watch(kind, labelSelector: selector) { handle(event, kind: kind) }
            } catch {
                logger.warning("watch failed; restarting", metadata: ["kind": "\(kind)", "error": "\(error)"])
                try? await Task.sleep(for: .seconds(1))
            }
        }
    }

    func handle(_ event: WatchEvent, kind: GroupVersionKind) {
        switch event {
        case .added(let object), .modified(let object): board.observe(object, deleted: false)
        case .deleted(let object): board.observe(object, deleted: true)
        case .relisted(let items, _): board.observeList(group: kind.group, kind: kind.kind, items: items)
        case .bookmark: break
        }
    }
}
