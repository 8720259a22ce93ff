import Metrics

/// The renderer's metrics, per app: renders and failures, render time, objects in the current bundle.
enum RenderMetrics {
    static func rendered(_ app: String, seconds: Double, objects: Int) {
        let dimensions = [("app", app)]
        Counter(label: "capstan_renders_total", dimensions: dimensions).increment()
        Timer(label: "capstan_render_duration_seconds", dimensions: dimensions).recordNanoseconds(Int64(seconds * 1e9))
        Gauge(label: "capstan_bundle_objects", dimensions: dimensions).record(objects)
    }

    static func failed(_ app: String, seconds: Double) {
        let dimensions = [("app", app)]
        Counter(label: "capstan_renders_total", dimensions: dimensions).increment()
        Counter(label: "capstan_render_failures_total", dimensions: dimensions).increment()
        Timer(label: "capstan_render_duration_seconds", dimensions: dimensions).recordNanoseconds(Int64(seconds * 1e9))
    }

    static func published(_ app: String) {
        Counter(label: "capstan_bundles_published_total", dimensions: [("app", app)]).increment()
    }
}
