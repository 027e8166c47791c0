import Foundation

/// Buffered writes to standard output or standard error.
struct StandardStream {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    static var output: StandardStream { StandardStream(handle: .standardOutput) }
    static var error: StandardStream { StandardStream(handle: .standardError) }

    init(handle: FileHandle) {
        self.handle = handle
        buffer.reserveCapacity(1 << 17)
    }

    mutating func write(_ bytes: [UInt8]) {
        buffer += bytes
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func write(_ text: String) { write(Array(text.utf8)) }

    /// Writes the buffer straight from its storage (no `Data` copy).
    mutating func flush() {
        guard !buffer.isEmpty else { return }
        let fd = handle.fileDescriptor
        buffer.withUnsafeBytes { bytes in
            var offset = 0
            while offset < bytes.count {
                let n = Foundation.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
                if n > 0 {
                    offset += n
                } else if n < 0 && errno != EINTR {
                    fatalError("cannot write the output: \(String(cString: strerror(errno)))")
                }
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
