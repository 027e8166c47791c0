import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where formatted log lines go: standard error by default (standard output carries offline-mode
/// results), or a closure in tests.
public struct LogOutput: Sendable {
    private let writeLine: @Sendable (String) -> Void

    /// Sends each line (with its trailing newline) to `write`.
    public init(_ write: @escaping @Sendable (String) -> Void) {
        self.writeLine = write
    }

    /// Writes `line` (which ends in a newline).
    public func write(_ line: String) {
        writeLine(line)
    }

    private static let standardErrorLock = Mutex(())

    /// Standard error; each line is written whole, under a lock, so lines from threads never mix.
    public static let standardError = LogOutput { line in
        standardErrorLock.withLock { _ in
            var bytes = Array(line.utf8)
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeMutableBytes { buffer in
                    Glibc.write(2, buffer.baseAddress! + offset, buffer.count - offset)
                }
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
            bytes.removeAll()
        }
    }
}
