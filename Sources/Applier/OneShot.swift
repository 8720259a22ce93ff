import CapstanCore
import Manifests

/// The one-shot commands of `capstan-applier`: a single reconcile, or a diff, of a bundle file.
public enum OneShot {
    /// One reconcile with inventory; prints one line per object, returns the exit status (0 on success).
    public static func apply(_ options: OneShotOptions, prune: Bool, wait: Bool, timeout: Interval, print: (String) -> Void) async -> Int32 {
        do {
            // The bundle is decoded while the inventories are read (Kubernetes' built-in kinds need no
            // discovery; other kinds read it on first use); an unreadable bundle is reported before an unusable kubeconfig.
            let started = ContinuousClock.now
            _ = PhaseTimer.origin
            let reading = Task {
                let objects = try await options.readObjects()
                PhaseTimer.mark("bundle decoded", since: started)
                return objects
            }
            let client: KubeClusterClient
            do { client = try options.client() } catch {
                _ = try await reading.value
                throw error
            }
            let app = AppConfig(
                name: options.app, source: "", targetNamespace: options.targetNamespace, prune: prune, wait: wait,
                timeout: timeout, serviceAccount: options.serviceAccount)
            let bundle = Task { DesiredBundle(objects: try await reading.value) }
            ExitRetainer.enable()
            ExitRetainer.keep(bundle)
            var reconciler = Reconciler(client: client)
            reconciler.concurrency = options.concurrency
            let result = try await reconciler.reconcile(decoding: bundle, app: app)
            PhaseTimer.mark("reconciled", since: started)
            ExitRetainer.keep(result)
            for outcome in result.outcomes { print(outcome.description) }
            if let failure = result.failure { print("error: \(failure)") }
            return result.succeeded ? 0 : 1
        } catch {
            print("error: \(error)")
            return 2
        }
    }

    /// Prints a unified diff of live against desired per object; 0 when equal, 1 on differences, >1 on errors.
    public static func diff(_ options: OneShotOptions, print: (String) -> Void) async -> Int32 {
        do {
            let objects = try await options.readObjects()
            var differ = Differ(client: try options.client(), app: options.app, targetNamespace: options.targetNamespace)
            differ.masksProvenance = options.masksProvenance
            let diffs = try await differ.diffs(objects)
            for text in diffs { print(text) }
            return diffs.isEmpty ? 0 : 1
        } catch {
            print("error: \(error)")
            return 2
        }
    }
}
