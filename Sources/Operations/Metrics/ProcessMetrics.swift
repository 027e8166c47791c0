import Foundation
import Prometheus
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Process gauges read from `/proc/self`: memory, CPU time, open descriptors, start time.
///
/// Call ``update()`` before each scrape; ``MetricsBootstrap/render()`` does.
///
/// - Important: Under systemd's `ProcSubset=pid` the machine-wide `/proc/stat` (boot time) is hidden;
///   the start time then falls back to when this object was created, early in `main`.
public final class ProcessMetrics: Sendable {
    private let residentMemory: Gauge
    private let virtualMemory: Gauge
    private let cpuSeconds: Counter
    private let openFileDescriptors: Gauge
    private let startTime: Gauge
    private let reportedCPUSeconds = Mutex<Double>(0)
    private let procDirectory: String

    /// Registers the process metrics in `registry`.
    ///
    /// - Parameters:
    ///   - registry: Where the gauges live.
    ///   - procDirectory: The process's `/proc` directory. Default: `/proc/self` (tests pass another).
    public init(registry: PrometheusCollectorRegistry, procDirectory: String = "/proc/self") {
        self.procDirectory = procDirectory
        residentMemory = registry.makeGauge(
            descriptor: .stancewire(MetricNames.processResidentMemory, help: "Resident memory size in bytes.")
        )
        virtualMemory = registry.makeGauge(
            descriptor: .stancewire(MetricNames.processVirtualMemory, help: "Virtual memory size in bytes.")
        )
        cpuSeconds = registry.makeCounter(
            descriptor: .stancewire(MetricNames.processCPUSeconds, help: "User and system CPU time spent in seconds.")
        )
        openFileDescriptors = registry.makeGauge(
            descriptor: .stancewire(MetricNames.processOpenFileDescriptors, help: "Number of open file descriptors.")
        )
        startTime = registry.makeGauge(
            descriptor: .stancewire(MetricNames.processStartTime, help: "Process start time, Unix seconds.")
        )
        let stat = Self.read("\(procDirectory)/stat").flatMap(ProcessStat.init(parsing:))
        let bootTime = Self.read("/proc/stat").flatMap(ProcessStat.bootTime(parsing:))
        if let stat, let bootTime {
            startTime.set(to: bootTime + Double(stat.startTimeTicks) / Self.clockTicksPerSecond)
        } else {
            startTime.set(to: Date().timeIntervalSince1970.rounded(.down))
        }
        update()
    }

    /// Reads `/proc` and sets the gauges; files that cannot be read leave their gauges unchanged.
    public func update() {
        if let stat = Self.read("\(procDirectory)/stat").flatMap(ProcessStat.init(parsing:)) {
            residentMemory.set(to: Double(stat.residentPages) * Self.pageSize)
            virtualMemory.set(to: Double(stat.virtualBytes))
            let total = Double(stat.userTicks + stat.systemTicks) / Self.clockTicksPerSecond
            let delta = reportedCPUSeconds.withLock { reported -> Double in
                let delta = max(0, total - reported)
                reported = max(reported, total)
                return delta
            }
            if delta > 0 { cpuSeconds.increment(by: delta) }
        }
        if let entries = try? FileManager.default.contentsOfDirectory(atPath: "\(procDirectory)/fd") {
            openFileDescriptors.set(to: Double(entries.count))
        }
    }

    private static let clockTicksPerSecond = Double(max(1, sysconf(Int32(_SC_CLK_TCK))))
    private static let pageSize = Double(max(1, sysconf(Int32(_SC_PAGESIZE))))

    private static func read(_ path: String) -> String? {
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        guard let data = try? handle.readToEnd() else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
