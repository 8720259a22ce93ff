import CapstanCore
import Overlays
import Renderer
import Synchronization

/// Collects the warnings one render's overlay engine reports, so the stage can log them.
final class WarningSink: Sendable {
    private let warnings = Mutex<[String]>([])

    var collected: [String] { warnings.withLock { $0 } }

    /// The standard engines, with the kustomize engine reporting its warnings here.
    var engines: RenderEngines {
        var copy = RenderEngines.standard
        copy.overlay = { [self] directory, tree in
            let overlay = try Overlay.build(directory == "." ? "" : directory, in: tree)
            warnings.withLock { $0 += overlay.warnings }
            return overlay.objects
        }
        return copy
    }
}
