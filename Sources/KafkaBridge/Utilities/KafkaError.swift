import CRdKafka

/// An error reported by librdkafka or by the bridge, classified by a librdkafka error code.
///
/// Decide what to do (retry, dead-letter, exit) from ``code``, ``isRetriable``, ``isFatal`` and
/// ``isTxnRequiresAbort``, never from ``reason``, which is for humans.
public struct KafkaError: Error, Sendable, CustomStringConvertible {
    /// A librdkafka error code (`rd_kafka_resp_err_t`): negative values are librdkafka's own,
    /// positive values are Kafka protocol errors.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        /// The numeric `rd_kafka_resp_err_t` value.
        public let rawValue: Int32

        /// Wraps a raw `rd_kafka_resp_err_t` value.
        /// - Parameter rawValue: The numeric librdkafka error code.
        public init(rawValue: Int32) {
            self.rawValue = rawValue
        }

        init(_ err: rd_kafka_resp_err_t) {
            self.rawValue = err.rawValue
        }

        var cValue: rd_kafka_resp_err_t {
            rd_kafka_resp_err_t(rawValue: rawValue)
        }

        /// The symbolic name from `rd_kafka_err2name`, e.g. `_QUEUE_FULL` or `NOT_COORDINATOR`.
        public var name: String {
            String(cString: rd_kafka_err2name(cValue))
        }

        /// librdkafka's human-readable text for the code (`rd_kafka_err2str`).
        public var text: String {
            String(cString: rd_kafka_err2str(cValue))
        }

        public var description: String { name }

