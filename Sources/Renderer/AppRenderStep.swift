import CapstanCore
import Foundation

/// The stage's render step for one app at one unpacked revision: render → store → compare,
/// keeping the last good bundle current when the render fails.
public struct AppRenderStep: Sendable {
    public let renderer: Renderer
    public let store: BundleStore

    public init(renderer: Renderer, store: BundleStore) {
        self.renderer = renderer
        self.store = store
    }

    /// Renders `app` from the tree unpacked at `root` (revision `revision`, artifact `artifact`).
    public func run(_ app: AppConfig, root: String, revision: String, artifact: Digest) -> RenderOutcome {
        let previous = store.current(of: app.name)
        let started = ContinuousClock.now
        do {
            let bundle = try renderer.render(RenderRequest(app: app, root: root))
            let elapsed = ContinuousClock.now - started
            let event = BundleEvent(
                app: app.name, revision: revision, artifact: artifact, bundle: bundle.digest,
                objectCount: bundle.objectCount, renderSeconds: Self.seconds(elapsed))
            guard bundle.digest != previous else { return .unchanged(event) }
            try store.store(bundle, for: app.name)
            return .changed(event)
        } catch {
            return .failed(error, lastGood: previous)
        }
    }

    static func seconds(_ duration: Duration) -> Double {
        Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    }
}
