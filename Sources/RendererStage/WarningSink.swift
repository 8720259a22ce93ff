import CapstanCore
import Overlays
import Renderer
import Synchronization

/// Collects the warnings one render's overlay engine reports, so the stage can log them.
final class WarningSink: Sendable {
    private let warnings = Mutex<[String]>([])

    var collected: [String] { warnings.withLock { $0 } }

    /// `engines` with the overlay engine reporting its warnings here.
    func engines(_ engines: RenderEngines) -> RenderEngines {
        var copy = engines
        copy.overlay = { [self] directory, tree in
            let overlay = try Overlay.build(directory == "." ? "" : directory, in: tree)
            warnings.withLock { $0 += overlay.warnings }
            return overlay.objects
        }
        return copy
    }
}
