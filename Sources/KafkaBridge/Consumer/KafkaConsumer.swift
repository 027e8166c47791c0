import CRdKafka
import Logging
import Synchronization

/// A Kafka group consumer with manual offset management, backed by librdkafka.
///
/// Offsets are never committed or stored automatically: call ``commitSync(_:)`` or
/// ``commit(_:)`` with next-to-read offsets (`offset + 1` of the last message that is done).
///
/// - Important: Blocking librdkafka calls run on two dedicated threads owned by the consumer
///   (one polls and closes, one commits and fetches committed offsets), never on Swift's
///   cooperative pool. Rebalance callbacks run on the polling thread, inside
///   ``poll(maxMessages:timeout:)`` or ``close()``.
public final class KafkaConsumer: Sendable {
    /// The underlying handle; the producer uses it for transactional offset commits.
    let client: RDKafkaClient
    private let logger: Logger
    /// Runs `rd_kafka_consumer_poll` and `rd_kafka_consumer_close`, which serve rebalance callbacks.
    private let pollWorker: BlockingWorker
    /// Runs commits and committed-offset look-ups, so that they do not wait behind a poll.
    private let controlWorker: BlockingWorker
    private let isClosed = Mutex(false)

    /// Creates a consumer.
    ///
    /// The wrapper forces `enable.auto.commit=false` and `enable.auto.offset.store=false`, and
    /// defaults `partition.assignment.strategy` to `cooperative-sticky`. librdkafka's logs go
    /// to `logger`; its main queue is redirected to the consumer queue
    /// (`rd_kafka_poll_set_consumer`), so callbacks are served by ``poll(maxMessages:timeout:)``.
    /// - Parameters:
    ///   - configuration: Raw librdkafka properties; must include `bootstrap.servers` and `group.id`.
    ///   - handlers: Rebalance, error and statistics callbacks. Default: none.
    ///   - logger: Receives librdkafka's logs and the bridge's own.
    /// - Throws: ``KafkaError`` with code `.invalidArgument` for a missing or invalid property.
    public init(
        configuration: [String: String],
        handlers: KafkaEventHandlers = .init(),
        logger: Logger
    ) throws(KafkaError) {
        for required in ["bootstrap.servers", "group.id"] where (configuration[required] ?? "").isEmpty {
            throw KafkaError(code: .invalidArgument, reason: "missing configuration \(required)", isRetriable: false)
        }
        var configuration = configuration
        configuration["enable.auto.commit"] = "false"
        configuration["enable.auto.offset.store"] = "false"
        if configuration["partition.assignment.strategy"] == nil {
            configuration["partition.assignment.strategy"] = "cooperative-sticky"
        }
        let strategy = configuration["partition.assignment.strategy"] ?? ""
        let context = CallbackContext(
            logger: logger,
            handlers: handlers,
            guardsStickyAssignorDestroy: strategy.contains("cooperative-sticky") && rd_kafka_version() < 0x0201_00ff
        )
        let client = try RDKafkaClient.make(
            kind: .consumer,
            configuration: configuration,
            context: context,
            installCallbacks: { conf in rd_kafka_conf_set_rebalance_cb(conf, rebalanceCallback) }
        )
        if let error = KafkaError.check(client.withPointer { rd_kafka_poll_set_consumer($0) }) {
            throw error
        }
        self.client = client
        self.logger = logger
        self.pollWorker = BlockingWorker(name: "kafka-consumer-poll")
        self.controlWorker = BlockingWorker(name: "kafka-consumer-control")
    }

    deinit {
        pollWorker.stop()
        controlWorker.stop()
    }

    /// Subscribes to `topics`, replacing any previous subscription.
    /// - Parameter topics: Topic names (a name starting with `^` is a regular expression).
    /// - Throws: ``KafkaError`` if librdkafka rejects the subscription.
    public func subscribe(topics: [String]) throws(KafkaError) {
        let list = TopicPartitionList(capacity: topics.count)
        for topic in topics {
            list.add(TopicPartition(topic: topic, partition: -1), offset: nil)  // RD_KAFKA_PARTITION_UA
        }
        client.withContext { $0.noteSubscribed() }
        let err = list.withPointer { pointer in client.withPointer { rd_kafka_subscribe($0, pointer) } }
        if let error = KafkaError.check(err) { throw error }
    }

