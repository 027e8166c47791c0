import Prometheus

extension MetricNameDescriptor {
    /// A descriptor for one of the ``MetricNames`` (full name, no namespace or unit parts).
    static func stancewire(_ name: String, help: String) -> MetricNameDescriptor {
        MetricNameDescriptor(metricName: name, unitName: "", helpText: help)
    }
}
