import CoreMetrics
import NIOConcurrencyHelpers
import Prometheus

/// Connects swift-metrics to one Prometheus registry per process, which `/metrics` serves.
public enum StageMetrics {
    private static let installed = NIOLockedValueBox<PrometheusCollectorRegistry?>(nil)

    /// Bootstraps swift-metrics on first call; every call returns the same registry.
    @discardableResult
    public static func bootstrap() -> PrometheusCollectorRegistry {
        installed.withLockedValue { registry in
            if let registry { return registry }
            let created = PrometheusCollectorRegistry()
            MetricsSystem.bootstrap(PrometheusMetricsFactory(registry: created))
            registry = created
            return created
        }
    }
}