    /// Waits up to `timeout` for messages and returns between 0 and `maxMessages` of them.
    ///
    /// Waits only until the first message arrives, then takes whatever else is already fetched.
    /// `_PARTITION_EOF` events are skipped; other per-message errors are logged and passed to
    /// ``KafkaEventHandlers/onError``, not thrown. Cancelling the task cuts the wait short.
    /// - Parameters:
    ///   - maxMessages: Upper bound of the batch.
    ///   - timeout: Longest wait for the first message.
    /// - Returns: The messages, in the order librdkafka delivered them (ordered within a partition).
    /// - Throws: ``KafkaError`` with code `.state` after ``close()``, or a fatal consumer error.
    /// - Important: Runs `rd_kafka_consumer_poll` on the consumer's polling thread; rebalance
    ///   callbacks run there too, during this call.
    public func poll(maxMessages: Int, timeout: Duration) async throws(KafkaError) -> [KafkaMessage] {
        guard maxMessages > 0 else { return [] }
        let client = self.client
        let result = await withTaskCancellationHandler {
            await pollWorker.run { () -> Result<[KafkaMessage], KafkaError> in
                self.pollBatch(maxMessages: maxMessages, timeout: timeout)
            }
        } onCancel: {
            client.withPointer { rd_kafka_yield($0) }
        }
        return try result.get()
    }

    private func pollBatch(maxMessages: Int, timeout: Duration) -> Result<[KafkaMessage], KafkaError> {
        if isClosed.withLock({ $0 }) { return .failure(.closed("consumer")) }
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var messages: [KafkaMessage] = []
        while messages.count < maxMessages {
            let wait: Int32 = messages.isEmpty ? (deadline - clock.now).milliseconds : 0
            guard let message = client.withPointer({ rd_kafka_consumer_poll($0, Int32(wait)) }) else { break }
            defer { rd_kafka_message_destroy(message) }
            let err = message.pointee.err
            if err == RD_KAFKA_RESP_ERR_NO_ERROR {
                messages.append(KafkaMessage(copying: message))
                continue
            }
            if err == RD_KAFKA_RESP_ERR__PARTITION_EOF { continue }
            let error = consumeError(message)
            if error.isFatal { return .failure(error) }
            if messages.isEmpty && clock.now >= deadline { break }
        }
        return .success(messages)
    }

    private func consumeError(_ message: UnsafeMutablePointer<rd_kafka_message_t>) -> KafkaError {
        var code = KafkaError.Code(message.pointee.err)
        var reason = String(cString: rd_kafka_message_errstr(message))
        var isFatal = false
        if code == .fatal {
            var buffer = [CChar](repeating: 0, count: 512)
            code = KafkaError.Code(client.withPointer { rd_kafka_fatal_error($0, &buffer, buffer.count) })
            reason = String(cBuffer: buffer)
            isFatal = true
        }
        let topic = message.pointee.rkt.map { String(cString: rd_kafka_topic_name($0)) } ?? ""
        let error = KafkaError(code: code, reason: reason, isFatal: isFatal)
        logger.warning(
            "consume error",
            metadata: [
                "kafka.error.code": "\(code.name)",
                "kafka.error.reason": "\(reason)",
                "kafka.topic": "\(topic)",
                "kafka.partition": "\(message.pointee.partition)",
            ]
        )
        if let context = CallbackContext.from(client.withPointer({ rd_kafka_opaque($0) })) {
            context.handlers.onError?(error)
        }
        return error
    }

