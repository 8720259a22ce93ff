import CapstanCore

/// How one app's render at one revision ended, so the stage knows what to publish.
public enum RenderOutcome: Sendable, Equatable {
    /// A new bundle is current: publish `bundle.<app>`.
    case changed(BundleEvent)
    /// The bundle's digest did not change: publish nothing.
    case unchanged(BundleEvent)
    /// The render failed: publish the error on `status.<app>`; `lastGood` stays current.
    case failed(RenderError, lastGood: Digest?)
}
