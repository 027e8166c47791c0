import CoreMetrics
import Prometheus
import Synchronization

/// The daemon's metrics backend: a Prometheus registry, the swift-metrics factory writing into it,
/// process metrics and build information.
///
/// In `main`, create one, call ``bootstrapSystem()`` before any metric is created, and pass
/// ``render()`` to the ``HTTPServer`` as its metrics closure.
///
/// - Important: Tests create their own instance and use ``factory`` directly (for example
///   `Counter(label:dimensions:factory:)`); they never call ``bootstrapSystem()``.
public final class MetricsBootstrap: Sendable {
    /// Histogram buckets for ``MetricNames/processingDuration``: 100 µs to 5 s.
    public static let processingDurationBuckets: [Double] = [
        0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5,
    ]
    /// Histogram buckets for ``MetricNames/endToEndLatency``: 5 ms to 10 minutes.
    public static let endToEndLatencyBuckets: [Double] = [
        0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300, 600,
    ]

    /// The registry every metric lives in.
    public let registry: PrometheusCollectorRegistry
    /// The swift-metrics factory writing into ``registry``, with this daemon's histogram buckets for
    /// both `Timer`s and aggregating `Recorder`s.
    public let factory: PrometheusMetricsFactory
    /// The `/proc` gauges, refreshed by ``render()``.
    public let processMetrics: ProcessMetrics

    private static let bootstrapped = Mutex(false)
    private let health: HealthMonitor?
    private let readyGauge: Prometheus.Gauge
    private let liveGauge: Prometheus.Gauge

    /// Creates the registry, the factory, the process metrics and `stancewire_build_info`.
    ///
    /// - Parameters:
    ///   - version: The daemon's version, the `version` label of `stancewire_build_info`.
    ///   - librdkafkaVersion: librdkafka's version string, the `librdkafka_version` label.
    ///   - health: When given, `stancewire_ready` and `stancewire_live` mirror its probes at each
    ///     ``render()``. Default: none (the gauges stay 0).
    public init(version: String, librdkafkaVersion: String, health: HealthMonitor? = nil) {
        let registry = PrometheusCollectorRegistry()
        var factory = PrometheusMetricsFactory(registry: registry)
        let buckets: [(String, [Double])] = [
            (MetricNames.processingDuration, Self.processingDurationBuckets),
            (MetricNames.endToEndLatency, Self.endToEndLatencyBuckets),
        ]
        for (name, values) in buckets {
            factory.valueHistogramBuckets[name] = values
            factory.durationHistogramBuckets[name] = values.map { Duration.nanoseconds(Int64(($0 * 1e9).rounded())) }
        }
        self.registry = registry
        self.factory = factory
        self.processMetrics = ProcessMetrics(registry: registry)
        self.health = health
        self.readyGauge = registry.makeGauge(
            descriptor: .stancewire(MetricNames.ready, help: "1 while the readiness probe passes.")
        )
        self.liveGauge = registry.makeGauge(
            descriptor: .stancewire(MetricNames.live, help: "1 while the liveness probe passes.")
        )
        registry.makeGauge(
            descriptor: .stancewire(MetricNames.buildInfo, help: "Build information; always 1."),
            labels: [("version", version), ("librdkafka_version", librdkafkaVersion)]
        ).set(to: 1)
    }

    /// Makes ``factory`` the process-wide `MetricsSystem` backend.
    ///
    /// - Returns: `false` when some `MetricsBootstrap` already did (swift-metrics allows one
    ///   bootstrap per process); the call is then a no-op.
    @discardableResult
    public func bootstrapSystem() -> Bool {
        let first = Self.bootstrapped.withLock { done in
            defer { done = true }
            return !done
        }
        if first { MetricsSystem.bootstrap(factory) }
        return first
    }

    /// Refreshes the process and probe metrics and renders every metric in the Prometheus text
    /// format 0.0.4.
    public func render() -> String {
        processMetrics.update()
        if let health {
            readyGauge.set(to: health.readiness().ok ? 1 : 0)
            liveGauge.set(to: health.liveness().ok ? 1 : 0)
        }
        return registry.emitToString()
    }
}