    /// Commits next-to-read offsets synchronously (`rd_kafka_commit`, not async).
    ///
    /// - Parameter offsets: For each partition, the offset of the next message to read
    ///   (`offset + 1` of the last message that is done). An empty dictionary is a no-op.
    /// - Throws: ``KafkaError`` for the request or the first failing partition.
    /// - Important: Blocks the calling thread until the coordinator answers. Safe to call from
    ///   ``KafkaEventHandlers/onRebalance`` (which runs on the polling thread); from async code
    ///   prefer ``commit(_:)``.
    public func commitSync(_ offsets: [TopicPartition: Int64]) throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        let list = TopicPartitionList(offsets: offsets)
        let err = list.withPointer { pointer in client.withPointer { rd_kafka_commit($0, pointer, 0) } }
        if let error = KafkaError.check(err) { throw error }
        if let error = list.firstError() { throw error }
    }

    /// Commits next-to-read offsets, waiting on the consumer's control thread.
    /// - Parameter offsets: See ``commitSync(_:)``.
    /// - Throws: ``KafkaError`` for the request or the first failing partition.
    public func commit(_ offsets: [TopicPartition: Int64]) async throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        try await controlWorker.run { () -> Result<Void, KafkaError> in
            Result { () throws(KafkaError) in try self.commitSync(offsets) }
        }.get()
    }

    /// Stops fetching from `partitions` (they stay assigned). Messages already fetched for them
    /// are dropped from the local queue and fetched again after ``resume(_:)``.
    /// - Throws: ``KafkaError`` for the request or the first failing partition.
    public func pause(_ partitions: [TopicPartition]) throws(KafkaError) {
        guard !partitions.isEmpty else { return }
        let list = TopicPartitionList(partitions)
        let err = list.withPointer { pointer in client.withPointer { rd_kafka_pause_partitions($0, pointer) } }
        if let error = KafkaError.check(err) { throw error }
        if let error = list.firstError() { throw error }
    }

    /// Resumes fetching from `partitions` at the position after the last message returned.
    /// - Throws: ``KafkaError`` for the request or the first failing partition.
    public func resume(_ partitions: [TopicPartition]) throws(KafkaError) {
        guard !partitions.isEmpty else { return }
        let list = TopicPartitionList(partitions)
        let err = list.withPointer { pointer in client.withPointer { rd_kafka_resume_partitions($0, pointer) } }
        if let error = KafkaError.check(err) { throw error }
        if let error = list.firstError() { throw error }
    }

    /// Moves the fetch positions of assigned partitions (`rd_kafka_seek_partitions`), e.g. back to
    /// the last committed offsets after an aborted transaction.
    ///
    /// Messages fetched before the seek and not yet returned are discarded; the next
    /// ``poll(maxMessages:timeout:)`` returns messages from the new positions.
    /// - Parameters:
    ///   - offsets: Next-to-read offsets by partition. An empty dictionary is a no-op.
    ///   - timeout: Longest wait for the seeks to take effect.
    /// - Throws: ``KafkaError`` for the request or the first failing partition (e.g. a partition
    ///   that is not assigned).
    /// - Important: Runs on the polling thread, after any poll in progress, so a poll that
    ///   starts after this call returns sees the new positions.
    public func seek(_ offsets: [TopicPartition: Int64], timeout: Duration) async throws(KafkaError) {
        guard !offsets.isEmpty else { return }
        try await pollWorker.run { () -> Result<Void, KafkaError> in
            if self.isClosed.withLock({ $0 }) { return .failure(.closed("consumer")) }
            let list = TopicPartitionList(offsets: offsets)
            let error = list.withPointer { pointer in
                self.client.withPointer { rk in
                    KafkaError.consume(rd_kafka_seek_partitions(rk, pointer, timeout.milliseconds))
                }
            }
            if let error { return .failure(error) }
            if let error = list.firstError() { return .failure(error) }
            return .success(())
        }.get()
    }

    /// The partitions currently assigned to this consumer, sorted.
    /// - Throws: ``KafkaError`` if librdkafka cannot report the assignment.
    public func assignment() throws(KafkaError) -> [TopicPartition] {
        var pointer: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?
        let err = client.withPointer { rd_kafka_assignment($0, &pointer) }
        let list = pointer.map(TopicPartitionList.init(owning:))
        if let error = KafkaError.check(err) { throw error }
        return (list?.entries.map(\.partition) ?? []).sorted()
    }

    /// The group's committed next-to-read offsets for `partitions`.
    /// - Parameters:
    ///   - partitions: Partitions to look up.
    ///   - timeout: Longest wait for the coordinator.
    /// - Returns: Offsets by partition; partitions without a committed offset are absent.
    /// - Throws: ``KafkaError`` (e.g. `.timedOut`) for the request or the first failing partition.
    public func committed(
        _ partitions: [TopicPartition],
        timeout: Duration
    ) async throws(KafkaError) -> [TopicPartition: Int64] {
        guard !partitions.isEmpty else { return [:] }
        return try await controlWorker.run { () -> Result<[TopicPartition: Int64], KafkaError> in
            let list = TopicPartitionList(partitions)
            let err = list.withPointer { pointer in
                self.client.withPointer { rd_kafka_committed($0, pointer, timeout.milliseconds) }
            }
            if let error = KafkaError.check(err) { return .failure(error) }
            if let error = list.firstError() { return .failure(error) }
            var offsets: [TopicPartition: Int64] = [:]
            for entry in list.entries where entry.offset >= 0 {
                offsets[entry.partition] = entry.offset
            }
            return .success(offsets)
        }.get()
    }

    /// Leaves the group and stops consuming (`rd_kafka_consumer_close`). Idempotent.
    ///
    /// The final revoke is delivered to ``KafkaEventHandlers/onRebalance`` during this call,
    /// so its handler can still commit — unless a rebalance event was still queued when the
    /// call began: librdkafka then leaves the group first and that commit fails with
    /// `UNKNOWN_MEMBER_ID` (the uncommitted inputs are read again by the next owner).
    /// Afterwards ``poll(maxMessages:timeout:)`` throws.
    /// - Throws: ``KafkaError`` if closing failed (the consumer counts as closed anyway).
    public func close() async throws(KafkaError) {
        let first = isClosed.withLock { closed in
            defer { closed = true }
            return !closed
        }
        // A second caller's job runs after the first one's, so it returns once closing is done.
        try await pollWorker.run { () -> Result<Void, KafkaError> in
            guard first else { return .success(()) }
            let err = self.client.withPointer { rd_kafka_consumer_close($0) }
            self.logger.debug("consumer closed", metadata: ["kafka.client": "\(self.client.name)"])
            if let error = KafkaError.check(err) { return .failure(error) }
            return .success(())
        }.get()
    }
}

