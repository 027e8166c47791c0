import Synchronization

/// The daemon's view of its own health, written by the worker and read by the HTTP probes
/// and the systemd watchdog.
///
/// - Important: Every method is cheap and thread-safe; the worker calls ``recordProgress()``
///   on each loop iteration, including idle ones.
public final class HealthMonitor: Sendable {
    /// Health thresholds.
    public struct Configuration: Sendable {
        /// How long the worker loop may go without progress before liveness fails.
        /// Default: 60 seconds.
        public var stallTimeout: Duration = .seconds(60)

        public init(stallTimeout: Duration = .seconds(60)) {
            self.stallTimeout = stallTimeout
        }
    }

    private struct State {
        var lastProgress: ContinuousClock.Instant
        var started = false
        var groupJoined = false
        var brokersReachable = false
        var brokerProblem: String? = "no broker contacted yet"
        var shuttingDown = false
    }

    private let configuration: Configuration
    private let state: Mutex<State>

    public init(configuration: Configuration = .init()) {
        self.configuration = configuration
        self.state = Mutex(State(lastProgress: .now))
    }

    /// The worker loop completed an iteration (it polled, processed or idled normally).
    public func recordProgress() {
        state.withLock {
            $0.lastProgress = .now
            $0.started = true
        }
    }

    /// The consumer joined (or left) its group; an empty assignment counts as joined.
    public func setGroupJoined(_ joined: Bool) {
        state.withLock { $0.groupJoined = joined }
    }

    /// Whether the brokers answer; `problem` says why not.
    public func setBrokersReachable(_ reachable: Bool, problem: String? = nil) {
        state.withLock {
            $0.brokersReachable = reachable
            $0.brokerProblem = reachable ? nil : (problem ?? "brokers unreachable")
        }
    }

    /// Graceful shutdown began: both probes fail from now on.
    public func setShuttingDown() {
        state.withLock { $0.shuttingDown = true }
    }

    /// Whether the daemon is shutting down.
    public var isShuttingDown: Bool { state.withLock { $0.shuttingDown } }

    /// 200 while the worker loop makes progress; 503 when stuck or shutting down.
    public func liveness() -> ProbeResult {
        let timeout = configuration.stallTimeout
        return state.withLock { s in
            if s.shuttingDown { return ProbeResult(ok: false, reasons: ["shutting down"]) }
            let idle = ContinuousClock.now - s.lastProgress
            if idle > timeout {
                return ProbeResult(ok: false, reasons: ["worker loop made no progress for \(idle)"])
            }
            return ProbeResult(ok: true)
        }
    }

    /// 200 only when the brokers are reachable and the consumer has joined its group.
    public func readiness() -> ProbeResult {
        state.withLock { s in
            var reasons: [String] = []
            if s.shuttingDown { reasons.append("shutting down") }
            if !s.brokersReachable { reasons.append(s.brokerProblem ?? "brokers unreachable") }
            if !s.groupJoined { reasons.append("consumer has not joined its group") }
            return ProbeResult(ok: reasons.isEmpty, reasons: reasons)
        }
    }
}
