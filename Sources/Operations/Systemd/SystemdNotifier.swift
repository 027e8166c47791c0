import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Tells systemd about the daemon's state (the sd_notify protocol): ready, stopping, reloading,
/// watchdog keep-alives and a free-text status line shown by `systemctl status`.
///
/// Reads `NOTIFY_SOCKET` (a path or an abstract `@name`), `WATCHDOG_USEC` and `WATCHDOG_PID` from
/// the environment it is given. Without `NOTIFY_SOCKET` (not started by systemd, or
/// `Type=simple`) every call is a no-op.
///
/// - Important: Sending never blocks for long (one datagram on a local socket); failures are thrown
///   so the caller can log them, and should never stop the daemon (`try?` is fine).
public struct SystemdNotifier: Sendable {
    /// The notification socket, `nil` when `NOTIFY_SOCKET` is unset or empty.
    public let socketAddress: String?
    /// The watchdog timeout from `WATCHDOG_USEC`, `nil` when unset, invalid, or meant for another
    /// process (`WATCHDOG_PID`). Send ``watchdog()`` at about half of it.
    public let watchdogTimeout: Duration?

    /// Reads the settings from `environment`.
    ///
    /// - Parameters:
    ///   - environment: Default: the process environment. Tests pass their own.
    ///   - processID: The pid `WATCHDOG_PID` is compared with. Default: this process.
    public init(
        environment: [String: String] = ProcessInfo.processInfo.environment,
        processID: Int32 = getpid()
    ) {
        let socket = environment["NOTIFY_SOCKET"] ?? ""
        socketAddress = socket.isEmpty ? nil : socket
        var timeout: Duration?
        if let text = environment["WATCHDOG_USEC"], let microseconds = Int64(text), microseconds > 0 {
            timeout = .microseconds(microseconds)
        }
        if let pidText = environment["WATCHDOG_PID"], Int32(pidText) != processID {
            timeout = nil
        }
        watchdogTimeout = timeout
    }

    /// Whether notifications go anywhere.
    public var isEnabled: Bool { socketAddress != nil }

    /// `READY=1`: start-up finished (for `Type=notify`, systemd considers the unit started now).
    public func ready() throws(SystemdError) { try send("READY=1") }

    /// `STOPPING=1`: graceful shutdown began.
    public func stopping() throws(SystemdError) { try send("STOPPING=1") }

    /// `RELOADING=1` with `MONOTONIC_USEC`: a configuration reload began; send ``ready()`` when done.
    public func reloading() throws(SystemdError) {
        var now = timespec()
        clock_gettime(CLOCK_MONOTONIC, &now)
        let microseconds = Int64(now.tv_sec) * 1_000_000 + Int64(now.tv_nsec) / 1000
        try send("RELOADING=1\nMONOTONIC_USEC=\(microseconds)")
    }

    /// `WATCHDOG=1`: the daemon is alive.
    public func watchdog() throws(SystemdError) { try send("WATCHDOG=1") }

    /// `STATUS=<text>`: one line for `systemctl status` (newlines are replaced by spaces).
    public func status(_ text: String) throws(SystemdError) { try send("STATUS=" + Self.oneLine(text)) }

    /// Sends raw newline-separated assignments (for example `"WATCHDOG=1\nSTATUS=ok"`).
    ///
    /// - Throws: ``SystemdError`` when `NOTIFY_SOCKET` is invalid or sending fails.
    public func send(_ assignments: String) throws(SystemdError) {
        guard let socketAddress else { return }
        try UnixDatagramSocket.send(assignments, to: socketAddress)
    }

    static func oneLine(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}