/// librdkafka's rebalance callback. Runs on the polling thread. Applies the assignment change
/// the C contract requires, and tells the Swift handler: after assigning, and before unassigning
/// so that the handler can commit the revoked partitions' offsets.
private func rebalanceCallback(
    _ rk: OpaquePointer?,
    _ err: rd_kafka_resp_err_t,
    _ partitions: UnsafeMutablePointer<rd_kafka_topic_partition_list_t>?,
    _ opaque: UnsafeMutableRawPointer?
) {
    guard let rk else { return }
    let context = CallbackContext.from(opaque)
    let changed = partitions.map { TopicPartitionList.entries(of: $0).map(\.partition) } ?? []
    let cooperative = rd_kafka_rebalance_protocol(rk).map { String(cString: $0) } == "COOPERATIVE"

    func report(_ failure: KafkaError?) {
        guard let failure else { return }
        context?.logger.error(
            "rebalance assignment change failed",
            metadata: ["kafka.error.code": "\(failure.code.name)", "kafka.error.reason": "\(failure.reason)"]
        )
        context?.handlers.onError?(failure)
    }

    switch err {
    case RD_KAFKA_RESP_ERR__ASSIGN_PARTITIONS:
        context?.noteAssignment()
        report(
            cooperative
                ? KafkaError.consume(rd_kafka_incremental_assign(rk, partitions))
                : KafkaError.check(rd_kafka_assign(rk, partitions))
        )
        context?.logger.info(
            "partitions assigned",
            metadata: ["kafka.partitions": "\(changed.map(\.description))", "kafka.rebalance.cooperative": "\(cooperative)"]
        )
        context?.handlers.onRebalance?(.assigned(changed))
    case RD_KAFKA_RESP_ERR__REVOKE_PARTITIONS:
        let lost = rd_kafka_assignment_lost(rk) != 0
        context?.logger.info(
            lost ? "partitions lost" : "partitions revoked",
            metadata: ["kafka.partitions": "\(changed.map(\.description))", "kafka.rebalance.cooperative": "\(cooperative)"]
        )
        context?.handlers.onRebalance?(lost ? .lost(changed) : .revoked(changed))
        report(
            cooperative
                ? KafkaError.consume(rd_kafka_incremental_unassign(rk, partitions))
                : KafkaError.check(rd_kafka_assign(rk, nil))
        )
    default:
        report(KafkaError(code: KafkaError.Code(err), reason: "rebalance error"))
        report(KafkaError.check(rd_kafka_assign(rk, nil)))
    }
}
