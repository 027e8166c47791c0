import CoreMetrics
import Operations
import PrometheusTestKit
import Testing

@Suite("Metrics bootstrap")
struct MetricsBootstrapTests {
    @Test func renderIncludesProcessMetricsAndBuildInfo() throws {
        let metrics = MetricsBootstrap(version: "0.1.0", librdkafkaVersion: "2.3.0")
        let page = try PrometheusExposition(parsing: metrics.render())
        for name in [
            MetricNames.processResidentMemory, MetricNames.processVirtualMemory, MetricNames.processCPUSeconds,
            MetricNames.processOpenFileDescriptors, MetricNames.processStartTime,
        ] {
            #expect(page.value(name) != nil, "no single sample of \(name)")
        }
        #expect(page.value(MetricNames.buildInfo, ["version": "0.1.0", "librdkafka_version": "2.3.0"]) == 1)
        #expect(page.types[MetricNames.processCPUSeconds] == "counter")
        #expect(page.types[MetricNames.processResidentMemory] == "gauge")
    }

    @Test func residentMemoryAndOpenDescriptorsArePositive() throws {
        let metrics = MetricsBootstrap(version: "x", librdkafkaVersion: "y")
        let page = try PrometheusExposition(parsing: metrics.render())
        #expect((page.value(MetricNames.processResidentMemory) ?? 0) > 1_000_000)
        #expect((page.value(MetricNames.processOpenFileDescriptors) ?? 0) >= 3)
        let start = try #require(page.value(MetricNames.processStartTime))
        #expect(start > 1_600_000_000)
    }

    @Test func processingDurationTimerUsesSubMillisecondBuckets() {
        let metrics = MetricsBootstrap(version: "x", librdkafkaVersion: "y")
        let timer = Timer(label: MetricNames.processingDuration, factory: metrics.factory)
        timer.recordMilliseconds(2)
        let text = metrics.render()
        #expect(text.contains("stancewire_processing_duration_seconds_bucket{le=\"0.0001\"} 0"))
        #expect(text.contains("stancewire_processing_duration_seconds_bucket{le=\"0.0025\"} 1"))
        #expect(text.contains("stancewire_processing_duration_seconds_count 1"))
    }

    @Test func endToEndLatencyRecorderUsesMinuteScaleBuckets() {
        let metrics = MetricsBootstrap(version: "x", librdkafkaVersion: "y")
        let recorder = Recorder(label: MetricNames.endToEndLatency, factory: metrics.factory)
        recorder.record(90.0)
        let text = metrics.render()
        #expect(text.contains("stancewire_end_to_end_latency_seconds_bucket{le=\"60.0\"} 0"))
        #expect(text.contains("stancewire_end_to_end_latency_seconds_bucket{le=\"120.0\"} 1"))
    }
}

@Suite("probe gauges")
struct ProbeGaugeTests {
    @Test func readyAndLiveGaugesFollowTheHealthMonitor() throws {
        let health = HealthMonitor()
        health.recordProgress()
        let metrics = MetricsBootstrap(version: "x", librdkafkaVersion: "y", health: health)
        let before = try PrometheusExposition(parsing: metrics.render())
        #expect(before.value(MetricNames.ready) == 0)
        #expect(before.value(MetricNames.live) == 1)
        health.setBrokersReachable(true)
        health.setGroupJoined(true)
        #expect(try PrometheusExposition(parsing: metrics.render()).value(MetricNames.ready) == 1)
    }
}
