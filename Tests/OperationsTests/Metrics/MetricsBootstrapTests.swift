import CoreMetrics
import Operations
import Testing

@Suite("Metrics bootstrap")
struct MetricsBootstrapTests {
    @Test func renderIncludesProcessMetricsAndBuildInfo() {
        let metrics = MetricsBootstrap(version: "0.1.0", librdkafkaVersion: "2.3.0")
        let text = metrics.render()
        for name in [
            MetricNames.processResidentMemory, MetricNames.processVirtualMemory, MetricNames.processCPUSeconds,
            MetricNames.processOpenFileDescriptors, MetricNames.processStartTime,
        ] {
            #expect(text.contains("\n\(name) ") || text.hasPrefix("\(name) ") || text.contains("# TYPE \(name) "))
        }
        #expect(text.contains("stancewire_build_info{version=\"0.1.0\",librdkafka_version=\"2.3.0\"} 1"))
        #expect(text.contains("# TYPE stancewire_process_cpu_seconds_total counter"))
    }

    @Test func residentMemoryAndOpenDescriptorsArePositive() throws {
        let metrics = MetricsBootstrap(version: "x", librdkafkaVersion: "y")
        let text = metrics.render()
        func value(_ name: String) -> Double? {
            let line = text.split(separator: "\n").first { $0.hasPrefix(name + " ") }
            return line.flatMap { Double($0.split(separator: " ")[1]) }
        }
        #expect((value(MetricNames.processResidentMemory) ?? 0) > 1_000_000)
        #expect((value(MetricNames.processOpenFileDescriptors) ?? 0) >= 3)
        let start = try #require(value(MetricNames.processStartTime))
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
    @Test func readyAndLiveGaugesFollowTheHealthMonitor() {
        let health = HealthMonitor()
        health.recordProgress()
        let metrics = MetricsBootstrap(version: "x", librdkafkaVersion: "y", health: health)
        #expect(metrics.render().contains("\nstancewire_ready 0.0\n"))
        #expect(metrics.render().contains("\nstancewire_live 1.0\n"))
        health.setBrokersReachable(true)
        health.setGroupJoined(true)
        #expect(metrics.render().contains("\nstancewire_ready 1.0\n"))
    }
}