        /// No error (`NO_ERROR`).
        public static let noError = Code(RD_KAFKA_RESP_ERR_NO_ERROR)
        /// Generic failure (`_FAIL`).
        public static let fail = Code(RD_KAFKA_RESP_ERR__FAIL)
        /// Broker transport failure, e.g. a dropped connection (`_TRANSPORT`).
        public static let transport = Code(RD_KAFKA_RESP_ERR__TRANSPORT)
        /// Every configured broker is down (`_ALL_BROKERS_DOWN`).
        public static let allBrokersDown = Code(RD_KAFKA_RESP_ERR__ALL_BROKERS_DOWN)
        /// A local operation timed out (`_TIMED_OUT`).
        public static let timedOut = Code(RD_KAFKA_RESP_ERR__TIMED_OUT)
        /// A produced message was not delivered within `message.timeout.ms` (`_MSG_TIMED_OUT`).
        public static let messageTimedOut = Code(RD_KAFKA_RESP_ERR__MSG_TIMED_OUT)
        /// The producer queue is full (`_QUEUE_FULL`).
        public static let queueFull = Code(RD_KAFKA_RESP_ERR__QUEUE_FULL)
        /// End of partition reached (`_PARTITION_EOF`); never thrown by ``KafkaConsumer/poll(maxMessages:timeout:)``.
        public static let partitionEOF = Code(RD_KAFKA_RESP_ERR__PARTITION_EOF)
        /// Topic unknown in the local metadata cache (`_UNKNOWN_TOPIC`).
        public static let unknownTopic = Code(RD_KAFKA_RESP_ERR__UNKNOWN_TOPIC)
        /// Partition unknown in the local metadata cache (`_UNKNOWN_PARTITION`).
        public static let unknownPartition = Code(RD_KAFKA_RESP_ERR__UNKNOWN_PARTITION)
        /// The broker does not host this topic or partition (`UNKNOWN_TOPIC_OR_PART`).
        public static let unknownTopicOrPartition = Code(RD_KAFKA_RESP_ERR_UNKNOWN_TOPIC_OR_PART)
        /// Invalid argument or configuration (`_INVALID_ARG`).
        public static let invalidArgument = Code(RD_KAFKA_RESP_ERR__INVALID_ARG)
        /// Operation not valid in the current state, e.g. after close (`_STATE`).
        public static let state = Code(RD_KAFKA_RESP_ERR__STATE)
        /// The handle is being destroyed (`_DESTROY`).
        public static let destroy = Code(RD_KAFKA_RESP_ERR__DESTROY)
        /// A fatal error occurred; the real cause is in ``KafkaError/reason`` (`_FATAL`).
        public static let fatal = Code(RD_KAFKA_RESP_ERR__FATAL)
        /// This producer instance was fenced by a newer one (`_FENCED`).
        public static let fenced = Code(RD_KAFKA_RESP_ERR__FENCED)
        /// The broker says a newer producer with the same transactional.id exists (`PRODUCER_FENCED`).
        public static let producerFenced = Code(RD_KAFKA_RESP_ERR_PRODUCER_FENCED)
        /// Producer epoch is stale (`INVALID_PRODUCER_EPOCH`).
        public static let invalidProducerEpoch = Code(RD_KAFKA_RESP_ERR_INVALID_PRODUCER_EPOCH)
        /// The consumer's assignment was lost, e.g. after a session timeout (`_ASSIGNMENT_LOST`).
        public static let assignmentLost = Code(RD_KAFKA_RESP_ERR__ASSIGNMENT_LOST)
        /// The message was purged from the queue before it was sent (`_PURGE_QUEUE`).
        public static let purgeQueue = Code(RD_KAFKA_RESP_ERR__PURGE_QUEUE)
        /// The message was purged while in flight (`_PURGE_INFLIGHT`).
        public static let purgeInflight = Code(RD_KAFKA_RESP_ERR__PURGE_INFLIGHT)
        /// A feature was used that is not configured, e.g. transactions without transactional.id (`_NOT_CONFIGURED`).
        public static let notConfigured = Code(RD_KAFKA_RESP_ERR__NOT_CONFIGURED)
        /// The application did not poll within `max.poll.interval.ms` (`_MAX_POLL_EXCEEDED`).
        public static let maxPollExceeded = Code(RD_KAFKA_RESP_ERR__MAX_POLL_EXCEEDED)
        /// Broker-side request timeout (`REQUEST_TIMED_OUT`).
        public static let requestTimedOut = Code(RD_KAFKA_RESP_ERR_REQUEST_TIMED_OUT)
        /// Leader not available (`LEADER_NOT_AVAILABLE`).
        public static let leaderNotAvailable = Code(RD_KAFKA_RESP_ERR_LEADER_NOT_AVAILABLE)
        /// The broker is not the partition leader (`NOT_LEADER_FOR_PARTITION`).
        public static let notLeaderForPartition = Code(RD_KAFKA_RESP_ERR_NOT_LEADER_FOR_PARTITION)
        /// Not enough in-sync replicas (`NOT_ENOUGH_REPLICAS`).
        public static let notEnoughReplicas = Code(RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS)
        /// Broker-side network error (`NETWORK_EXCEPTION`).
        public static let networkException = Code(RD_KAFKA_RESP_ERR_NETWORK_EXCEPTION)
        /// The coordinator is loading (`COORDINATOR_LOAD_IN_PROGRESS`).
        public static let coordinatorLoadInProgress = Code(RD_KAFKA_RESP_ERR_COORDINATOR_LOAD_IN_PROGRESS)
        /// The coordinator is not available (`COORDINATOR_NOT_AVAILABLE`).
        public static let coordinatorNotAvailable = Code(RD_KAFKA_RESP_ERR_COORDINATOR_NOT_AVAILABLE)
        /// The broker is not the coordinator (`NOT_COORDINATOR`).
        public static let notCoordinator = Code(RD_KAFKA_RESP_ERR_NOT_COORDINATOR)
        /// A group rebalance is in progress (`REBALANCE_IN_PROGRESS`).
        public static let rebalanceInProgress = Code(RD_KAFKA_RESP_ERR_REBALANCE_IN_PROGRESS)
        /// The consumer's group generation is stale (`ILLEGAL_GENERATION`).
        public static let illegalGeneration = Code(RD_KAFKA_RESP_ERR_ILLEGAL_GENERATION)
        /// The group does not know this member (`UNKNOWN_MEMBER_ID`).
        public static let unknownMemberId = Code(RD_KAFKA_RESP_ERR_UNKNOWN_MEMBER_ID)
        /// The message is larger than the broker or topic accepts (`MSG_SIZE_TOO_LARGE`).
        public static let messageSizeTooLarge = Code(RD_KAFKA_RESP_ERR_MSG_SIZE_TOO_LARGE)

