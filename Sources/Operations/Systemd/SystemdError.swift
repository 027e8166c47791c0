/// A failure to talk to the service manager.
public struct SystemdError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// `NOTIFY_SOCKET` is not a usable address (too long, relative, empty).
        public static let invalidSocketAddress = Code("invalidSocketAddress")
        /// The datagram socket could not be created or the message not sent.
        public static let sendFailed = Code("sendFailed")

        public var description: String { name }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A sentence for operators.
    public var reason: String
    /// `errno` of the failed system call, when there was one.
    public var errno: Int32?
    /// Where the error was created.
    public var file: String
    /// Where the error was created.
    public var line: Int

    /// Creates an error.
    public init(code: Code, reason: String, errno: Int32? = nil, file: String = #fileID, line: Int = #line) {
        self.code = code
        self.reason = reason
        self.errno = errno
        self.file = file
        self.line = line
    }

    public var description: String {
        "SystemdError.\(code): \(reason)" + (errno.map { " (errno \($0))" } ?? "")
    }
}
