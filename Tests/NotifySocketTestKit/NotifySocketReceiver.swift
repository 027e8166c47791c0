import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A real AF_UNIX datagram socket standing in for systemd's notification socket: bound to a file in
/// a fresh temporary directory, or to an abstract name; a thread of its own collects every datagram.
///
/// Raw system calls because SwiftNIO's datagram channel closes itself on a datagram from an unbound
/// sender (sd_notify senders never bind) and cannot bind abstract names.
public final class NotifySocketReceiver: Sendable {
    /// The value for `NOTIFY_SOCKET`.
    public let address: String
    private let directory: String?
    private let descriptor: Int32
    private let state = Mutex<(messages: [(ContinuousClock.Instant, String)], closed: Bool)>(([], false))
    private let stopped = Mutex<Bool>(false)

    public struct SetupFailed: Error {
        public var call: String
        public var errno: Int32
    }

    /// Binds the socket and starts receiving.
    ///
    /// - Parameter abstract: Bind an abstract name (`@...`) instead of a file.
    public init(abstract: Bool = false) throws {
        let id = UUID().uuidString.prefix(8)
        let sun_path: [UInt8]
        let length: Int
        if abstract {
            address = "@stancewire-test-\(id)"
            directory = nil
            sun_path = [0] + Array(address.utf8.dropFirst())
            length = 2 + sun_path.count
        } else {
            let directory = NSTemporaryDirectory() + "stancewire-notify-\(id)"
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            self.directory = directory
            address = directory + "/notify.sock"
            sun_path = Array(address.utf8) + [0]
            length = 2 + sun_path.count
        }
        descriptor = socket(AF_UNIX, Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue), 0)
        guard descriptor >= 0 else { throw SetupFailed(call: "socket", errno: errno) }
        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { $0.copyBytes(from: sun_path) }
        let bound = withUnsafePointer(to: &storage) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(descriptor, $0, socklen_t(length)) }
        }
        guard bound == 0 else {
            _ = Glibc.close(descriptor)
            throw SetupFailed(call: "bind", errno: errno)
        }
        var timeout = timeval(tv_sec: 0, tv_usec: 50_000)
        setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        let thread = Thread { [self] in receiveLoop() }
        thread.start()
    }

    private func receiveLoop() {
        var buffer = [UInt8](repeating: 0, count: 4096)
        while !state.withLock({ $0.closed }) {
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count > 0 {
                let text = String(decoding: buffer[0..<count], as: UTF8.self)
                state.withLock { $0.messages.append((.now, text)) }
            }
        }
        stopped.withLock { $0 = true }
    }

    /// The messages received so far, in order.
    public var messages: [String] { state.withLock { $0.messages.map(\.1) } }

    /// The messages received so far with their arrival times.
    public var timedMessages: [(ContinuousClock.Instant, String)] { state.withLock { $0.messages } }

    /// Waits (up to `timeout`) until some message satisfies `predicate`.
    public func waitFor(timeout: Duration = .seconds(5), _ predicate: (String) -> Bool) async throws -> Bool {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            if messages.contains(where: predicate) { return true }
            try await Task.sleep(for: .milliseconds(10))
        }
        return messages.contains(where: predicate)
    }

    /// Stops the receiving thread, closes the socket and removes the directory.
    /// Blocks for at most one receive timeout (50 ms).
    public func close() {
        state.withLock { $0.closed = true }
        while !stopped.withLock({ $0 }) {
            usleep(5000)
        }
        _ = Glibc.close(descriptor)
        if let directory { try? FileManager.default.removeItem(atPath: directory) }
    }
}