        /// Codes that are transient for a plain `rd_kafka_resp_err_t`, where librdkafka gives no
        /// `rd_kafka_error_is_retriable()` classification.
        static let transient: Set<Code> = [
            .transport, .allBrokersDown, .timedOut, .messageTimedOut, .queueFull, .requestTimedOut,
            .leaderNotAvailable, .notLeaderForPartition, .notEnoughReplicas, .networkException,
            .coordinatorLoadInProgress, .coordinatorNotAvailable, .notCoordinator, .rebalanceInProgress,
            .unknownTopicOrPartition, .purgeInflight,
            Code(RD_KAFKA_RESP_ERR_NOT_ENOUGH_REPLICAS_AFTER_APPEND),
            Code(RD_KAFKA_RESP_ERR_KAFKA_STORAGE_ERROR),
            Code(RD_KAFKA_RESP_ERR__TIMED_OUT_QUEUE),
            Code(RD_KAFKA_RESP_ERR__RESOLVE),
        ]
    }

    /// What went wrong, as a librdkafka code.
    public var code: Code
    /// Human-readable detail; never parse it.
    public var reason: String
    /// The operation may succeed if retried (librdkafka's classification where it gives one).
    public var isRetriable: Bool
    /// The client instance is unusable and must be recreated (e.g. a fenced idempotent producer).
    public var isFatal: Bool
    /// The current transaction must be aborted with ``KafkaProducer/abortTransaction(timeout:)``.
    public var isTxnRequiresAbort: Bool
    /// Source file where the bridge raised the error.
    public var file: String
    /// Source line where the bridge raised the error.
    public var line: Int

    /// Creates an error.
    /// - Parameters:
    ///   - code: The librdkafka code.
    ///   - reason: Human-readable detail. Default: librdkafka's text for `code`.
    ///   - isRetriable: Default: whether `code` is a known transient error.
    ///   - isFatal: Default: `false`.
    ///   - isTxnRequiresAbort: Default: `false`.
    public init(
        code: Code,
        reason: String? = nil,
        isRetriable: Bool? = nil,
        isFatal: Bool = false,
        isTxnRequiresAbort: Bool = false,
        file: String = #fileID,
        line: Int = #line
    ) {
        self.code = code
        self.reason = reason ?? code.text
        self.isRetriable = isRetriable ?? Code.transient.contains(code)
        self.isFatal = isFatal
        self.isTxnRequiresAbort = isTxnRequiresAbort
        self.file = file
        self.line = line
    }

    /// This producer was fenced: a newer instance with the same `transactional.id` (or a newer
    /// epoch of it) took over, so this one must stop (`_FENCED`, `PRODUCER_FENCED`,
    /// `INVALID_PRODUCER_EPOCH`).
    public var isFenced: Bool {
        code == .fenced || code == .producerFenced || code == .invalidProducerEpoch
    }

    public var description: String {
        var flags: [String] = []
        if isRetriable { flags.append("retriable") }
        if isFatal { flags.append("fatal") }
        if isTxnRequiresAbort { flags.append("txn-requires-abort") }
        let suffix = flags.isEmpty ? "" : " [\(flags.joined(separator: ", "))]"
        return "KafkaError(\(code.name)): \(reason)\(suffix) at \(file):\(line)"
    }
}

extension KafkaError {
    /// Converts a plain `rd_kafka_resp_err_t` return value; `nil` for `NO_ERROR`.
    static func check(
        _ err: rd_kafka_resp_err_t,
        reason: String? = nil,
        file: String = #fileID,
        line: Int = #line
    ) -> KafkaError? {
        guard err != RD_KAFKA_RESP_ERR_NO_ERROR else { return nil }
        return KafkaError(code: Code(err), reason: reason, file: file, line: line)
    }

    /// Converts and destroys an `rd_kafka_error_t`; `nil` when `error` is `NULL`.
    ///
    /// - Important: Takes ownership: `error` is destroyed and must not be used afterwards.
    static func consume(_ error: OpaquePointer?, file: String = #fileID, line: Int = #line) -> KafkaError? {
        guard let error else { return nil }
        defer { rd_kafka_error_destroy(error) }
        return KafkaError(
            code: Code(rd_kafka_error_code(error)),
            reason: String(cString: rd_kafka_error_string(error)),
            isRetriable: rd_kafka_error_is_retriable(error) != 0,
            isFatal: rd_kafka_error_is_fatal(error) != 0,
            isTxnRequiresAbort: rd_kafka_error_txn_requires_abort(error) != 0,
            file: file,
            line: line
        )
    }

    /// Raised when a handle is used after `close()`.
    static func closed(_ what: String, file: String = #fileID, line: Int = #line) -> KafkaError {
        KafkaError(code: .state, reason: "\(what) is closed", isRetriable: false, file: file, line: line)
    }
}
