import Logging
import ServiceLifecycle

/// Keeps systemd's watchdog fed while the daemon is live, and its status line current.
///
/// Every half `WATCHDOG_USEC` it sends `WATCHDOG=1` only if ``HealthMonitor/liveness()`` is ok (a
/// stuck worker loop thus gets the unit restarted), together with `STATUS=<status()>`. Without a
/// watchdog it still refreshes the status every ``statusInterval``; without `NOTIFY_SOCKET` it
/// just waits for shutdown. Stops on graceful shutdown or cancellation.
public struct WatchdogService: Service {
    private let notifier: SystemdNotifier
    private let health: HealthMonitor
    private let status: @Sendable () -> String
    private let statusInterval: Duration
    private let logger: Logger

    /// Creates the service.
    ///
    /// - Parameters:
    ///   - notifier: Where to send; its ``SystemdNotifier/watchdogTimeout`` sets the pace.
    ///   - health: Decides whether `WATCHDOG=1` is sent.
    ///   - statusInterval: How often the status is sent when there is no watchdog. Default: 10 seconds.
    ///   - logger: Receives send failures and skipped keep-alives.
    ///   - status: The status line, e.g. `"processed 1234 articles, 56.7/s, 0 in flight"`.
    public init(
        notifier: SystemdNotifier,
        health: HealthMonitor,
        statusInterval: Duration = .seconds(10),
        logger: Logger,
        status: @escaping @Sendable () -> String
    ) {
        self.notifier = notifier
        self.health = health
        self.status = status
        self.statusInterval = statusInterval
        self.logger = logger
    }

    /// The pause between two notifications: half the watchdog timeout, else ``statusInterval``.
    public var interval: Duration {
        notifier.watchdogTimeout.map { $0 / 2 } ?? statusInterval
    }

    /// Notifies until graceful shutdown or cancellation.
    public func run() async throws {
        guard notifier.isEnabled else {
            try? await gracefulShutdown()
            return
        }
        let interval = self.interval
        await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                tick()
                do {
                    try await Task.sleep(for: interval)
                } catch {
                    return
                }
            }
        }
    }

    /// One round: the keep-alive (if live and a watchdog is configured) and the status.
    func tick() {
        var message = "STATUS=" + SystemdNotifier.oneLine(status())
        if notifier.watchdogTimeout != nil {
            let liveness = health.liveness()
            if liveness.ok {
                message = "WATCHDOG=1\n" + message
            } else {
                logger.warning(
                    "watchdog keep-alive withheld, daemon not live",
                    metadata: ["health.reasons": "\(liveness.reasons.joined(separator: "; "))"]
                )
            }
        }
        do {
            try notifier.send(message)
        } catch {
            logger.warning("systemd notification failed", metadata: ["error": "\(error)"])
        }
    }
}
