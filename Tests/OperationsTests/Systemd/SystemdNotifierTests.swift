import Foundation
import NotifySocketTestKit
import Testing

@testable import Operations

@Suite("systemd notifier", .timeLimit(.minutes(1)))
struct SystemdNotifierTests {
    @Test func isANoOpWithoutNotifySocket() throws {
        let notifier = SystemdNotifier(environment: [:])
        #expect(!notifier.isEnabled)
        #expect(notifier.watchdogTimeout == nil)
        try notifier.ready()
        try notifier.watchdog()
        try notifier.status("anything")
    }

    @Test func sendsReadyStatusReloadingAndStoppingToThePathSocket() async throws {
        let receiver = try NotifySocketReceiver()
        defer { receiver.close() }
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address])
        #expect(notifier.isEnabled)

        try notifier.ready()
        try notifier.status("processed 12 articles,\n3 in flight")
        try notifier.reloading()
        try notifier.stopping()

        #expect(try await receiver.waitFor { $0 == "STOPPING=1" })
        let messages = receiver.messages
        #expect(messages.first == "READY=1")
        #expect(messages.contains("STATUS=processed 12 articles, 3 in flight"))
        #expect(messages.contains { $0.hasPrefix("RELOADING=1\nMONOTONIC_USEC=") })
    }

    @Test func sendsToAnAbstractSocketName() async throws {
        let receiver = try NotifySocketReceiver(abstract: true)
        defer { receiver.close() }
        #expect(receiver.address.hasPrefix("@"))
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": receiver.address])
        try notifier.ready()
        #expect(try await receiver.waitFor { $0 == "READY=1" })
    }

    @Test func readsWatchdogTimeoutOnlyForThisProcess() {
        let mine = SystemdNotifier(
            environment: ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "42"],
            processID: 42
        )
        #expect(mine.watchdogTimeout == .seconds(30))
        let other = SystemdNotifier(
            environment: ["NOTIFY_SOCKET": "/run/x", "WATCHDOG_USEC": "30000000", "WATCHDOG_PID": "43"],
            processID: 42
        )
        #expect(other.watchdogTimeout == nil)
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "soon"]).watchdogTimeout == nil)
        #expect(SystemdNotifier(environment: ["WATCHDOG_USEC": "0"]).watchdogTimeout == nil)
    }

    @Test func encodesAbstractNamesWithoutTerminatorAndPathsWithIt() throws {
        let abstract = try UnixDatagramSocket.encode("@stancewire/notify")
        #expect(abstract.path == [0] + Array("stancewire/notify".utf8))
        #expect(abstract.length == 2 + 1 + "stancewire/notify".utf8.count)

        let path = try UnixDatagramSocket.encode("/run/systemd/notify")
        #expect(path.path == Array("/run/systemd/notify".utf8) + [0])
        #expect(path.length == 2 + "/run/systemd/notify".utf8.count + 1)

        #expect(throws: SystemdError.self) { try UnixDatagramSocket.encode("relative/path") }
        #expect(throws: SystemdError.self) { try UnixDatagramSocket.encode("@") }
        #expect(throws: SystemdError.self) { try UnixDatagramSocket.encode("/" + String(repeating: "x", count: 200)) }
    }

    @Test func sendingToAMissingSocketThrowsSendFailed() throws {
        let notifier = SystemdNotifier(environment: ["NOTIFY_SOCKET": "/nonexistent/stancewire/notify.sock"])
        let error = #expect(throws: SystemdError.self) { try notifier.ready() }
        #expect(error?.code == .sendFailed)
        #expect(error?.errno == ENOENT)
    }
}
