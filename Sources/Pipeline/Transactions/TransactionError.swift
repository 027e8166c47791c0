import KafkaBridge

/// Why the exactly-once worker stopped: its producer can no longer run transactions.
public struct TransactionError: Error, Sendable, CustomStringConvertible {
    /// What went wrong.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// A stable name, e.g. `fenced`.
        public let name: String

        /// Another producer with the same `transactional.id` took over (a newer instance, or
        /// this one restarted elsewhere). This process must stop; restarting it would fence the
        /// other one in turn.
        public static let fenced = Code(name: "fenced")
        /// The transactional producer hit a fatal error and must be recreated (restart).
        public static let fatal = Code(name: "fatal")
        /// An aborted transaction could not be cleaned up (abort or consumer rewind failed), so
        /// continuing could skip inputs; a restart resumes from the committed offsets.
        public static let unrecoverable = Code(name: "unrecoverable")
        /// The worker was configured without a `transactional.id`.
        public static let notConfigured = Code(name: "not-configured")

        public var description: String { name }
    }

    /// What went wrong.
    public var code: Code
    /// The producer's `transactional.id`, if known.
    public var transactionalID: String?
    /// One line for humans; never parse it.
    public var reason: String
    /// The Kafka error behind it, if any.
    public var cause: KafkaError?
    /// Source file where the error was raised.
    public var file: String
    /// Source line where the error was raised.
    public var line: Int

    /// Creates an error.
    /// - Parameters:
    ///   - code: What went wrong.
    ///   - transactionalID: The producer's `transactional.id`, if known.
    ///   - reason: One line for humans.
    ///   - cause: The Kafka error behind it. Default: none.
    public init(
        code: Code,
        transactionalID: String?,
        reason: String,
        cause: KafkaError? = nil,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.transactionalID = transactionalID
        self.reason = reason
        self.cause = cause
        self.file = file
        self.line = line
    }

    /// Classifies a Kafka error that ends transactional processing, or returns `nil` when the
    /// current transaction can be aborted and retried.
    static func classify(_ error: KafkaError, transactionalID: String?) -> TransactionError? {
        if error.isFenced {
            return TransactionError(
                code: .fenced, transactionalID: transactionalID,
                reason: "another producer with transactional.id '\(transactionalID ?? "?")' is running; "
                    + "this instance stops (\(error.code.name))",
                cause: error
            )
        }
        if error.isFatal {
            return TransactionError(
                code: .fatal, transactionalID: transactionalID,
                reason: "the transactional producer failed fatally (\(error.code.name): \(error.reason))",
                cause: error
            )
        }
        return nil
    }

    /// One line: `exactly-once <code>: <reason>`.
    public var description: String { "exactly-once \(code): \(reason)" }
}
