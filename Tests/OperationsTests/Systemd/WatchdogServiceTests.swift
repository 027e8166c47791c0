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

        // Run until five keep-alives arrived. Parallel tests may starve the pool and delay some,
        // never hasten them: no gap may be shorter than the 500 ms pace (less 50 ms of jitter),
        // and the closest pair must be near it (a full-interval pace would fail).
        try await runUntil(service, receiver) { messages in messages.filter { $0.hasPrefix("WATCHDOG=1\n") }.count >= 5 }

        let keepAlives = receiver.timedMessages.filter { $0.1.hasPrefix("WATCHDOG=1\n") }
        #expect(keepAlives.count >= 5, "\(keepAlives.count) keep-alives")
        #expect(keepAlives.first?.1 == "WATCHDOG=1\nSTATUS=processed 1234 articles, 56.7/s, 0 in flight")
        let gaps = zip(keepAlives, keepAlives.dropFirst()).map { $1.0 - $0.0 }
        #expect(gaps.allSatisfy { $0 >= .milliseconds(450) }, "keep-alives closer than the interval: \(gaps)")
        #expect(gaps.min().map { $0 <= .milliseconds(800) } == true, "no pair at the half-interval pace: \(gaps)")
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

        try await runUntil(service, receiver) { $0.count >= 2 }

        let messages = receiver.messages
        #expect(messages.count >= 2)
        #expect(messages.allSatisfy { $0 == "STATUS=stuck" })
    }

    @Test func stopsOnGracefulShutdown() async throws {
        let receiver = try NotifySocketReceiver()
        defer { receiver.close() }
        // Keep-alives every 5 minutes: shutdown must interrupt the wait, not sit it out.
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address, "WATCHDOG_USEC": "600000000"])
        let logger = Logger(label: "test.watchdog")
        let service = WatchdogService(notifier: notifier, health: HealthMonitor(), logger: logger) {
            "ok"
        }
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: service)], logger: Logger(label: "test.group"))
        )
        let clock = ContinuousClock()
        var shutdownStarted = clock.now
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            #expect(try await receiver.waitFor(timeout: .seconds(30)) { $0.contains("STATUS=ok") })
            shutdownStarted = clock.now
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
        #expect(clock.now - shutdownStarted < .seconds(60), "shutdown waited for the next keep-alive")
    }

    /// Runs the service until the messages received satisfy `done`, or 20 s passed.
    private func runUntil(
        _ service: WatchdogService, _ receiver: NotifySocketReceiver, _ done: ([String]) -> Bool
    ) async throws {
        let group = ServiceGroup(
            configuration: .init(services: [.init(service: service)], logger: Logger(label: "test.group"))
        )
        try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            let deadline = ContinuousClock.now + .seconds(20)
            while ContinuousClock.now < deadline, !done(receiver.messages) {
                try await Task.sleep(for: .milliseconds(20))
            }
            await group.triggerGracefulShutdown()
            try await tasks.waitForAll()
        }
    }
}
