/// An error of the extraction module: a code, a reason, an optional cause and where it was thrown.
public struct ExtractionError: Error, Sendable, CustomStringConvertible {
    /// A machine-readable class of failure.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        public let rawValue: String
        public init(_ rawValue: String) { self.rawValue = rawValue }
        public var description: String { rawValue }

        /// A knowledge-base file could not be read or parsed.
        public static let invalidKnowledgeBase = Code("invalid_knowledge_base")
        /// The article could not be processed.
        public static let extractionFailed = Code("extraction_failed")
        /// The article exceeded the engine's time or size budget.
        public static let budgetExceeded = Code("budget_exceeded")
    }

    public var code: Code
    public var reason: String
    public var cause: (any Error & Sendable)?
    public var file: String
    public var line: Int

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
        var s = "\(code): \(reason)"
        if let cause { s += " (cause: \(cause))" }
        return s
    }
}
