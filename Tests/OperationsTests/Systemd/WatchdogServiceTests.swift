import Logging
import NotifySocketTestKit
import Operations
import ServiceLifecycle
import Testing

@Suite("watchdog service", .timeLimit(.minutes(1)))
struct WatchdogServiceTests {
    @Test func sendsKeepAliveWithStatusAtHalfTheWatchdogIntervalWhileLive() async throws {
        let receiver = try NotifySocketReceiver()
        defer { receiver.close() }
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address, "WATCHDOG_USEC": "1000000"])
        let health = HealthMonitor()
        health.recordProgress()
        let service = WatchdogService(notifier: notifier, health: health, logger: Logger(label: "test.watchdog")) {
            "processed 1234 articles, 56.7/s, 0 in flight"
        }
        #expect(service.interval == .milliseconds(500))

        try await runFor(.milliseconds(2750), service)

        // Six at an exact pace (0, 0.5, ... 2.5 s); a loaded machine may delay some, never hasten them.
        let keepAlives = receiver.timedMessages.filter { $0.1.hasPrefix("WATCHDOG=1\n") }
        #expect(keepAlives.count >= 3 && keepAlives.count <= 6, "\(keepAlives.count) keep-alives")
        #expect(keepAlives.first?.1 == "WATCHDOG=1\nSTATUS=processed 1234 articles, 56.7/s, 0 in flight")
        for (earlier, later) in zip(keepAlives, keepAlives.dropFirst()) {
            #expect(later.0 - earlier.0 >= .milliseconds(450), "keep-alives closer than half the interval")
        }
        if let first = keepAlives.first, let last = keepAlives.last, keepAlives.count >= 2 {
            #expect((last.0 - first.0) / (keepAlives.count - 1) <= .milliseconds(800), "keep-alives too rare")
        }
    }

    @Test func withholdsKeepAliveButSendsStatusWhileNotLive() async throws {
        let receiver = try NotifySocketReceiver()
        defer { receiver.close() }
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address, "WATCHDOG_USEC": "200000"])
        let health = HealthMonitor()
        health.setShuttingDown()
        let service = WatchdogService(notifier: notifier, health: health, logger: Logger(label: "test.watchdog")) {
            "stuck"
        }

        try await runFor(.milliseconds(450), service)

        let messages = receiver.messages
        #expect(messages.count >= 2)
        #expect(messages.allSatisfy { $0 == "STATUS=stuck" })
    }

    @Test func stopsOnGracefulShutdown() async throws {
        let receiver = try NotifySocketReceiver()
        defer { receiver.close() }
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address, "WATCHDOG_USEC": "60000000"])
        let logger = Logger(label: "test.watchdog")
        let service = WatchdogService(notifier: notifier, health: HealthMonitor(), logger: logger) {
            "ok"
        }
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: service)], logger: Logger(label: "test.group"))
        )
        let clock = ContinuousClock()
        let start = clock.now
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            #expect(try await receiver.waitFor { $0.contains("STATUS=ok") })
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(clock.now - start < .seconds(5))
    }

    /// Runs `service` in a service group for `duration`, then shuts it down gracefully.
    private func runFor(_ duration: Duration, _ service: WatchdogService) async throws {
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: service)], logger: Logger(label: "test.group"))
        )
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            try await Task.sleep(for: duration)
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
