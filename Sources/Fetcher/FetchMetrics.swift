import Metrics

/// The fetcher's metrics, per source: fetch duration, failures, artifact size, bytes fetched.
enum FetchMetrics {
    static func fetched(_ source: String, duration: Double, bytes: Int, artifactSize: Int) {
        let dimensions = [("source", source)]
        Timer(label: "capstan_fetch_duration_seconds", dimensions: dimensions).recordNanoseconds(Int64(duration * 1e9))
        Counter(label: "capstan_fetch_bytes_total", dimensions: dimensions).increment(by: bytes)
        Gauge(label: "capstan_artifact_size_bytes", dimensions: dimensions).record(artifactSize)
    }

    static func failed(_ source: String) {
        Counter(label: "capstan_fetch_failures_total", dimensions: [("source", source)]).increment()
    }
}
