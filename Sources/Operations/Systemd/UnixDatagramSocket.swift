#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Sends one AF_UNIX datagram, the transport of the sd_notify protocol.
///
/// Why raw system calls and pointers instead of a SwiftNIO datagram channel: systemd's
/// `NOTIFY_SOCKET` is often in the abstract namespace (`@/org/freedesktop/systemd1/notify/...`),
/// whose address is a leading NUL byte plus the name, with an exact address length. NIO's
/// `SocketAddress(unixDomainSocketPath:)` copies a NUL-terminated path and always passes the full
/// `sockaddr_un` size, so it can reach neither abstract names nor match their length. One
/// short-lived socket per message also keeps the notifier free of event loops. This file is the only
/// place in the module that touches `sockaddr` pointers.
enum UnixDatagramSocket {
    /// The bytes of `sun_path` and the address length for `address`: a filesystem path, or an
    /// abstract name written `@name`.
    static func encode(_ address: String) throws(SystemdError) -> (path: [UInt8], length: Int) {
        let capacity = MemoryLayout.size(ofValue: sockaddr_un().sun_path)
        let pathOffset = MemoryLayout<sockaddr_un>.offset(of: \.sun_path) ?? 2
        if address.hasPrefix("@") {
            let name = Array(address.utf8.dropFirst())
            guard !name.isEmpty, name.count + 1 <= capacity else {
                throw SystemdError(code: .invalidSocketAddress, reason: "abstract socket name is empty or too long")
            }
            // No terminating NUL: the name is exactly `length - offset - 1` bytes.
            return ([0] + name, pathOffset + 1 + name.count)
        }
        let path = Array(address.utf8)
        guard address.hasPrefix("/"), path.count + 1 <= capacity else {
            throw SystemdError(
                code: .invalidSocketAddress,
                reason: "socket path must be absolute and shorter than \(capacity) bytes"
            )
        }
        return (path + [0], pathOffset + path.count + 1)
    }

    /// Sends `message` as one datagram to `address` (see ``encode(_:)``).
    ///
    /// - Throws: ``SystemdError`` when the address is invalid or a system call fails.
    static func send(_ message: String, to address: String) throws(SystemdError) {
        let (path, length) = try encode(address)
        #if canImport(Darwin)
            let type = SOCK_DGRAM
        #else
            let type = Int32(SOCK_DGRAM.rawValue) | Int32(SOCK_CLOEXEC.rawValue)
        #endif
        let descriptor = socket(AF_UNIX, type, 0)
        guard descriptor >= 0 else {
            throw SystemdError(code: .sendFailed, reason: "cannot create AF_UNIX datagram socket", errno: errno)
        }
        defer { close(descriptor) }

        var storage = sockaddr_un()
        storage.sun_family = sa_family_t(AF_UNIX)
        withUnsafeMutableBytes(of: &storage.sun_path) { $0.copyBytes(from: path) }
        let bytes = Array(message.utf8)
        #if canImport(Darwin)
            let flags: Int32 = 0
        #else
            let flags = Int32(MSG_NOSIGNAL)
        #endif
        let sent = withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { address in
                bytes.withUnsafeBytes { buffer in
                    sendto(descriptor, buffer.baseAddress, buffer.count, flags, address, socklen_t(length))
                }
            }
        }
        guard sent == bytes.count else {
            throw SystemdError(code: .sendFailed, reason: "cannot send to NOTIFY_SOCKET \(address)", errno: errno)
        }
    }
}
