/// A failure of the ``HTTPServer``.
public struct HTTPServerError: Error, Sendable, CustomStringConvertible {
    /// What kind of failure this is.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        private let name: String
        private init(_ name: String) { self.name = name }

        /// The listening socket could not be bound (address in use, bad host, no permission).
        public static let bindFailed = Code("bindFailed")
        /// The server stopped before it was bound, so there is no port to report.
        public static let notBound = Code("notBound")
        /// The configuration is not usable (for example a negative port).
        public static let invalidConfiguration = Code("invalidConfiguration")

        public var description: String { name }
    }

    /// What kind of failure this is.
    public var code: Code
    /// A sentence for operators.
    public var reason: String
    /// The underlying error, if any.
    public var cause: (any Error & Sendable)?
    /// Where the error was created.
    public var file: String
    /// Where the error was created.
    public var line: Int

    /// Creates an error.
    public init(
        code: Code,
        reason: String,
        cause: (any Error & Sendable)? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.reason = reason
        self.cause = cause
        self.file = file
        self.line = line
    }

    public var description: String {
        var text = "HTTPServerError.\(code): \(reason)"
        if let cause { text += " (\(cause))" }
        return text
    }
}
